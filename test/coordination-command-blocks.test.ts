import { test } from 'node:test';
import { RuleTester, builtInRules } from '../src/index.js';

const rule = builtInRules.find((candidate) => candidate.id === 'coordination-command-blocks')!;
const task = (coordinationCommandLine: string) => ({
  id: 'mpi',
  commandLine: 'mpirun app',
  multiInstanceSettings: { numberOfInstances: 2, coordinationCommandLine },
});
const blocks = (service: string) => [
  { messageId: 'blocks', pointer: '/multiInstanceSettings/coordinationCommandLine', message: `Coordination command runs "${service}" in the foreground; the application command starts only after every coordination command returns` },
];

test('launchers are stepped over: start options, /wait, window titles, sudo and nohup', async () => {
  await new RuleTester().run(rule, {
    valid: [
      { code: task('cmd /c start /b /min smpd -d') },
      { code: task('cmd /c start "title" smpd') },
      { code: task('sudo -E nohup sshd -D') },
    ],
    invalid: [
      { code: task('cmd /c start /b /WAIT smpd'), errors: blocks('smpd') },
      { code: task('sudo -E nice sshd -D'), errors: blocks('sshd') },
      { code: task('cmd /c start /wait "title" smpd'), errors: blocks('smpd') },
    ],
  });
});

test('a hostile line of 50,000 launchers is read in linear time', async () => {
  // Each launcher used to copy the remaining words: minutes for this line.
  await new RuleTester().run(rule, {
    valid: [{ code: task('start /b '.repeat(30_000) + 'smpd') }],
    invalid: [{ code: task('sudo '.repeat(50_000) + 'smpd'), errors: blocks('smpd') }],
  });
});
