// JSON the gate did not write itself goes through one hardened reader: the event payload, the
// shards' partial reports, the loader's JSON lines (release tools' configs: release-tool.test.ts).
// Each meets the same hostile inputs: deep nesting, a `__proto__` key, a byte order mark.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../../src/action/inputs.js';
import { parseReport } from '../../src/checks/loader/protocol.js';
import { readJsonBytes, readJsonText } from '../../src/configs/parse/index.js';
import { REPORT_VERSION } from '../../src/constants.js';
import { GateError } from '../../src/errors.js';
import { readPartialReports } from '../../src/reports/merge.js';

const DEEP = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
const BOM = '\uFEFF';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'compat-gate-json-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function thrown(promise: Promise<unknown>): Promise<GateError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GateError);
  return error as GateError;
}

describe('readJsonBytes and readJsonText', () => {
  it('refuse nesting deeper than the limit, without overflowing the stack', () => {
    expect(readJsonText(DEEP)).toEqual({ ok: false, message: 'nested too deeply (more than 1000 levels)' });
    expect(readJsonText('[[[1]]]', { maxDepth: 2 })).toEqual({ ok: false, message: 'nested too deeply (more than 2 levels)' });
  });

  it('keep `__proto__` as a plain own key and leave the prototype alone', () => {
    const read = readJsonText('{"__proto__":{"polluted":true},"a":1}');
    expect(read.ok).toBe(true);
    const value = (read as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('read text behind a UTF-8 or UTF-16 byte order mark', () => {
    expect(readJsonBytes(Buffer.from(`${BOM}{"a":1}`))).toEqual({ ok: true, value: { a: 1 } });
    expect(readJsonBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]))).toEqual({ ok: true, value: { a: 1 } });
    expect(readJsonText(`${BOM}[1]`)).toEqual({ ok: true, value: [1] });
  });

  it('refuse what is too large, not text, or not JSON, saying where', () => {
    expect(readJsonBytes(Buffer.from('[1,2,3]'), { maxBytes: 4 })).toEqual({ ok: false, message: 'too large to read: 7 bytes, over the limit of 4 bytes' });
    expect(readJsonBytes(Buffer.from([0x7b, 0x00, 0x7d]))).toMatchObject({ ok: false, message: expect.stringContaining('NUL bytes') });
    expect(readJsonText('{\n  "a": \n}')).toMatchObject({ ok: false, message: 'not valid JSON: expected a value', position: { line: 3, column: 1 } });
  });
});

describe('the event file (GITHUB_EVENT_PATH)', () => {
  it('is read behind a byte order mark, with `__proto__` a plain key', async () => {
    const path = await file('event-bom.json', `${BOM}{"__proto__":{"x":1},"pull_request":{"number":7}}`);
    const payload = await readEvent(path);
    expect(payload['pull_request']).toEqual({ number: 7 });
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.keys(payload)).toContain('__proto__');
  });

  it('nested too deeply is an error naming the file and what to do', async () => {
    const path = await file('event-deep.json', DEEP);
    const error = await thrown(readEvent(path));
    expect(error.message).toBe(`The event file ${path} could not be read: nested too deeply (more than 1000 levels).`);
    expect(error.hint).toMatch(/re-run the job.*GITHUB_EVENT_PATH/);
  });

  it('that is not JSON, not an object, or missing is an error naming the file', async () => {
    const broken = await file('event-broken.json', '{"pull_request": }');
    expect((await thrown(readEvent(broken))).message).toBe(`The event file ${broken} could not be read: not valid JSON: expected a value (line 1, column 18).`);
    const list = await file('event-list.json', '[1]');
    expect((await thrown(readEvent(list))).message).toBe(`The event file ${list} is not a JSON object, as an event payload is.`);
    const missing = join(dir, 'no-such-event.json');
    expect((await thrown(readEvent(missing))).message).toContain(`The event file ${missing} could not be read: ENOENT`);
    expect(await readEvent(undefined)).toEqual({});
  });
});

describe("the shards' partial reports (merge-reports)", () => {
  const partial = (extra: Record<string, unknown> = {}) => JSON.stringify({ version: REPORT_VERSION, shard: { index: 1, total: 2 }, verdict: 'pass', ...extra });

  it('are read behind a byte order mark, with `__proto__` a plain key', async () => {
    const path = await file('shard-bom.json', `${BOM}${partial().replace('{', '{"__proto__":{"verdict":"breaking"},')}`);
    const [report] = await readPartialReports(path, dir);
    expect(report?.verdict).toBe('pass');
    expect(Object.getPrototypeOf(report)).toBe(Object.prototype);
  });

  it('nested too deeply is an error naming the file and what to do', async () => {
    const path = await file('shard-deep.json', DEEP);
    const error = await thrown(readPartialReports(path, dir));
    expect(error.message).toBe(`The partial report ${path} could not be read: nested too deeply (more than 1000 levels).`);
    expect(error.hint).toContain('Merge the JSON reports the shards wrote');
  });

  it('a report that is not an object is not a partial report', async () => {
    const path = await file('shard-null.json', 'null');
    expect((await thrown(readPartialReports(path, dir))).message).toBe(`${path} is not a partial compat-gate report (version ${REPORT_VERSION}, written with \`shard\`).`);
  });
});

describe("the loader's JSON lines", () => {
  it('read a line with `__proto__` as a plain key and ignore one nested too deeply', () => {
    expect(parseReport('{"__proto__":{"ok":true},"file":"a.yaml","ok":false,"message":"bad"}')).toEqual({ file: 'a.yaml', ok: false, message: 'bad' });
    expect(parseReport(`{"file":"a.yaml","ok":false,"message":"x","deep":${'['.repeat(5000)}${']'.repeat(5000)}}`)).toBeUndefined();
    expect(parseReport('{"file":"a.yaml","ok":true}')).toEqual({ file: 'a.yaml', ok: true });
  });
});
