import { objectMember, stringMember } from '../engine/untrusted-json.js';

const LINUX_AGENT = /ubuntu|centos|debian|rhel|redhat|\bel\b|almalinux|alma|rocky|mariner|azurelinux|linux|suse|oracle/i;

/**
 * The operating system of a pool's nodes, told from `nodeAgentSKUId` (`batch.node.windows amd64`,
 * `batch.node.ubuntu 22.04`, …), else from the image publisher. Undefined when it cannot be told.
 */
export function poolOperatingSystem(pool: unknown): 'linux' | 'windows' | undefined {
  if (objectMember(pool, 'cloudServiceConfiguration')) return 'windows';
  const vm = objectMember(pool, 'virtualMachineConfiguration');
  const agent = stringMember(vm, 'nodeAgentSKUId');
  if (agent !== undefined && !agent.startsWith('[')) {
    if (/windows/i.test(agent)) return 'windows';
    if (LINUX_AGENT.test(agent)) return 'linux';
  }
  const image = objectMember(vm, 'imageReference');
  const publisher = stringMember(image, 'publisher')?.toLowerCase();
  const offer = stringMember(image, 'offer')?.toLowerCase() ?? '';
  if (publisher === 'microsoftwindowsserver' || offer.includes('windows')) return 'windows';
  if (publisher && /canonical|openlogic|redhat|debian|suse|almalinux|microsoft-azure-batch|microsoft-dsvm/.test(publisher)) {
    return offer.includes('windows') ? 'windows' : 'linux';
  }
  return undefined;
}
