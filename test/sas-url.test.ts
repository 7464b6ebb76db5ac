import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  containerUrlShape,
  decodeLeniently,
  findUrlsInText,
  maskSecrets,
  parseSas,
  parseSasTime,
  parseUrl,
  sasPlaceholderKind,
  urlWithoutQuery,
  whyNotAContainerUrl,
} from '../src/batch/sas-url.js';

const SAS_URL =
  'https://acct.blob.core.windows.net/input/data%20set/a+b.txt?sv=2022-11-02&sr=b&sp=r&st=2025-12-01T00%3A00%3A00Z&se=2026-02-01&spr=https&sig=AbC%2Bd%2F%3D';

test('parseUrl splits scheme, host, path segments and decoded query', () => {
  const parts = parseUrl(SAS_URL);
  assert.equal(parts.scheme, 'https');
  assert.equal(parts.host, 'acct.blob.core.windows.net');
  assert.deepEqual(parts.pathSegments, ['input', 'data set', 'a+b.txt']);
  assert.equal(parts.params.get('st'), '2025-12-01T00:00:00Z');
  assert.equal(parts.params.get('sig'), 'AbC+d/=');
  assert.equal(parts.hasUserInfo, false);
});

test('parseUrl lower-cases scheme, host and parameter names, drops port, user info and fragment', () => {
  const parts = parseUrl('HTTP://user:pw@Example.COM:8080/c/?SP=rl&Sig=x#frag');
  assert.equal(parts.scheme, 'http');
  assert.equal(parts.host, 'example.com');
  assert.equal(parts.hasUserInfo, true);
  assert.equal(parts.path, '/c/');
  assert.deepEqual(parts.pathSegments, ['c']);
  assert.equal(parts.query, 'SP=rl&Sig=x');
  assert.deepEqual([...parts.params], [
    ['sp', 'rl'],
    ['sig', 'x'],
  ]);
});

test('parseUrl keeps the first of repeated parameters and tolerates broken percent-encoding', () => {
  const parts = parseUrl('https://h/c?sp=%zz&sp=w&se=%');
  assert.equal(parts.params.get('sp'), '%zz');
  assert.equal(parts.params.get('se'), '%');
});

test('parseUrl describes a relative or scheme-less text without throwing', () => {
  const parts = parseUrl('files/input.txt?sas');
  assert.equal(parts.scheme, undefined);
  assert.equal(parts.host, undefined);
  assert.equal(parts.path, 'files/input.txt');
  assert.equal(parts.query, 'sas');
  assert.deepEqual([...parts.params], [['sas', '']]);
  assert.equal(parseUrl('').path, '');
  assert.equal(parseUrl('https://[::1]:10000/c').host, '[::1]');
});

test('decodeLeniently reads + as a space only in queries', () => {
  assert.equal(decodeLeniently('a+b%20c'), 'a+b c');
  assert.equal(decodeLeniently('a+b%20c', true), 'a b c');
  assert.equal(decodeLeniently('100%'), '100%');
});

test('parseSas reads the SAS fields, or answers undefined without any SAS key', () => {
  assert.deepEqual(parseSas(SAS_URL), {
    version: '2022-11-02',
    resource: 'b',
    permissions: 'r',
    start: '2025-12-01T00:00:00Z',
    expiry: '2026-02-01',
    protocol: 'https',
    policyId: undefined,
    hasSignature: true,
  });
  assert.equal(parseSas('https://h/c?comp=list'), undefined);
  assert.equal(parseSas('https://h/c'), undefined);
  const policy = parseSas('https://h/c?si=upload-policy&sig=x');
  assert.equal(policy?.policyId, 'upload-policy');
  assert.equal(policy?.permissions, undefined);
});

test('parseSasTime accepts date and date-time forms as UTC', () => {
  assert.equal(parseSasTime('2026-01-01')?.toISOString(), '2026-01-01T00:00:00.000Z');
  assert.equal(parseSasTime('2026-01-01T08:30Z')?.toISOString(), '2026-01-01T08:30:00.000Z');
  assert.equal(parseSasTime('2026-01-01T08:30:15Z')?.toISOString(), '2026-01-01T08:30:15.000Z');
  assert.equal(parseSasTime('2026-01-01T08:30:15.1234567Z')?.toISOString(), '2026-01-01T08:30:15.123Z');
  assert.equal(parseSasTime('2026-01-01T08:30:00+02:00')?.toISOString(), '2026-01-01T06:30:00.000Z');
  assert.equal(parseSasTime('2026-01-01T08:30:00-0130')?.toISOString(), '2026-01-01T10:00:00.000Z');
});

test('parseSasTime rejects impossible and non-ISO dates', () => {
  for (const text of ['2026-02-30', '2026-13-01', '2026-01-01T24:00Z', '01/02/2026', '2026-1-1', 'tomorrow', '']) {
    assert.equal(parseSasTime(text), undefined, text);
  }
});

