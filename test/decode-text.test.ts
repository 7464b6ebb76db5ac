import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText, decodeValidUtf8 } from '../src/document/decode-text.js';
import { loadText } from '../src/document/load-document.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('decodes UTF-8 without a BOM', () => {
    assert.deepEqual(decodeText(utf8('{"a": "é😀"}')), { ok: true, text: '{"a": "é😀"}', encoding: 'utf-8', hadBom: false });
  });

  it('strips a UTF-8 BOM so columns never count it', () => {
    assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), { ok: true, text: '{}', encoding: 'utf-8', hadBom: true });
  });

  it('decodes UTF-16 LE and BE when a BOM says so, astral characters included', () => {
    assert.deepEqual(decodeText(bytes(0xff, 0xfe, 0x7b, 0x00, 0x3d, 0xd8, 0x00, 0xde, 0x7d, 0x00)), {
      ok: true,
      text: '{\u{1F600}}',
      encoding: 'utf-16le',
      hadBom: true,
    });
    const original = bytes(0xfe, 0xff, 0x00, 0x5b, 0x00, 0xe9, 0x00, 0x5d);
    assert.deepEqual(decodeText(original), { ok: true, text: '[é]', encoding: 'utf-16be', hadBom: true });
    assert.deepEqual(original, bytes(0xfe, 0xff, 0x00, 0x5b, 0x00, 0xe9, 0x00, 0x5d), 'input bytes untouched');
  });

  it('refuses UTF-16 cut in half a code unit', () => {
    assert.deepEqual(decodeText(bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d)), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 1, data: { byte: '0x7D', encoding: 'utf-16le' } },
    });
  });

  it('decodes an empty file (the parser reports it)', () => {
    assert.deepEqual(decodeText(bytes()), { ok: true, text: '', encoding: 'utf-8', hadBom: false });
    assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf)), { ok: true, text: '', encoding: 'utf-8', hadBom: true });
  });

  it('locates the first invalid UTF-8 sequence by its lead byte, as a character offset', () => {
    // Latin-1 'é' after 'a€😀' (1 + 1 + 2 UTF-16 units).
    assert.deepEqual(decodeText(bytes(0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xe9, 0x20)), {
      ok: false,
      problem: { messageId: 'invalidUtf8', offset: 4, data: { byte: '0xE9' } },
    });
    // A truncated two-byte sequence.
    assert.deepEqual(decodeText(bytes(0x7b, 0xc3, 0x28)), {
      ok: false,
      problem: { messageId: 'invalidUtf8', offset: 1, data: { byte: '0xC3' } },
    });
    // The BOM is not part of the text, so not of the offset.
    assert.deepEqual(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41, 0x80)), {
      ok: false,
      problem: { messageId: 'invalidUtf8', offset: 1, data: { byte: '0x80' } },
    });
  });

  it('rejects overlong forms, surrogates and code points beyond U+10FFFF', () => {
    for (const [sequence, byte] of [
      [[0xc0, 0xaf], '0xC0'],
      [[0xe0, 0x80, 0xaf], '0xE0'],
      [[0xed, 0xa0, 0x80], '0xED'],
      [[0xf4, 0x90, 0x80, 0x80], '0xF4'],
      [[0xf5, 0x80, 0x80, 0x80], '0xF5'],
    ] as const) {
      assert.deepEqual(decodeText(bytes(0x22, ...sequence, 0x22)), {
        ok: false,
        problem: { messageId: 'invalidUtf8', offset: 1, data: { byte } },
      });
    }
  });

  it('calls a file with NUL bytes binary', () => {
    assert.deepEqual(decodeText(bytes(0x7b, 0x22, 0xc3, 0xa9, 0x00, 0x7d)), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 3, data: { byte: '0x00' } },
    });
    // UTF-16 without a BOM looks like this too.
    assert.deepEqual(decodeText(bytes(0x7b, 0x00, 0x7d, 0x00)), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 1, data: { byte: '0x00' } },
    });
  });

  it('calls binary a file whose first bytes are not text, even before any NUL', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    assert.deepEqual(decodeText(png), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 0, data: { byte: '0x89' } },
    });
  });

  it('calls binary a file dense with control bytes, but leaves a stray one to the parser', () => {
    const dense = bytes(0x7b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x7d);
    assert.deepEqual(decodeText(dense), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 1, data: { byte: '0x01' } },
    });
    const stray = utf8('{"a": "\u0007"}');
    assert.deepEqual(decodeText(stray), { ok: true, text: '{"a": "\u0007"}', encoding: 'utf-8', hadBom: false });
  });

  it('refuses a UTF-16 file that decodes to NUL characters', () => {
    assert.deepEqual(decodeText(bytes(0xff, 0xfe, 0x7b, 0x00, 0x00, 0x00)), {
      ok: false,
      problem: { messageId: 'binaryContent', offset: 1, data: { byte: '0x00', encoding: 'utf-16le' } },
    });
  });

  it('reads a view into a larger buffer without looking outside it', () => {
    const backing = bytes(0x00, 0xef, 0xbb, 0xbf, 0x5b, 0x5d, 0x00);
    assert.deepEqual(decodeText(backing.subarray(1, 6)), { ok: true, text: '[]', encoding: 'utf-8', hadBom: true });
  });
});

describe('decodeValidUtf8 and the loader\'s quick path', () => {
  it('decodes valid UTF-8 with or without a BOM, and declines everything else', () => {
    assert.equal(decodeValidUtf8(utf8('{"a": "é"}')), '{"a": "é"}');
    assert.equal(decodeValidUtf8(bytes(0xef, 0xbb, 0xbf, 0x5b, 0x5d)), '[]');
    assert.equal(decodeValidUtf8(bytes(0xff, 0xfe, 0x5b, 0x00)), undefined);
    assert.equal(decodeValidUtf8(bytes(0x7b, 0xc3, 0x28)), undefined);
  });

  it('still reports binary content, not a syntax error, for valid UTF-8 holding NUL bytes', () => {
    const loaded = loadText(bytes(0x7b, 0x22, 0x61, 0x00, 0x22, 0x7d), 'nul.json');
    assert.deepEqual(loaded.problem, { messageId: 'binaryContent', data: { byte: '0x00' }, offset: 3, endOffset: 3 });
  });

  it('parses valid JSON on the quick path with the same result as the careful one', () => {
    const loaded = loadText(bytes(0xef, 0xbb, 0xbf, ...utf8('{"id": "a", "id": "b"}')), 'task.json');
    assert.equal(loaded.encoding, 'utf-8');
    assert.equal(loaded.text, '{"id": "a", "id": "b"}');
    assert.deepEqual(loaded.value, { id: 'b' });
    assert.equal(loaded.duplicateKeys.length, 1);
    assert.equal(loaded.problem, undefined);
  });
});
