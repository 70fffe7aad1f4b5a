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

/** One reference token of a JSON pointer, escaped (RFC 6901 §3): `~` as `~0`, `/` as `~1` (`a/b` → `a~1b`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON pointer of reference tokens (`['a/b', 0]` → `/a~1b/0`); `[]` is the whole document, `''`. */
export function pointerOf(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('');
}

/** Whether a pointer token names an array item (`0`, `12`; not `01` or `-`). */
export function isArrayIndex(segment: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(segment);
}
