/** RFC 6901 JSON Pointers: building, splitting and resolving. */

export function escapePointerSegment(segment: string | number): string {
  const text = typeof segment === 'string' ? segment : String(segment);
  // Rules build pointers for every URL and file entry they look at; almost no key needs escaping.
  if (text.indexOf('~') === -1 && text.indexOf('/') === -1) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Build a pointer from segments: `pointerTo('resourceFiles', 0, 'httpUrl')` is `/resourceFiles/0/httpUrl`. */
export function pointerTo(...segments: Array<string | number>): string {
  let pointer = '';
  for (const segment of segments) pointer += '/' + escapePointerSegment(segment);
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerSegment);
}

export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** The value at `pointer`, or undefined when the path does not exist. Never follows prototype keys. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object') {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
