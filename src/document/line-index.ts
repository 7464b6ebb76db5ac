/** Offsets → 1-based line and column, columns in UTF-16 code units (a tab is one column). */
export class LineIndex {
  readonly #text: string;
  readonly #stride: number;
  /** Start offsets of lines 0, stride, 2 × stride…; every line when the stride is 1. */
  #lineStarts: Uint32Array | undefined;
  readonly #hasCarriageReturn: boolean;

  /**
   * `lineStride` 1 keeps every line start. A 300 MB file has millions of lines: above
   * SPARSE_INDEX_FROM characters only every 128th start is kept, and a position is found by
   * scanning at most 127 lines forward from the nearest one (findings are few, lines many).
   */
  constructor(text: string, lineStride = text.length < SPARSE_INDEX_FROM ? 1 : SPARSE_STRIDE) {
    this.#text = text;
    this.#stride = Math.max(1, Math.floor(lineStride));
    this.#hasCarriageReturn = text.indexOf('\r') !== -1;
  }

  /** `offset` is clamped to the text; the offset just past the end is a valid position. */
  position(offset: number): { line: number; column: number } {
    const lineStarts = (this.#lineStarts ??= this.#collectLineStarts());
    const clamped = Math.min(Math.max(0, Math.floor(offset)), this.#text.length);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    let line = low * this.#stride;
    let lineStart = lineStarts[low]!;
    if (this.#stride > 1) {
      for (let next = this.#nextLineStart(lineStart); next !== -1 && next <= clamped; next = this.#nextLineStart(next)) {
        line++;
        lineStart = next;
      }
    }
    return { line: line + 1, column: clamped - lineStart + 1 };
  }

  /**
   * The start of the line after the one holding `from`, or -1 on the last line. Line breaks are
   * `\n`, `\r\n` (one break) and a lone `\r`.
   */
  #nextLineStart(from: number): number {
    const text = this.#text;
    if (!this.#hasCarriageReturn) {
      const at = text.indexOf('\n', from);
      return at === -1 ? -1 : at + 1;
    }
    for (let pos = from; pos < text.length; pos++) {
      const code = text.charCodeAt(pos);
      if (code === 0x0a) return pos + 1;
      if (code === 0x0d) return text.charCodeAt(pos + 1) === 0x0a ? pos + 2 : pos + 1;
    }
    return -1;
  }

  /** Typed storage: a plain array of millions of numbers would double the memory. */
  #collectLineStarts(): Uint32Array {
    const stride = this.#stride;
    let lineStarts = new Uint32Array(1024);
    let count = 1; // lineStarts[0] = 0
    let line = 0;
    for (let start = this.#nextLineStart(0); start !== -1; start = this.#nextLineStart(start)) {
      line++;
      if (line % stride !== 0) continue;
      if (count === lineStarts.length) {
        const grown = new Uint32Array(lineStarts.length * 2);
        grown.set(lineStarts);
        lineStarts = grown;
      }
      lineStarts[count++] = start;
    }
    return lineStarts.subarray(0, count);
  }
}

const SPARSE_INDEX_FROM = 8_000_000;
const SPARSE_STRIDE = 128;
