/**
 * Reading URLs as users write them into Batch bodies, and the Azure Storage shared access
 * signature (SAS) in their query. Input is untrusted: nothing here throws, and a malformed URL
 * is described rather than rejected, so rules can still look at its query.
 */

import { rememberRecent } from './remembered-answers.js';

export interface UrlParts {
  /** The scheme, lower-cased, when the text starts with `scheme://`. */
  readonly scheme: string | undefined;
  /** The host, lower-cased, without user info or port; undefined when there is no authority. */
  readonly host: string | undefined;
  /** True when the authority carries `user:password@`. */
  readonly hasUserInfo: boolean;
  /** The raw path (everything between the authority and `?`/`#`). */
  readonly path: string;
  /** Non-empty path segments, percent-decoded where the encoding is valid. */
  readonly pathSegments: readonly string[];
  /** The raw query after `?` (without `#fragment`), or undefined when there is no `?`. */
  readonly query: string | undefined;
  /** Query parameters by lower-cased name, percent-decoded; the first occurrence wins. */
  readonly params: ReadonlyMap<string, string>;
}

const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;

/**
 * Split a URL into the parts the rules need; never throws. Several URL and SAS rules parse the
 * same URLs of each entity, and container URLs recur across tasks: the parts are only read.
 */
export const parseUrl: (text: string) => UrlParts = rememberRecent(splitUrl, 4096);

function splitUrl(text: string): UrlParts {
  const match = ABSOLUTE_URL.exec(text);
  if (match === null) {
    const queryStart = text.indexOf('?');
    const beforeQuery = queryStart === -1 ? text : text.slice(0, queryStart);
    const query = queryStart === -1 ? undefined : stripFragment(text.slice(queryStart + 1));
    const path = stripFragment(beforeQuery);
    return {
      scheme: undefined,
      host: undefined,
      hasUserInfo: false,
      path,
      pathSegments: splitPath(path),
      query,
      params: parseQuery(query),
    };
  }
  const authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  const hostAndPort = at === -1 ? authority : authority.slice(at + 1);
  const path = match[3] ?? '';
  const query = match[4];
  return {
    scheme: (match[1] ?? '').toLowerCase(),
    host: hostWithoutPort(hostAndPort).toLowerCase(),
    hasUserInfo: at !== -1 && authority.slice(0, at).includes(':'),
    path,
    pathSegments: splitPath(path),
    query,
    params: parseQuery(query),
  };
}

function stripFragment(text: string): string {
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(0, hash);
}

function hostWithoutPort(hostAndPort: string): string {
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    return close === -1 ? hostAndPort : hostAndPort.slice(0, close + 1);
  }
  const colon = hostAndPort.indexOf(':');
  return colon === -1 ? hostAndPort : hostAndPort.slice(0, colon);
}

function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeLeniently(segment));
}

/**
 * Percent-decode, keeping the text as written when the encoding is broken (`%zz`, lone `%`).
 * In a query `+` stands for a space; in a path it is a literal plus.
 */
