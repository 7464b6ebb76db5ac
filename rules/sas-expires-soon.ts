import { defineRule, maskSecrets, member, parseDuration, parseSasTime, sasUrls } from '../src/rule-api.js';

interface Options {
  days: number;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const TICKS_PER_MILLISECOND = 10_000n;

export default defineRule({
  id: 'sas-expires-soon',
  summary: 'Report SAS URLs that expire within a few days or before the task can finish',
  rationale: [
    'A shared access signature stops working at its expiry `se`. One that expires within `days` days (default 7)',
    'of the lint clock will break the task, job or pool soon after the file is merged: retries, re-runs and nodes',
    'that join a pool later download through it too. For a task with `constraints.maxWallClockTime`, a SAS that',
    'expires before now plus that time may fail in the middle of the run (uploads happen at the end). The clock is',
    'the current time or the configured `now`. Expired tokens are `sas-expired`.',
  ].join('\n'),
  howToFix: 'Issue the SAS at submit time with an expiry that covers the whole run, or switch to `identityReference` (managed identity), which does not expire.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    withinDays: 'SAS in "{field}" for "{host}" expires at "{expiry}", within {days} days',
    beforeWallClock:
      'SAS in "{field}" for "{host}" expires at "{expiry}", before the task\'s "maxWallClockTime" "{maxWallClockTime}" would run out if it started now',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        days: { type: 'number', minimum: 0, description: 'Report a SAS that expires within this many days of the lint clock.' },
      },
      additionalProperties: false,
    },
    defaults: { days: 7 } as Options,
  },
  references: ['Azure Storage SAS semantics', 'S19 TaskConstraints.maxWallClockTime'],
  check(context) {
    const now = context.now.getTime();
    const { days } = context.options;
    const wallClock = context.entity.kind === 'task' ? member(member(context.entity.value, 'constraints'), 'maxWallClockTime') : undefined;
    const parsedWallClock = typeof wallClock === 'string' ? parseDuration(wallClock) : undefined;
    const wallClockMilliseconds =
      parsedWallClock?.ok === true && parsedWallClock.ticks > 0n ? Number(parsedWallClock.ticks / TICKS_PER_MILLISECOND) : undefined;
    for (const found of sasUrls(context.entity)) {
      const expiry = found.sas.expiry;
      const expiresAt = expiry === undefined ? undefined : parseSasTime(expiry)?.getTime();
      if (expiry === undefined || expiresAt === undefined || expiresAt <= now) continue;
      const common = { field: found.field, host: found.parts.host || '(no host)', expiry };
      if (expiresAt < now + days * MILLISECONDS_PER_DAY) {
        context.report({ messageId: 'withinDays', pointer: found.pointer, data: { ...common, days }, fingerprintValue: maskSecrets(found.url) });
      } else if (wallClockMilliseconds !== undefined && typeof wallClock === 'string' && expiresAt < now + wallClockMilliseconds) {
        context.report({
          messageId: 'beforeWallClock',
          pointer: found.pointer,
          data: { ...common, maxWallClockTime: wallClock },
          fingerprintValue: maskSecrets(found.url),
        });
      }
    }
  },
});
