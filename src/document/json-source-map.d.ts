/** The part of json-source-map 0.6 that batchlint uses; the package ships no typings. */
declare module 'json-source-map' {
  interface SourceLocation {
    line: number;
    /** Counts a tab as 4 columns: use `pos` instead. */
    column: number;
    /** UTF-16 code unit offset. */
    pos: number;
  }

  interface PointerLocations {
    key?: SourceLocation;
    keyEnd?: SourceLocation;
    value: SourceLocation;
    valueEnd: SourceLocation;
  }

  interface ParseResult {
    data: unknown;
    /** Keyed by RFC 6901 pointer; `''` is the root. */
    pointers: Record<string, PointerLocations>;
  }

  const sourceMap: {
    /** Recursive: deep nesting throws a RangeError. */
    parse(source: string, reviver?: null, options?: { bigint?: boolean }): ParseResult;
  };
  export default sourceMap;
}