export function decodeLeniently(text: string, plusIsSpace = false): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function parseQuery(query: string | undefined): Map<string, string> {
  const params = new Map<string, string>();
  if (query === undefined || query === '') return params;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeLeniently(equals === -1 ? pair : pair.slice(0, equals), true).toLowerCase();
    const value = equals === -1 ? '' : decodeLeniently(pair.slice(equals + 1), true);
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/** The SAS fields of a URL's query, by meaning (Azure Storage query keys in comments). */
export interface SasToken {
  /** `sv` */
  readonly version: string | undefined;
  /** `sr`: `b` blob, `c` container, `bs`, `bv`, `d` directory… */
  readonly resource: string | undefined;
  /** `sp`: permission letters (`r`, `a`, `c`, `w`, `d`, `l`, …). */
  readonly permissions: string | undefined;
  /** `st`, as written (decoded). */
  readonly start: string | undefined;
  /** `se`, as written (decoded). */
  readonly expiry: string | undefined;
  /** `spr`: `https` or `https,http`. */
  readonly protocol: string | undefined;
  /** `si`: stored access policy id; with it, `sp`/`st`/`se` may legitimately be absent. */
  readonly policyId: string | undefined;
  /** True when `sig` is present, i.e. the URL carries a live credential. */
  readonly hasSignature: boolean;
}

const SAS_KEYS = ['sv', 'sr', 'sp', 'st', 'se', 'spr', 'si', 'sig', 'ss', 'srt', 'skoid', 'sktid', 'ske'];

/** The SAS in the URL's query, or undefined when the query has no SAS key at all. */
export function parseSas(url: string | UrlParts): SasToken | undefined {
  const parts = typeof url === 'string' ? parseUrl(url) : url;
  const params = parts.params;
  if (!SAS_KEYS.some((key) => params.has(key))) return undefined;
  return {
    version: params.get('sv'),
    resource: params.get('sr'),
    permissions: params.get('sp'),
    start: params.get('st'),
    expiry: params.get('se'),
    protocol: params.get('spr'),
    policyId: params.get('si'),
    hasSignature: params.has('sig'),
  };
}

const SAS_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A SAS `st`/`se` value as an instant. Azure Storage accepts ISO 8601 UTC dates
 * (`2026-01-01`, read as midnight UTC) and date-times (`2026-01-01T08:30Z`,
 * `2026-01-01T08:30:00.0000000Z`). Anything else, including impossible dates, is undefined.
 */
export function parseSasTime(text: string): Date | undefined {
  const match = SAS_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = match[7] === undefined ? 0 : Number(`0.${match[7]}`) * 1000;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fraction);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const zone = match[8];
  const offsetMinutes = zone === undefined || zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  return new Date(utc - offsetMinutes * 60_000);
}

function zoneOffsetMinutes(zone: string): number {
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return zone.startsWith('-') ? -minutes : minutes;
}

/**
 * Query parameters whose values are credentials: the SAS signature, Azure Functions keys,
 * OAuth tokens, AWS/GCS presigned-URL signatures and the like.
 */
const SECRET_QUERY_KEYS = new Set([
  'sig',
  'signature',
  'code',
  'token',
  'access_token',
  'accesstoken',
  'password',
  'pwd',
  'secret',
  'client_secret',
  'key',
  'apikey',
  'api_key',
  'api-key',
  'x-amz-signature',
  'x-amz-security-token',
  'x-goog-signature',
  'x-goog-credential',
]);

/**
 * The URL with every secret replaced by `***`: secret query values (`sig=***`) and the password
 * of `user:password@` user info. Everything else is kept byte for byte, so the result still
 * identifies the URL in a message.
 */
export function maskSecrets(url: string): string {
  const masked = url.replace(
    /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*):([^/?#@]*)@/,
    (_whole, scheme: string, user: string) => `${scheme}${user}:***@`,
  );
  const queryStart = masked.indexOf('?');
  if (queryStart === -1) return masked;
  const hash = masked.indexOf('#', queryStart);
  const queryEnd = hash === -1 ? masked.length : hash;
  const query = masked.slice(queryStart + 1, queryEnd);
  const maskedQuery = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = decodeLeniently(pair.slice(0, equals), true).toLowerCase();
      return SECRET_QUERY_KEYS.has(name) ? `${pair.slice(0, equals)}=***` : pair;
    })
    .join('&');
  return masked.slice(0, queryStart + 1) + maskedQuery + masked.slice(queryEnd);
}

/** The URL without query and fragment, for comparing destinations (`https://a/c?sig=1` = `https://a/c?sig=2`). */
export function urlWithoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}

