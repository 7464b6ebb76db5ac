/**
 * Stable Batch data-plane api-versions, oldest first (reference Part 0.2). Versions compare by
 * their position here, which is also their date order.
 */
export const API_VERSIONS = [
  '2015-03-01.1.1',
  '2015-06-01.2.0',
  '2015-11-01.2.1',
  '2015-12-01.2.2',
  '2016-02-01.3.0',
  '2016-07-01.3.1',
  '2017-01-01.4.0',
  '2017-05-01.5.0',
  '2017-06-01.5.1',
  '2017-09-01.6.0',
  '2018-03-01.6.1',
  '2018-08-01.7.0',
  '2018-12-01.8.0',
  '2019-06-01.9.0',
  '2019-08-01.10.0',
  '2020-03-01.11.0',
  '2020-09-01.12.0',
  '2021-06-01.14.0',
  '2022-01-01.15.0',
  '2022-10-01.16.0',
  '2023-05-01.17.0',
  '2023-11-01.18.0',
  '2024-02-01.19.0',
  '2024-07-01.20.0',
  '2025-06-01.21.0',
] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

export const NEWEST_API_VERSION: ApiVersion = '2025-06-01.21.0';

export function isApiVersion(text: unknown): text is ApiVersion {
  return typeof text === 'string' && (API_VERSIONS as readonly string[]).includes(text);
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareApiVersions(a: ApiVersion, b: ApiVersion): number {
  return API_VERSIONS.indexOf(a) - API_VERSIONS.indexOf(b);
}

export function isAtLeast(version: ApiVersion, minimum: ApiVersion): boolean {
  return compareApiVersions(version, minimum) >= 0;
}

export function isAtMost(version: ApiVersion, maximum: ApiVersion): boolean {
  return compareApiVersions(version, maximum) <= 0;
}
