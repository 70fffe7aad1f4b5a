/** Where a key and its value start in a TOML text (UTF-16 offsets). */
export interface TomlPlace {
  /** The key's name; absent for array items. */
  key?: number;
  /** The value; for a table, its header (or the key that first makes it). */
  value: number;
}

/**
 * Where every key path of a valid TOML text is written, keyed by `JSON.stringify(segments)`:
 * `[a.b]` and `[[a.b]]` headers (an array of tables counts its items), dotted keys, inline
 * tables and arrays. smol-toml keeps no source positions, so this walks the text once more.
 * Returns undefined when the text holds something it does not understand: no position is
 * better than a wrong line.
 */
export function scanToml(text: string): Map<string, TomlPlace> | undefined {
  try {
    return new Scanner(text).scan();
  } catch {
    return undefined;
  }
}

class NotUnderstood extends Error {}

const BARE_KEY = /[A-Za-z0-9_-]/;
/** Where a number, boolean or date ends. */
const SCALAR_END = /[,\]}\n#]|\r\n/g;
const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

class Scanner {
  private i = 0;
  private readonly places = new Map<string, TomlPlace>();
  /** Arrays of tables (by resolved path) and how many items each has so far. */
  private readonly arrayTables = new Map<string, number>();

  constructor(private readonly text: string) {}

