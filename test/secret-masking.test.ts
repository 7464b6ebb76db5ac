import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/lint.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET_RULES = [
  'sas-token-committed',
  'sas-expired',
  'sas-expires-soon',
  'sas-not-yet-valid',
  'sas-http-not-allowed',
  'sas-placeholder',
  'url-malformed',
  'url-insecure-http',
  'secret-literal',
  'resource-file-url-not-container',
  'resource-file-container-sas-missing-list',
  'output-container-sas-no-write',
  'output-container-url-not-container',
  'output-container-no-auth',
  'output-path-collision',
];
/** Values planted in the fixtures that no message may repeat. */
const SECRETS = [
  'FAKE0signature0for0tests0only',
  'hunter2-registry',
  'Render!2025',
  'OPENSSH PRIVATE KEY',
  'FAKEaccountKeyForTests',
  'correct-horse-battery',
  'AccountKey=FAKE',
  'SharedAccessKey=FAKE',
];

async function messagesOf(ruleId: string, fixture: string): Promise<string[]> {
  const cwd = path.join(projectRoot, 'fixtures', ruleId);
  const run = await lint({
    cwd,
    patterns: [fixture],
    config: { content: { rules: Object.fromEntries(SECRET_RULES.map((id) => [id, 'warn'])) }, directory: cwd },
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.deepEqual(run.failures, []);
  return run.results.flatMap((result) => result.messages.map((message) => message.message));
}

test('SAS and secret findings never repeat a signature, password or key', async () => {
  const fixtures: Array<[string, string]> = [
    ['sas-token-committed', 'invalid.json'],
    ['sas-token-committed', 'invalid-job.json'],
    ['sas-expired', 'invalid.json'],
    ['url-malformed', 'invalid.json'],
    ['resource-file-url-not-container', 'invalid.json'],
    ['output-container-url-not-container', 'invalid.json'],
    ['secret-literal', 'invalid.json'],
    ['secret-literal', 'invalid-task.json'],
    ['secret-literal', 'invalid-job.json'],
  ];
  let checked = 0;
  for (const [ruleId, fixture] of fixtures) {
    for (const message of await messagesOf(ruleId, fixture)) {
      checked += 1;
      for (const secret of SECRETS) assert.ok(!message.includes(secret), `${ruleId}/${fixture}: "${message}" repeats a secret`);
    }
  }
  assert.ok(checked >= 30, `only ${checked} messages were checked`);
});

test('URLs in messages show the signature masked as sig=***', async () => {
  const messages = await messagesOf('resource-file-url-not-container', 'invalid.json');
  const blobPath = messages.find((message) => message.includes('has a path below the container'));
  assert.equal(
    blobPath,
    '"storageContainerUrl" "https://contosobatch.blob.core.windows.net/simulation-inputs/run-18/config?sv=2022-11-02&sr=c&sp=rl&se=2026-06-30T00:00:00Z&sig=***" has a path below the container; use the container URL and move the rest into "blobPrefix"',
  );
  const committed = await messagesOf('sas-token-committed', 'invalid.json');
  assert.ok(
    committed.includes(
      '"resourceFiles[0].httpUrl" holds a SAS token for "contosobatch.blob.core.windows.net" ("sig=***"); use a managed identity or inject the URL at submit time',
    ),
    committed.join('\n'),
  );
});

test('secret-literal names the property, not the value', async () => {
  const messages = await messagesOf('secret-literal', 'invalid-task.json');
  assert.ok(
    messages.includes(
      'Environment variable "DB_PASSWORD" holds a literal value that looks like a secret; supply it at submit time from a secret store',
    ),
    messages.join('\n'),
  );
  assert.ok(
    messages.includes(
      '"containerSettings.registry.password" holds a literal container registry password; remove it, rotate it and supply it at submit time or use a managed identity',
    ),
    messages.join('\n'),
  );
});
