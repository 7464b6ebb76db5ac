/**
 * ISO 8601 day-time durations as the Batch service reads them (reference A.4). The service parses
 * Edm.Duration with OData's EdmValueParser: the regex `^[^YM]*[DT].*$` first (so no years and no
 * months), then `XmlConvert.ToTimeSpan`, whose result is a .NET TimeSpan: a signed 64-bit count of
 * 100-nanosecond ticks. batchlint accepts the stricter grammar A.4 recommends,
 * `-?P[nD][T[nH][nM][n[.n]S]]` with at least one component, and measures in ticks held as bigint
 * so that the comparison with TimeSpan.MaxValue is exact.
 */

import { rememberRecent } from './remembered-answers.js';

export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;

/** .NET `TimeSpan.MaxValue`, which the service reports for "unlimited". */
export const TIMESPAN_MAX_TEXT = 'P10675199DT2H48M5.4775807S';
export const TIMESPAN_MAX_TICKS = 9_223_372_036_854_775_807n;

export type DurationParse =
  | { ok: true; /** Signed length in 100 ns ticks, truncated like XmlConvert (digits past the 7th are dropped). */ ticks: bigint }
  | { ok: false; /** Why the text is not a duration, phrased to follow "…: " in a message, with a fix where one is clear. */ reason: string };

const DAY_TIME_DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/;
/** XmlConvert reads each component into an Int32 and overflows beyond it. */
const COMPONENT_MAX = 2_147_483_647n;
const FRACTION_DIGITS = 7;

/** The same few durations recur in thousands of tasks; answers are read-only. */
export const parseDuration: (text: string) => DurationParse = rememberRecent(parseDurationText);

function parseDurationText(text: string): DurationParse {
  const match = DAY_TIME_DURATION.exec(text);
  if (match === null) return { ok: false, reason: diagnose(text) };
  const [, minus, days, hours, minutes, seconds, fraction] = match;
  const hasTimeComponent = hours !== undefined || minutes !== undefined || seconds !== undefined;
  if (days === undefined && !hasTimeComponent) return { ok: false, reason: diagnose(text) };
  if (text.includes('T') && !hasTimeComponent) return { ok: false, reason: diagnose(text) };

  let ticks = 0n;
  const components: Array<[string | undefined, bigint]> = [
    [days, TICKS_PER_DAY],
    [hours, TICKS_PER_HOUR],
    [minutes, TICKS_PER_MINUTE],
    [seconds, TICKS_PER_SECOND],
  ];
  for (const [digits, unit] of components) {
    if (digits === undefined) continue;
    const count = BigInt(digits);
    if (count > COMPONENT_MAX) {
      return {
        ok: false,
        reason: `the number ${abbreviate(digits.replace(/^0+(?=\d)/, ''))} is larger than 2147483647, the most one component can hold`,
      };
    }
    ticks += count * unit;
  }
  if (fraction !== undefined) ticks += BigInt(fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, '0'));
  return { ok: true, ticks: minus === undefined ? ticks : -ticks };
}

/** The first problem a reader would want named, checked from the most to the least specific. */
function diagnose(text: string): string {
  if (text === '') return 'it is empty; write e.g. "PT1H"';
  if (text.trim() !== text) return 'it has leading or trailing whitespace';
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return 'a bare number has no unit; write e.g. "PT30S" for 30 seconds';
  const timeSpanText = fromTimeSpanText(text);
  if (timeSpanText !== undefined) {
    return `"[d.]hh:mm:ss" is the .NET TimeSpan format; write "${abbreviate(timeSpanText)}"`;
  }
  const upper = text.toUpperCase();
  if (upper !== text && parseDuration(upper).ok) return `the designators are case-sensitive; write "${abbreviate(upper)}"`;
  const body = upper.startsWith('-') ? upper.slice(1) : upper;
  if (!body.startsWith('P')) return 'an ISO 8601 duration starts with "P", e.g. "PT1H"';
  if (body.includes('Y')) return 'years are not allowed in a day-time duration; use days, e.g. "P365D"';
  if (body.includes('W')) return 'weeks are not allowed in a day-time duration; use days, e.g. "P7D"';
  const timeStart = body.indexOf('T');
  const monthAt = body.indexOf('M');
  if (monthAt !== -1 && (timeStart === -1 || monthAt < timeStart)) {
    return 'months are not allowed in a day-time duration ("M" before "T" means months; minutes are written "PT30M")';
  }
  if (upper !== text) return `the designators must be upper case, as in "PT1H"`;
  if (body === 'P' || body === 'PT') return 'it has no components; write e.g. "PT1H"';
  if (body.endsWith('T')) return '"T" must be followed by hours, minutes or seconds';
  const trailingNumber = /(\d+(\.\d+)?)$/.exec(body);
  if (trailingNumber !== null) return `the number ${abbreviate(trailingNumber[1] ?? '')} at the end has no unit (D, H, M or S)`;
  return 'it does not have the form P[nD][T[nH][nM][n[.n]S]]';
}

/** `[-][d.]hh:mm[:ss[.fffffff]]` rewritten as ISO 8601, when the text has that shape. */
function fromTimeSpanText(text: string): string | undefined {
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(\.\d+)?)?$/.exec(text);
  if (match === null) return undefined;
  const [, minus, days, hours, minutes, seconds, fraction] = match;
  let time = '';
  if (Number(hours) > 0) time += `${Number(hours)}H`;
  if (Number(minutes) > 0) time += `${Number(minutes)}M`;
  const fractionDigits = (fraction ?? '').slice(1).replace(/0+$/, '');
  if (Number(seconds ?? 0) > 0 || fractionDigits !== '') {
    time += `${Number(seconds ?? 0)}${fractionDigits === '' ? '' : '.' + fractionDigits}S`;
  }
  const day = days !== undefined && Number(days) > 0 ? `${Number(days)}D` : '';
  if (day === '' && time === '') time = '0S';
  return `${minus ?? ''}P${day}${time === '' ? '' : 'T' + time}`;
}

function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
