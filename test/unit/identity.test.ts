import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { HOMEPAGE, REPOSITORY } from '../../src/constants.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

describe('the project identity', () => {
  it('is org/compat-gate, as in the README\'s `uses:` lines', () => {
    expect(REPOSITORY).toBe('org/compat-gate');
    const uses = [...read('README.md').matchAll(/uses: ([\w.-]+\/compat-gate)@/g)].map((match) => match[1]);
    expect(uses.length).toBeGreaterThan(0);
    expect(new Set(uses)).toEqual(new Set([REPOSITORY]));
  });

  it('is the same in package.json, action.yml, the SARIF tool link and the $id of the report and acknowledgements schemas', () => {
    const manifest = JSON.parse(read('package.json'));
    expect(manifest.repository.url).toBe(`git+https://github.com/${REPOSITORY}.git`);
    expect(manifest.homepage).toBe(`https://github.com/${REPOSITORY}#readme`);
    expect(manifest.bugs.url).toBe(`https://github.com/${REPOSITORY}/issues`);
    expect(YAML.parse(read('action.yml')).author).toBe(REPOSITORY);
    expect(HOMEPAGE).toBe(`https://github.com/${REPOSITORY}`);
    expect(JSON.parse(read('schemas/report.schema.json')).$id).toBe(
      `https://raw.githubusercontent.com/${REPOSITORY}/main/schemas/report.schema.json`,
    );
    expect(JSON.parse(read('schemas/acknowledgements.schema.json')).$id).toBe(
      `https://raw.githubusercontent.com/${REPOSITORY}/main/schemas/acknowledgements.schema.json`,
    );
  });

  it('declares no runtime dependencies (dist/ is a bundle) and the maintained Node versions', () => {
    const manifest = JSON.parse(read('package.json'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.engines.node).toBe('>=22');
    expect(YAML.parse(read('action.yml')).runs.using).toBe('node24');
  });
});