  scan(): Map<string, TomlPlace> {
    let table: string[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.i >= this.text.length) return this.places;
      const start = this.i;
      if (this.text.startsWith('[[', this.i)) {
        this.i += 2;
        const keys = this.keys(']');
        this.expect(']]');
        table = this.resolveHeader(keys, start, true);
      } else if (this.text[this.i] === '[') {
        this.i += 1;
        const keys = this.keys(']');
        this.expect(']');
        table = this.resolveHeader(keys, start, false);
      } else {
        this.keyValue(table);
      }
      this.endOfLine();
    }
  }

  /** The path a header names, counting array-of-tables items, with its place recorded. */
  private resolveHeader(keys: Array<{ name: string; at: number }>, start: number, arrayItem: boolean): string[] {
    const path: string[] = [];
    keys.forEach(({ name }, index) => {
      path.push(name);
      const last = index === keys.length - 1;
      const id = JSON.stringify(path);
      if (last && arrayItem) {
        const count = this.arrayTables.get(id) ?? 0;
        this.arrayTables.set(id, count + 1);
        this.record(path, { key: start, value: start }, false);
        path.push(String(count));
        this.record(path, { value: start }, true);
        return;
      }
      // `[a.b]` inside the latest item of `[[a]]`.
      const items = this.arrayTables.get(id);
      if (items !== undefined) {
        if (last) throw new NotUnderstood();
        path.push(String(items - 1));
        return;
      }
      this.record(path, { key: start, value: start }, last);
    });
    return path;
  }

  /** `key = value` (dotted keys included) under `table`. */
  private keyValue(table: string[]): void {
    const keys = this.keys('=');
    this.expect('=');
    this.skipSpaces();
    const path = [...table];
    keys.forEach(({ name, at }, index) => {
      path.push(name);
      if (index < keys.length - 1) this.record(path, { key: at, value: at }, false);
    });
    const key = keys[keys.length - 1]!.at;
    this.value(path, key);
  }

  /** A value at `path`, starting here; inline tables and arrays are walked. */
  private value(path: string[], key: number | undefined): void {
    const start = this.i;
    this.record(path, key === undefined ? { value: start } : { key, value: start }, true);
    const c = this.text[this.i];
    if (c === '{') {
      this.i += 1;
      this.skipSpaces();
      if (this.text[this.i] === '}') {
        this.i += 1;
        return;
      }
      for (;;) {
        this.skipSpaces();
        const keys = this.keys('=');
        this.expect('=');
        this.skipSpaces();
        const inner = [...path];
        keys.forEach(({ name, at }, index) => {
          inner.push(name);
          if (index < keys.length - 1) this.record(inner, { key: at, value: at }, false);
        });
        this.value(inner, keys[keys.length - 1]!.at);
        this.skipSpaces();
        if (this.text[this.i] === ',') {
          this.i += 1;
          // TOML 1.1 allows a trailing comma and newlines in inline tables.
          this.skipBlank(true);
          if (this.text[this.i] === '}') {
            this.i += 1;
            return;
          }
          continue;
        }
        this.skipBlank(true);
        this.expect('}');
        return;
      }
    }
    if (c === '[') {
      this.i += 1;
      for (let index = 0; ; index++) {
        this.skipBlank(true);
        if (this.text[this.i] === ']') {
          this.i += 1;
          return;
        }
        this.value([...path, String(index)], undefined);
        this.skipBlank(true);
        if (this.text[this.i] === ',') this.i += 1;
        else {
          this.skipBlank(true);
          this.expect(']');
          return;
        }
      }
    }
    if (c === '"' || c === "'") {
      this.string();
      return;
    }
    // Numbers, booleans, dates (`1979-05-27 07:32:00` has a space), inf, nan.
    SCALAR_END.lastIndex = this.i;
    const stop = SCALAR_END.exec(this.text)?.index ?? this.text.length;
    if (this.text.slice(this.i, stop).trim() === '') throw new NotUnderstood();
    this.i = stop;
  }

  /** Keys separated by dots, up to `until` (not consumed). */
  private keys(until: string): Array<{ name: string; at: number }> {
    const keys: Array<{ name: string; at: number }> = [];
    for (;;) {
      this.skipSpaces();
      const at = this.i;
      const c = this.text[this.i];
      let name: string;
      if (c === '"' || c === "'") {
        if (this.text.startsWith(c.repeat(3), this.i)) throw new NotUnderstood();
        name = this.string();
      } else {
        const begin = this.i;
        while (this.i < this.text.length && BARE_KEY.test(this.text[this.i]!)) this.i += 1;
        if (this.i === begin) throw new NotUnderstood();
        name = this.text.slice(begin, this.i);
      }
      keys.push({ name, at });
      this.skipSpaces();
      if (this.text[this.i] === '.') {
        this.i += 1;
        continue;
      }
      if (this.text[this.i] !== until) throw new NotUnderstood();
      return keys;
    }
  }

  /** A string of any of the four kinds; its value (escapes decoded) for a key. */
  private string(): string {
    const quote = this.text[this.i]!;
    const multiline = this.text.startsWith(quote.repeat(3), this.i);
    this.i += multiline ? 3 : 1;
    let value = '';
    for (;;) {
      if (this.i >= this.text.length) throw new NotUnderstood();
      const c = this.text[this.i]!;
      if (multiline ? this.text.startsWith(quote.repeat(3), this.i) : c === quote) {
        this.i += multiline ? 3 : 1;
        // Up to two quotes right before the closing three belong to the string (`""""a""""`).
        if (multiline) for (let extra = 0; extra < 2 && this.text[this.i] === quote; extra++) this.i += 1;
        return value;
      }
      if (!multiline && c === '\n') throw new NotUnderstood();
      if (quote === '"' && c === '\\') {
        const next = this.text[this.i + 1];
        if (next === undefined) throw new NotUnderstood();
        if (next === 'u' || next === 'U') {
          const digits = next === 'u' ? 4 : 8;
          const hex = this.text.slice(this.i + 2, this.i + 2 + digits);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) throw new NotUnderstood();
          value += String.fromCodePoint(parseInt(hex, 16));
          this.i += 2 + digits;
        } else if (next === 'x') {
          const hex = this.text.slice(this.i + 2, this.i + 4);
          if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new NotUnderstood();
          value += String.fromCharCode(parseInt(hex, 16));
          this.i += 4;
        } else if (ESCAPES[next] !== undefined) {
          value += ESCAPES[next];
          this.i += 2;
        } else if (multiline && /[ \t\r\n]/.test(next)) {
          // A line-ending backslash trims the whitespace that follows (only in values).
          this.i += 1;
          while (/[ \t\r\n]/.test(this.text[this.i] ?? '')) this.i += 1;
        } else throw new NotUnderstood();
        continue;
      }
      value += c;
      this.i += 1;
    }
  }

  /** Records a place, keeping the first time a path is made implicitly and letting an explicit definition win. */
  private record(path: string[], place: TomlPlace, explicit: boolean): void {
    const id = JSON.stringify(path);
    const known = this.places.get(id);
    if (known && (!explicit || this.explicit.has(id))) return;
    this.places.set(id, place);
    if (explicit) this.explicit.add(id);
  }

  private readonly explicit = new Set<string>();

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.i)) throw new NotUnderstood();
    this.i += token.length;
  }

  private skipSpaces(): void {
    while (this.text[this.i] === ' ' || this.text[this.i] === '\t') this.i += 1;
  }

  /** Spaces and comments; with `newlines`, blank lines too. */
  private skipBlank(newlines: boolean): void {
    for (;;) {
      this.skipSpaces();
      const c = this.text[this.i];
      if (c === '#') {
        while (this.i < this.text.length && this.text[this.i] !== '\n') this.i += 1;
      } else if (newlines && (c === '\n' || (c === '\r' && this.text[this.i + 1] === '\n'))) {
        this.i += c === '\r' ? 2 : 1;
      } else return;
    }
  }

  private endOfLine(): void {
    this.skipBlank(false);
    if (this.i >= this.text.length) return;
    if (this.text[this.i] === '\n') this.i += 1;
    else if (this.text.startsWith('\r\n', this.i)) this.i += 2;
    else throw new NotUnderstood();
  }
}
