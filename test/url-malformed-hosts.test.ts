import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from '../src/index.js';

/** url-malformed answers common hosts without `new URL()`: its verdict must be the parser's. */
const URLS = [
  'https://a.blob.core.windows.net/c', 'https://a.blob.core.windows.net', 'https://A.Blob.Core.Windows.NET:443/c?x=1',
  'http://localhost:10000/devstoreaccount1/c', 'https://a.123/c', 'https://1.2.3/c', 'https://127.0.0.1/c',
  'https://a.0x1f/c', 'https://a.0xyz/c', 'https://xn--zz.com/c', 'https://a.xn--zz/c', 'https://xn--bcher-kva.ch/c',
  'https://a.com:65536/c', 'https://a.com:65535/c', 'https://a.com:/c', 'https://user:pw@a.com/c', 'https://@a.com/c',
  'https://a..b.com/c', 'https://-a-.com/c', 'https://a.com./c', 'https://a_b.com/c', 'https://[::1]/c', 'https://[::1/c',
  'https://a.com:99999999/c', 'https://a.com#x', 'https://a.com?x', 'https://a%41.com/c', 'https://a%zz.com/c',
  'https://a.b-/c', 'https://0/c', 'https://a.co1/c', 'https://a.1co/c', 'https://sub.xn--a/c', 'https://a.com:0x50/c',
];

test('url-malformed reports noHost exactly where the WHATWG URL parser finds no valid host', async () => {
  const body = { id: 'hosts', commandLine: 'run', resourceFiles: URLS.map((httpUrl, index) => ({ httpUrl, filePath: `f${index}` })) };
  const result = await lintText(JSON.stringify(body), {
    useConfigLookup: false,
    config: { content: { extends: [], rules: { 'url-malformed': 'error' } }, directory: process.cwd() },
  });
  const reported = new Set(result.messages.filter((message) => message.messageId === 'noHost').map((message) => message.message));
  URLS.forEach((url) => {
    let valid: boolean;
    try {
      valid = new URL(url).hostname !== '';
    } catch {
      valid = false;
    }
    const flagged = [...reported].some((message) => message.includes(`"${url}"`));
    assert.equal(flagged, !valid, url);
  });
});
