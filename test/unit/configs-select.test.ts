import { describe, it, expect } from 'vitest';
import { createMatcher, parsePatterns } from '../../src/configs/select.js';
import { GateError } from '../../src/errors.js';

describe('parsePatterns', () => {
  it('takes one pattern a line, trimmed, skipping blank lines and # comments', () => {
    const input = '\n  distributions/*/run.yaml  \n# the examples too\n\n   examples/**/*.yml\n';
    expect(parsePatterns(input)).toEqual({ include: ['distributions/*/run.yaml', 'examples/**/*.yml'], exclude: [] });
  });

  it('splits comma-separated patterns', () => {
    expect(parsePatterns('a/*.yaml, b/*.json ,c/**').include).toEqual(['a/*.yaml', 'b/*.json', 'c/**']);
  });

  it('keeps a comma inside braces as part of the pattern', () => {
    expect(parsePatterns('configs/*.{yaml,yml}, deploy/{dev,prod}/*.json').include).toEqual(['configs/*.{yaml,yml}', 'deploy/{dev,prod}/*.json']);
  });

  it('keeps commas in nested braces and escaped commas', () => {
    expect(parsePatterns('a/{b,{c,d}}/*.yaml,x\\,y.yaml').include).toEqual(['a/{b,{c,d}}/*.yaml', 'x\\,y.yaml']);
  });

  it('reads `!pattern` as an exclusion', () => {
    expect(parsePatterns('**/*.yaml\n!vendor/**\n! node_modules/**')).toEqual({ include: ['**/*.yaml'], exclude: ['vendor/**', 'node_modules/**'] });
  });

  it('strips a leading ./ or / from patterns', () => {
    expect(parsePatterns('./configs/*.yaml\n/root.yaml\n!./configs/old.yaml')).toEqual({ include: ['configs/*.yaml', 'root.yaml'], exclude: ['configs/old.yaml'] });
  });

  it('reads a directory pattern (`dir/`) as everything under it', () => {
    expect(parsePatterns('configs/').include).toEqual(['configs/**']);
  });

  it('handles Windows line endings and drops duplicates', () => {
    expect(parsePatterns('a.yaml\r\nb.yaml\r\na.yaml\r\n').include).toEqual(['a.yaml', 'b.yaml']);
  });

  it('throws a GateError that shows the expected form when nothing is included', () => {
    for (const input of ['', '  \n# only a comment\n', ' , ,']) {
      expect(() => parsePatterns(input)).toThrow(GateError);
    }
    try {
      parsePatterns('# nothing');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GateError);
      expect((error as GateError).message).toContain('has no pattern');
      expect((error as GateError).hint).toContain('distributions/*/run.yaml');
    }
  });

  it('throws a GateError when patterns only exclude', () => {
    expect(() => parsePatterns('!vendor/**')).toThrow(/only excludes/);
  });

  it('throws a GateError for a pattern that is empty once `!` and `./` are removed', () => {
    expect(() => parsePatterns('a.yaml\n!')).toThrow(GateError);
    expect(() => parsePatterns('a.yaml, ./')).toThrow(/empty pattern/);
  });
});

describe('createMatcher', () => {
  const matches = (input: string, path: string) => createMatcher(parsePatterns(input))(path);

  it('matches one directory level with `*`', () => {
    expect(matches('distributions/*/run.yaml', 'distributions/ollama/run.yaml')).toBe(true);
    expect(matches('distributions/*/run.yaml', 'distributions/a/b/run.yaml')).toBe(false);
    expect(matches('distributions/*/run.yaml', 'distributions/run.yaml')).toBe(false);
    expect(matches('distributions/*/run.yaml', 'other/ollama/run.yaml')).toBe(false);
  });

  it('matches any depth, including the root, with `**/`', () => {
    expect(matches('**/*.yml', 'a.yml')).toBe(true);
    expect(matches('**/*.yml', 'a/b/c/d.yml')).toBe(true);
    expect(matches('**/*.yml', 'a/b/c/d.yaml')).toBe(false);
  });

  it('matches `*.yaml` at the repository root only, as GitHub path filters do', () => {
    expect(matches('*.yaml', 'run.yaml')).toBe(true);
    expect(matches('*.yaml', 'dir/run.yaml')).toBe(false);
  });

  it('expands braces', () => {
    expect(matches('deploy/{dev,prod}/*.{yaml,json}', 'deploy/prod/app.json')).toBe(true);
    expect(matches('deploy/{dev,prod}/*.{yaml,json}', 'deploy/dev/app.yaml')).toBe(true);
    expect(matches('deploy/{dev,prod}/*.{yaml,json}', 'deploy/test/app.yaml')).toBe(false);
  });

  it('matches dot directories and dot files (dot: true)', () => {
    expect(matches('**/*.yml', '.github/workflows/ci.yml')).toBe(true);
    expect(matches('configs/*', 'configs/.hidden')).toBe(true);
  });

  it('excludes a path that any `!` pattern matches, whatever the order', () => {
    const input = '!distributions/experimental/**\ndistributions/**/*.yaml\n!**/*.draft.yaml';
    expect(matches(input, 'distributions/ollama/run.yaml')).toBe(true);
    expect(matches(input, 'distributions/experimental/run.yaml')).toBe(false);
    expect(matches(input, 'distributions/ollama/new.draft.yaml')).toBe(false);
  });

  it('matches any of several include patterns', () => {
    const matcher = createMatcher({ include: ['a/*.yaml', 'b/**'], exclude: [] });
    expect(['a/x.yaml', 'b/c/d', 'c/x.yaml'].map(matcher)).toEqual([true, true, false]);
  });

  it('tests 100,000 paths quickly', () => {
    const matcher = createMatcher(parsePatterns('**/*.{yaml,yml}\n!vendor/**\n!**/testdata/**'));
    const paths = Array.from({ length: 100_000 }, (_, i) => `${i % 10 === 0 ? 'vendor' : 'src'}/pkg${i % 97}/f${i}.${i % 3 === 0 ? 'go' : 'yaml'}`);
    const started = performance.now();
    const count = paths.filter(matcher).length;
    expect(count).toBe(paths.filter((path, i) => !path.startsWith('vendor/') && i % 3 !== 0).length);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
