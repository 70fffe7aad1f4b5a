/** The reference tokens of a JSON pointer (`/a~1b/0` → `['a/b', '0']`), also in URI fragment form (`#/a`). */
export function parsePointer(pointer: string): string[] | undefined {
  let text = pointer;
  if (text.startsWith('#')) {
    try {
      text = decodeURIComponent(text.slice(1));
    } catch {
      return undefined;
    }
  }
  if (text === '') return [];
  if (!text.startsWith('/')) return undefined;
  // RFC 6901 §4: `~1` before `~0`, so that `~01` becomes `~1` and not `/`.
  return text
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Whether a pointer token names an array item (`0`, `12`; not `01` or `-`). */
export function isArrayIndex(segment: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(segment);
}