test('maskSecrets hides the signature and other secret values, keeping the rest byte for byte', () => {
  assert.equal(
    maskSecrets(SAS_URL),
    'https://acct.blob.core.windows.net/input/data%20set/a+b.txt?sv=2022-11-02&sr=b&sp=r&st=2025-12-01T00%3A00%3A00Z&se=2026-02-01&spr=https&sig=***',
  );
  assert.equal(maskSecrets('https://f.azurewebsites.net/api/x?code=abc==&name=1#sig=frag'), 'https://f.azurewebsites.net/api/x?code=***&name=1#sig=frag');
  assert.equal(maskSecrets('https://h/c?SIG=abc&X-Amz-Signature=def&token'), 'https://h/c?SIG=***&X-Amz-Signature=***&token');
  assert.equal(maskSecrets('https://admin:hunter2@h/c?sig=&sp=w'), 'https://admin:***@h/c?sig=***&sp=w');
  assert.equal(maskSecrets('https://h/c'), 'https://h/c');
  assert.equal(maskSecrets('no url ?sig=abc'), 'no url ?sig=***');
});

test('urlWithoutQuery and findUrlsInText', () => {
  assert.equal(urlWithoutQuery('https://h/c/?sig=1#x'), 'https://h/c/');
  assert.equal(urlWithoutQuery('https://h/c#x'), 'https://h/c');
  assert.deepEqual(findUrlsInText(`azcopy copy "https://a.blob.core.windows.net/c?sig=x" . && wget 'http://b/f'`), [
    'https://a.blob.core.windows.net/c?sig=x',
    'http://b/f',
  ]);
  assert.deepEqual(findUrlsInText('no links here'), []);
});

test('containerUrlShape tells container, account root and blob URLs apart', () => {
  const shape = (url: string) => containerUrlShape(parseUrl(url));
  assert.equal(shape('https://a.blob.core.windows.net/out'), 'container');
  assert.equal(shape('https://a.blob.core.windows.net/out/?sig=x'), 'container');
  assert.equal(shape('https://a.blob.core.windows.net/?sv=1'), 'accountRoot');
  assert.equal(shape('https://a.blob.core.windows.net'), 'accountRoot');
  assert.equal(shape('https://a.blob.core.windows.net/out/run1/log.txt'), 'blob');
  assert.equal(shape('http://127.0.0.1:10000/devstoreaccount1/out'), 'container');
  assert.equal(shape('http://localhost:10000/devstoreaccount1'), 'accountRoot');
  assert.equal(shape('http://[::1]:10000/devstoreaccount1/out/x'), 'blob');
  assert.equal(shape('out/x'), undefined);
});

test('whyNotAContainerUrl names the blob path, the missing container or the blob-scoped SAS', () => {
  assert.equal(whyNotAContainerUrl('https://a.blob.core.windows.net/out?sr=c&sig=x'), undefined);
  assert.equal(whyNotAContainerUrl('https://a.blob.core.windows.net/out/run1/log.txt?sr=c'), 'blobPath');
  assert.equal(whyNotAContainerUrl('https://a.blob.core.windows.net/?sr=b'), 'accountRoot');
  assert.equal(whyNotAContainerUrl('https://a.blob.core.windows.net/out?sr=b&sig=x'), 'blobSas');
  assert.equal(whyNotAContainerUrl('out?sr=b'), 'blobSas');
  assert.equal(whyNotAContainerUrl('out/x'), undefined);
});

test('sasPlaceholderKind recognises SAS placeholders copied from documentation', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://account.blob.core.windows.net/container/myprogram.exe?sas', 'query'],
    ['https://a.blob.core.windows.net/c?<sas-token>', 'query'],
    ['https://a.blob.core.windows.net/c?%3Csas%3E', 'query'],
    ['https://a.blob.core.windows.net/c?sv=1&x=%5bsas%5d', 'query'],
    ['https://a.blob.core.windows.net/c%7BSAS%7D', 'query'],
    ['https://a.blob.core.windows.net/c?{sas}', 'query'],
    ['https://a.blob.core.windows.net/c?SAS_TOKEN', 'query'],
    ['https://a.blob.core.windows.net/c?[your SAS here]', 'query'],
    ['https://a.blob.core.windows.net/c/file.txt<sas>', 'query'],
    ['https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=<signature>', 'signature'],
    ['https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=...', 'signature'],
    ['https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=XXXX', 'signature'],
    ['https://a.blob.core.windows.net/c?${SAS_TOKEN}', undefined],
    ['https://a.blob.core.windows.net/c?$(sasToken)', undefined],
    ['https://a.blob.core.windows.net/c?#{SasToken}#', undefined],
    ['https://a.blob.core.windows.net/c?{{ sas }}', undefined],
    ['https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=AbC%2B', undefined],
    ['https://a.blob.core.windows.net/sasquatch/file', undefined],
    ['https://a.blob.core.windows.net/c', undefined],
  ];
  for (const [url, kind] of cases) assert.equal(sasPlaceholderKind(url), kind, url);
});
