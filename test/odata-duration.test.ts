import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseDuration,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  TIMESPAN_MAX_TEXT,
  TIMESPAN_MAX_TICKS,
} from '../src/batch/odata-duration.js';

function ticksOf(text: string): bigint {
  const parsed = parseDuration(text);
  assert.ok(parsed.ok, `expected "${text}" to parse, got ${parsed.ok ? '' : parsed.reason}`);
  return parsed.ticks;
}

function reasonFor(text: string): string {
  const parsed = parseDuration(text);
  assert.ok(!parsed.ok, `expected "${text}" to be rejected, got ${parsed.ok ? parsed.ticks : ''} ticks`);
  return parsed.reason;
}

describe('parseDuration accepts day-time durations', () => {
  const accepted: Array<[string, bigint]> = [
    ['PT1H', TICKS_PER_HOUR],
    ['P1D', TICKS_PER_DAY],
    ['P2DT12H', 2n * TICKS_PER_DAY + 12n * TICKS_PER_HOUR],
    ['PT90S', 90n * TICKS_PER_SECOND],
    ['PT1.5S', 15n * TICKS_PER_SECOND / 10n],
    ['PT15M', 15n * TICKS_PER_MINUTE],
    ['P1DT2H3M4S', TICKS_PER_DAY + 2n * TICKS_PER_HOUR + 3n * TICKS_PER_MINUTE + 4n * TICKS_PER_SECOND],
    ['PT0S', 0n],
    ['P0D', 0n],
    ['PT36H', 36n * TICKS_PER_HOUR],
    ['P007D', 7n * TICKS_PER_DAY],
    ['PT0.0000001S', 1n],
    ['PT2147483647S', 2_147_483_647n * TICKS_PER_SECOND],
    ['-PT1H', -TICKS_PER_HOUR],
    ['-PT0S', 0n],
    [TIMESPAN_MAX_TEXT, TIMESPAN_MAX_TICKS],
    ['P10675199DT2H48M5.4775808S', TIMESPAN_MAX_TICKS + 1n],
    ['P2147483647D', 2_147_483_647n * TICKS_PER_DAY],
  ];
  for (const [text, ticks] of accepted) {
    it(`"${text}" is ${ticks} ticks`, () => assert.equal(ticksOf(text), ticks));
  }

  it('truncates fractions past seven digits, as XmlConvert does', () => {
    assert.equal(ticksOf('P10675199DT2H48M5.47758079999S'), TIMESPAN_MAX_TICKS);
    assert.equal(ticksOf('PT0.00000009S'), 0n);
  });

  it('keeps TimeSpan.MaxValue exact: one tick more is a different value', () => {
    assert.notEqual(ticksOf('P10675199DT2H48M5.4775808S'), TIMESPAN_MAX_TICKS);
    assert.equal(ticksOf('P10675199DT2H48M5.4775806S'), TIMESPAN_MAX_TICKS - 1n);
  });
});

describe('parseDuration rejects what the OData day-time grammar does not accept', () => {
  const rejected: Array<[string, string]> = [
    ['PT', 'it has no components; write e.g. "PT1H"'],
    ['P', 'it has no components; write e.g. "PT1H"'],
    ['-P', 'it has no components; write e.g. "PT1H"'],
    ['P1Y', 'years are not allowed in a day-time duration; use days, e.g. "P365D"'],
    ['P1M', 'months are not allowed in a day-time duration ("M" before "T" means months; minutes are written "PT30M")'],
    ['P1MT1H', 'months are not allowed in a day-time duration ("M" before "T" means months; minutes are written "PT30M")'],
    ['P1W', 'weeks are not allowed in a day-time duration; use days, e.g. "P7D"'],
    ['PT1H30', 'the number 30 at the end has no unit (D, H, M or S)'],
    ['P1', 'the number 1 at the end has no unit (D, H, M or S)'],
    ['P1DT', '"T" must be followed by hours, minutes or seconds'],
    ['1h', 'an ISO 8601 duration starts with "P", e.g. "PT1H"'],
    ['T1H', 'an ISO 8601 duration starts with "P", e.g. "PT1H"'],
    ['01:00:00', '"[d.]hh:mm:ss" is the .NET TimeSpan format; write "PT1H"'],
    ['1.02:03:04.500', '"[d.]hh:mm:ss" is the .NET TimeSpan format; write "P1DT2H3M4.5S"'],
    ['00:30', '"[d.]hh:mm:ss" is the .NET TimeSpan format; write "PT30M"'],
    ['00:00:00', '"[d.]hh:mm:ss" is the .NET TimeSpan format; write "PT0S"'],
    ['3600', 'a bare number has no unit; write e.g. "PT30S" for 30 seconds'],
    ['-5', 'a bare number has no unit; write e.g. "PT30S" for 30 seconds'],
    ['pt1h', 'the designators are case-sensitive; write "PT1H"'],
    ['Pt1H', 'the designators are case-sensitive; write "PT1H"'],
    ['p1y', 'years are not allowed in a day-time duration; use days, e.g. "P365D"'],
    ['', 'it is empty; write e.g. "PT1H"'],
    [' PT1H', 'it has leading or trailing whitespace'],
    ['PT1H\n', 'it has leading or trailing whitespace'],
    ['PT1.S', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['PT.5S', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['PT1M1H', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['P1DT1H1H', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['P1.5D', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['PT1,5S', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['+PT1H', 'an ISO 8601 duration starts with "P", e.g. "PT1H"'],
    ['P-1D', 'it does not have the form P[nD][T[nH][nM][n[.n]S]]'],
    ['P2147483648D', 'the number 2147483648 is larger than 2147483647, the most one component can hold'],
    ['PT0002147483648S', 'the number 2147483648 is larger than 2147483647, the most one component can hold'],
  ];
  for (const [text, reason] of rejected) {
    it(`${JSON.stringify(text)}: ${reason}`, () => assert.equal(reasonFor(text), reason));
  }

  it('abbreviates a huge offending number in the reason', () => {
    assert.equal(
      reasonFor(`P${'9'.repeat(1000)}D`),
      `the number ${'9'.repeat(37)}… is larger than 2147483647, the most one component can hold`,
    );
  });

  it('stays linear on long hostile text', () => {
    const started = process.hrtime.bigint();
    reasonFor('P' + '1'.repeat(200_000));
    reasonFor('PT' + '1H'.repeat(100_000));
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n);
  });
});