/** Absolute http(s) URLs inside free text such as a command line (`azcopy copy "https://…?sv=…"`). */
export function findUrlsInText(text: string): string[] {
  // Most command lines and environment values hold no URL: skip the regular expression for them.
  if (text.indexOf('://') === -1) return [];
  return text.match(/https?:\/\/[^\s"'<>`]+/gi) ?? [];
}

/** What a URL that should name a blob container actually names. */
export type ContainerUrlShape = 'container' | 'accountRoot' | 'blob';

/**
 * Azure Storage URLs are `https://{account}.blob.core.windows.net/{container}/{blob}`; emulators
 * and IP-addressed endpoints put the account first (`http://127.0.0.1:10000/{account}/{container}`).
 * Undefined when the URL has no host to judge by.
 */
export function containerUrlShape(parts: UrlParts): ContainerUrlShape | undefined {
  if (parts.host === undefined || parts.host === '') return undefined;
  const accountInPath = parts.host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(parts.host) || parts.host.startsWith('[');
  const containerIndex = accountInPath ? 1 : 0;
  const segments = parts.pathSegments.length;
  if (segments <= containerIndex) return 'accountRoot';
  return segments === containerIndex + 1 ? 'container' : 'blob';
}

/** Why a URL that should name a blob container does not; the values double as message ids. */
export type NotAContainerReason = 'blobPath' | 'accountRoot' | 'blobSas';

/** A path below the container, no container at all, or a SAS scoped to one blob (`sr=b`); undefined for a container URL. */
export const whyNotAContainerUrl: (url: string) => NotAContainerReason | undefined = rememberRecent(whyNotAContainerUrlUncached);

function whyNotAContainerUrlUncached(url: string): NotAContainerReason | undefined {
  const parts = parseUrl(url);
  const shape = containerUrlShape(parts);
  if (shape === 'blob') return 'blobPath';
  if (shape === 'accountRoot') return 'accountRoot';
  return parseSas(parts)?.resource === 'b' ? 'blobSas' : undefined;
}

export type SasPlaceholderKind = 'query' | 'signature';

const PLACEHOLDER_QUERY = /^(your)?(sas|sastoken|sasquery|saskey|sasstring|sasurl|token|signature)(here)?$/;
/** `<sas>`, `{sas-token}`, `[SAS]` anywhere, but not `${SAS}`, `#{SAS}#` or `{{ sas }}`: those are filled in by a pipeline. */
const BRACKETED_SAS = /(^|[^${#])([<[]|\{(?!\{))[^<>{}[\]$]*sas[^<>{}[\]]*[>\]}]/i;
const MAY_HOLD_BRACKET = /[<[{]|%3c|%5b|%7b/i;
const PLACEHOLDER_SIGNATURE = /^(<.*>|\{(?!\{).*\}|\[.*\]|\.{3,}|…|x{3,}|\*+|sig|signature|redacted|placeholder)$/i;

/**
 * A SAS that was never filled in, as copied from documentation: `file.exe?sas` (EX19),
 * `?<sas-token>`, `?{sas}`, `&sig=<signature>`. Substitution syntax that a pipeline resolves at
 * submit time (`${SAS}`, `$(SAS)`, `%SAS%`, `#{Sas}#`, `{{ sas }}`) is not a placeholder left behind.
 */
export const sasPlaceholderKind: (url: string) => SasPlaceholderKind | undefined = rememberRecent(sasPlaceholderKindUncached);

function sasPlaceholderKindUncached(url: string): SasPlaceholderKind | undefined {
  const parts = parseUrl(url);
  // A query with `$`, `%`, `#` or `{{` is filled in by a pipeline (or percent-encoded, so never a bare word).
  if (parts.query !== undefined && !/[$%#]|\{\{/.test(parts.query)) {
    const words = decodeLeniently(parts.query, true).toLowerCase().replace(/[^a-z0-9]/g, '');
    if (PLACEHOLDER_QUERY.test(words)) return 'query';
  }
  // Only an opening bracket, written or percent-encoded, can start a bracketed placeholder: skip the decoding without one.
  if (MAY_HOLD_BRACKET.test(url) && BRACKETED_SAS.test(decodeLeniently(url))) return 'query';
  const signature = parts.params.get('sig');
  if (signature !== undefined && PLACEHOLDER_SIGNATURE.test(signature.trim())) return 'signature';
  return undefined;
}
