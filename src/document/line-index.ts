/** Offsets → 1-based line and column, columns in UTF-16 code units (a tab is one column). */
export class LineIndex {
  readonly #text: string;
  #lineStarts: Uint32Array | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** `offset` is clamped to the text; the offset just past the end is a valid position. */
  position(offset: number): { line: number; column: number } {
    const lineStarts = (this.#lineStarts ??= collectLineStarts(this.#text));
    const clamped = Math.min(Math.max(0, Math.floor(offset)), this.#text.length);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
  }
}

/**
 * Line breaks are `\n`, `\r\n` (one break) and a lone `\r`. Typed storage: a pretty-printed
 * 300 MB file has millions of lines, and a plain array would double the memory.
 */
function collectLineStarts(text: string): Uint32Array {
  let lineStarts = new Uint32Array(1024);
  let count = 1; // lineStarts[0] = 0
  const add = (start: number): void => {
    if (count === lineStarts.length) {
      const grown = new Uint32Array(lineStarts.length * 2);
      grown.set(lineStarts);
      lineStarts = grown;
    }
    lineStarts[count++] = start;
  };
  if (text.indexOf('\r') === -1) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) add(at + 1);
  } else {
    const length = text.length;
    for (let pos = 0; pos < length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x0a) {
        add(pos + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(pos + 1) === 0x0a) pos++;
        add(pos + 1);
      }
    }
  }
  return lineStarts.subarray(0, count);
}
