// The files a release tool (semantic-release, release-please, changesets) is configured in, read
// from the PR checkout; release-tool.ts tells from them which tools the repository uses.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The repository files a release tool is configured in, read from the PR checkout. */
export const RELEASE_CONFIG_FILES = [
  '.releaserc',
  '.releaserc.json',
  '.releaserc.yaml',
  '.releaserc.yml',
  '.releaserc.js',
  '.releaserc.cjs',
  '.releaserc.mjs',
  'release.config.js',
  'release.config.cjs',
  'release.config.mjs',
  'package.json',
  'release-please-config.json',
  '.changeset/config.json',
] as const;

// Config files are small; a file past this is not a release config worth reading.
const MAX_FILE_BYTES = 256 * 1024;
const MAX_CHANGESETS = 500;

/**
 * The texts of the release configs at `root` of the PR checkout (the working tree is the PR),
 * and of its `.changeset/*.md` files: path → text. Missing or unreadable files are left out.
 */
export async function readReleaseToolFiles(root: string): Promise<Record<string, string>> {
  let changesets: string[] = [];
  try {
    changesets = (await readdir(join(root, '.changeset')))
      .filter((name) => name.toLowerCase().endsWith('.md'))
      .slice(0, MAX_CHANGESETS)
      .map((name) => `.changeset/${name}`);
  } catch {
    // No .changeset folder: no changesets.
  }
  const files: Record<string, string> = {};
  await Promise.all(
    [...RELEASE_CONFIG_FILES, ...changesets].map(async (path) => {
      try {
        const bytes = await readFile(join(root, path));
        if (bytes.length <= MAX_FILE_BYTES) files[path] = bytes.toString('utf8').replace(/^\uFEFF/, '');
      } catch {
        // Absent, a folder, or unreadable: not a config.
      }
    }),
  );
  return files;
}
