// The suite layer's pure parts: the JUnit reader (hostile reports included), the shell text of
// a suite run, the judgement of one config from both sides' runs, and the lanes that keep suite
// and loader processes apart.
import { describe, expect, it } from 'vitest';
import { breakingLayers, layerStatus } from '../../src/checks/judge.js';
import { contention } from '../../src/checks/nothing-checked.js';
import { ProcessLanes } from '../../src/checks/lanes.js';
import { decode, MAX_JUNIT_BYTES, readJunit } from '../../src/checks/suite/junit.js';
import { judgeSuite } from '../../src/checks/suite/judge.js';
import { suiteScript, tailOf, type SuiteOutcome } from '../../src/checks/suite/run.js';
import type { TestResult } from '../../src/checks/suite/junit.js';

const xml = (text: string) => Buffer.from(text);

function tests(read: ReturnType<typeof readJunit>): Record<string, string> {
  if (!read.ok) throw new Error(`not read: ${read.note}`);
  return Object.fromEntries([...read.tests.values()].map((test) => [test.id, test.status]));
}

describe('readJunit', () => {
  it('reads a pytest report: passed, failed, errored and skipped tests by classname::name', () => {
    const read = readJunit(
      xml(`<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4">
  <testcase classname="tests.integration.test_inference" name="test_chat" time="1.2"/>
  <testcase classname="tests.integration.test_inference" name="test_embed" time="0.3"><failure message="AssertionError: 404 != 200">trace</failure></testcase>
  <testcase classname="tests.integration.test_safety" name="test_shield"><error message="fixture &apos;stack&apos; failed">boom</error></testcase>
  <testcase classname="tests.integration.test_tools" name="test_search"><skipped message="no key"/></testcase>
</testsuite></testsuites>`),
    );
    expect(tests(read)).toEqual({
      'tests.integration.test_inference::test_chat': 'passed',
      'tests.integration.test_inference::test_embed': 'failed',
      'tests.integration.test_safety::test_shield': 'failed',
      'tests.integration.test_tools::test_search': 'skipped',
    });
    if (!read.ok) return;
    expect(read.tests.get('tests.integration.test_inference::test_embed')!.message).toBe('AssertionError: 404 != 200');
    expect(read.tests.get('tests.integration.test_safety::test_shield')!.message).toBe("fixture 'stack' failed");
  });

  it('reads nested suites (vitest, Surefire) and a lone testsuite root, and takes a failure text without a message', () => {
    const read = readJunit(
      xml(`<testsuite name="root"><testsuite name="inner"><testcase name="deep"><failure>

  expected 1 to be 2
  at line 3</failure></testcase></testsuite><testcase name="top"/></testsuite>`),
    );
    expect(tests(read)).toEqual({ deep: 'failed', top: 'passed' });
    if (read.ok) expect(read.tests.get('deep')!.message).toBe('expected 1 to be 2');
  });

  it('keeps the worst outcome of a test named twice', () => {
    const read = readJunit(xml('<testsuite><testcase name="t"/><testcase name="t"><failure/></testcase><testcase name="t"><skipped/></testcase></testsuite>'));
    expect(tests(read)).toEqual({ t: 'failed' });
  });

  it('decodes the XML entities and character references, and nothing else', () => {
    expect(decode('a &lt;b&gt; &amp;amp; &#64;x &#x41; &unknown; &#0;')).toBe("a <b> &amp; @x A &unknown; &#0;");
    const read = readJunit(xml('<testsuite><testcase classname="c" name="&lt;img src=x onerror=alert(1)&gt; &#64;octocat"/></testsuite>'));
    expect(Object.keys(tests(read))).toEqual(['c::<img src=x onerror=alert(1)> @octocat']);
  });

  it('refuses a billion-laughs report at once, without expanding anything', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><testsuite><testcase name="&lol9;"/></testsuite>`;
    const started = Date.now();
    const read = readJunit(xml(laughs));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(read).toEqual({ ok: false, note: 'it declares XML entities, which compat-gate never expands' });
  });

  it('gives a note, never a throw, for malformed, empty, deep, huge and test-less reports', () => {
    const malformed = readJunit(xml('<testsuite><testcase name="a"></testsuite>'));
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(malformed.note).toMatch(/^it is not well-formed XML \(line 1: /);
    expect(readJunit(xml('  \n'))).toEqual({ ok: false, note: 'it is empty' });
    expect(readJunit(xml('<testsuites></testsuites>'))).toEqual({ ok: false, note: 'it holds no test case' });
    expect(readJunit(xml('not xml at all')).ok).toBe(false);
    const deep = readJunit(xml(`${'<testsuite>'.repeat(100_000)}<testcase name="a"/>${'</testsuite>'.repeat(100_000)}`));
    expect(deep).toEqual({ ok: false, note: 'its elements nest more than 64 levels deep' });
    const huge = readJunit(Buffer.alloc(MAX_JUNIT_BYTES + 1, 0x20));
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.note).toMatch(/MiB, more than the 32 MiB compat-gate reads/);
  });

  it('ignores a byte-order mark and test cases without a name', () => {
    expect(tests(readJunit(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), xml('<testsuite><testcase/><testcase name="n"/></testsuite>')])))).toEqual({ n: 'passed' });
  });
});

describe('suiteScript', () => {
  it('passes the config as a positional parameter where {config} stands, never as shell text', () => {
    expect(suiteScript('pytest tests/integration --stack-config={config} -x')).toBe('pytest tests/integration --stack-config="$1" -x');
    expect(suiteScript("run '{config}' && check \"{config}\"")).toBe('run "$1" && check "$1"');
  });

  it('appends the path when the command has no {config}', () => {
    expect(suiteScript('  npm run test:integration --  ')).toBe('npm run test:integration -- "$1"');
  });
});

describe('tailOf', () => {
  it('keeps the last 40 lines, without trailing blank lines', () => {
    const output = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n') + '\n\n\n';
    const tail = tailOf(output).split('\n');
    expect(tail).toHaveLength(40);
    expect(tail[0]).toBe('line 60');
    expect(tail.at(-1)).toBe('line 99');
  });
});

function outcome(passed: boolean, extra: Partial<SuiteOutcome> = {}): SuiteOutcome {
  return { passed, timedOut: false, notStarted: false, ending: passed ? 'exit code 0' : 'exit code 1', tail: passed ? '' : 'FAILED', durationMs: 10, ...extra };
}
const junit = (entries: Record<string, TestResult['status']>): TestResult[] =>
  Object.entries(entries).map(([id, status]) => ({ id, status, ...(status === 'failed' ? { message: `${id} broke` } : {}) }));

describe('judgeSuite', () => {
  it('accepts a config the PR’s suite passes with', () => {
    const layer = judgeSuite(outcome(true), undefined);
    expect(layer.judgement).toEqual({ base: 'not-run', pr: 'accepts' });
    expect(layer.pr).toEqual([]);
  });

  it('breaks a config the base’s suite passed with and the PR’s fails, showing the tail of the output', () => {
    const layer = judgeSuite(outcome(false, { tail: 'E   KeyError: telemetry' }), outcome(true));
    expect(layer.judgement).toEqual({ base: 'accepts', pr: 'rejects' });
    expect(layer.pr).toEqual([{ layer: 'suite', message: 'the suite failed (exit code 1).', output: 'E   KeyError: telemetry' }]);
    expect(layerStatus({ suite: layer.judgement })).toBe('broken');
  });

  it('does not blame the PR when the suite failed on the base too, judged by exit code', () => {
    const layer = judgeSuite(outcome(false), outcome(false));
    expect(layerStatus({ suite: layer.judgement })).toBe('failing-on-base');
    expect(layer.base).toHaveLength(1);
  });

  it('breaks the config when a test that passed on the base fails on the PR, though another test failed on both', () => {
    const pr = outcome(false, { tests: junit({ 'a::old': 'failed', 'a::chat': 'failed', 'a::ok': 'passed' }) });
    const base = outcome(false, { tests: junit({ 'a::old': 'failed', 'a::chat': 'passed', 'a::ok': 'passed' }) });
    const layer = judgeSuite(pr, base);
    expect(layer.judgement).toEqual({ base: 'rejects', pr: 'rejects', newFailures: ['a::chat'], failedOnBoth: 1 });
    expect(breakingLayers({ suite: layer.judgement })).toEqual(['suite']);
    expect(layerStatus({ schema: { base: 'accepts', pr: 'accepts' }, suite: layer.judgement })).toBe('broken');
    expect(layer.pr.map((finding) => finding.message)).toEqual(['test a::chat failed: a::chat broke', 'test a::old failed (on the base too): a::old broke']);
    expect(layer.pr.map((finding) => finding.test)).toEqual(['a::chat', 'a::old']);
  });

  it('does not count a test the base did not have, or skipped, as broken by the PR', () => {
    const pr = outcome(false, { tests: junit({ 'a::new': 'failed', 'a::skip': 'failed', 'a::old': 'failed' }) });
    const base = outcome(false, { tests: junit({ 'a::skip': 'skipped', 'a::old': 'failed' }) });
    expect(layerStatus({ suite: judgeSuite(pr, base).judgement })).toBe('failing-on-base');
  });

  it('falls back to exit codes when only one side wrote JUnit', () => {
    const pr = outcome(false, { tests: junit({ 'a::x': 'failed' }) });
    expect(layerStatus({ suite: judgeSuite(pr, outcome(false, { junitNote: 'it is not well-formed XML' })).judgement })).toBe('failing-on-base');
  });

  it('calls a run that timed out on the PR only a break that says so, and on both sides undecided', () => {
    const timedOut = outcome(false, { timedOut: true, ending: 'timed out after 5s' });
    const broken = judgeSuite(timedOut, outcome(true));
    expect(layerStatus({ suite: broken.judgement })).toBe('broken');
    expect(broken.pr[0]).toMatchObject({ layer: 'suite', message: 'the suite timed out after 5s.', timedOut: true });
    expect(broken.undecided).toBe(false);
    expect(judgeSuite(timedOut, { ...timedOut }).undecided).toBe(true);
  });

  it('says why a JUnit report was not used', () => {
    const layer = judgeSuite(outcome(false, { junitNote: 'it declares XML entities, which compat-gate never expands' }), outcome(true));
    expect(layer.pr[0]!.message).toBe('the suite failed (exit code 1). Its JUnit report was not used: it declares XML entities, which compat-gate never expands.');
  });
});

describe('ProcessLanes', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('never runs a suite beside a loader process or another suite, and caps the loader at loader-jobs', async () => {
    const lanes = new ProcessLanes(2);
    let loaders = 0;
    let suites = 0;
    const seen: string[] = [];
    const loader = () =>
      lanes.inShared(async () => {
        loaders += 1;
        expect(suites).toBe(0);
        expect(loaders).toBeLessThanOrEqual(2);
        seen.push(`loaders=${loaders}`);
        await tick();
        loaders -= 1;
      });
    const suite = () =>
      lanes.alone(async () => {
        suites += 1;
        expect(loaders).toBe(0);
        expect(suites).toBe(1);
        await tick();
        suites -= 1;
      });
    await Promise.all([loader(), loader(), loader(), suite(), loader(), suite(), loader(), loader()]);
    expect(seen).toContain('loaders=2');
  });

  it('runs one loader process at a time with loader-jobs 1', async () => {
    const lanes = new ProcessLanes(1);
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        lanes.inShared(async () => {
          most = Math.max(most, ++running);
          await tick();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('lets a waiting suite go before loader processes that ask later', async () => {
    const lanes = new ProcessLanes();
    const order: string[] = [];
    const first = lanes.inShared(async () => {
      await tick();
      order.push('loader 1');
    });
    const suite = lanes.alone(async () => {
      order.push('suite');
    });
    const later = lanes.inShared(async () => {
      order.push('loader 2');
    });
    await Promise.all([first, suite, later]);
    expect(order).toEqual(['loader 1', 'suite', 'loader 2']);
  });
});

describe('contention', () => {
  const refused = { layer: 'loader' as const, message: "OSError: [Errno 98] error while attempting to bind on address ('127.0.0.1', 8321): address already in use" };

  it('names loader-jobs 1 when loader processes side by side fought over a port', () => {
    expect(contention([refused], undefined)).toMatch(/^The loader says `address already in use`: .* Set `loader-jobs: 1`/);
    expect(contention([{ layer: 'loader', message: 'sqlite3.OperationalError: database is locked' }], 2)).toContain('`database is locked`');
  });

  it('says nothing with one loader process at a time, or when no loader message says so', () => {
    expect(contention([refused], 1)).toBeUndefined();
    expect(contention([{ layer: 'schema', message: 'address already in use' }, { layer: 'loader', message: 'unknown provider' }], undefined)).toBeUndefined();
  });
});
