import { defineRule, maskSecrets, parseSasTime, sasUrls } from '../src/rule-api.js';

export default defineRule({
  id: 'sas-not-yet-valid',
  summary: 'Report SAS URLs whose start time (st) is still in the future',
  rationale: [
    'Azure Storage refuses a shared access signature before its start time `st`, so a task that runs now fails to',
    'download or upload through it. A start time set ahead usually comes from a local clock or time zone mix-up',
    '(`st` is UTC). The time is compared with the lint clock: the current time or the configured `now`.',
  ].join('\n'),
  howToFix: 'Generate the SAS without `st`, or with a start time a few minutes in the past to allow for clock skew.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    notYetValid: 'SAS in "{field}" for "{host}" is not valid before "{start}"; requests made earlier are refused',
  },
  references: ['Azure Storage SAS semantics'],
  check(context) {
    for (const found of sasUrls(context.entity)) {
      const start = found.sas.start;
      const startsAt = start === undefined ? undefined : parseSasTime(start);
      if (start === undefined || startsAt === undefined || startsAt.getTime() <= context.now.getTime()) continue;
      context.report({
        messageId: 'notYetValid',
        pointer: found.pointer,
        data: { field: found.field, host: found.parts.host || '(no host)', start },
        fingerprintValue: maskSecrets(found.url),
      });
    }
  },
});
