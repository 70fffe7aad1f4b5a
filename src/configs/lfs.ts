/** What a Git LFS pointer says of the file it stands for. */
export interface LfsPointer {
  /** `sha256:<64 hex digits>` */
  oid: string;
  /** The real file's size in bytes. */
  size: number;
}

/**
 * Pointer files are smaller than this (git-lfs docs/spec.md: "Pointer files must be less
 * than 1024 bytes in size, including any pointer extension lines").
 */
export const MAX_LFS_POINTER_BYTES = 1024;

/**
 * The `version` lines git-lfs reads: the spec's v1 URL and the pre-release one it still
 * accepts. Compared as plain strings, as the spec says.
 */
const VERSIONS = new Set(['https://git-lfs.github.com/spec/v1', 'https://hawser.github.com/spec/v1']);

/**
 * The pointer a blob is, when it is a Git LFS pointer: `version <url>` first, then
 * `key value` lines (keys of `[a-z0-9.-]`, extensions `ext-…` allowed) with an `oid
 * sha256:…` and a `size`, each line ending in `\n` (a `\r\n` from a Windows editor is
 * accepted), under {@link MAX_LFS_POINTER_BYTES}. Undefined for any other content, so a
 * config that merely mentions LFS is still read.
 */
export function lfsPointer(content: Buffer): LfsPointer | undefined {
  if (content.length === 0 || content.length >= MAX_LFS_POINTER_BYTES) return undefined;
  if (!content.subarray(0, 8).equals(Buffer.from('version '))) return undefined;
  const lines = content.toString('utf8').split('\n');
  if (lines.pop() !== '') return undefined;
  const values = new Map<string, string>();
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const match = /^([a-z0-9.-]+) ([^\r\n]*)$/.exec(line);
    if (!match) return undefined;
    const [, key, value] = match as unknown as [string, string, string];
    if ((index === 0) !== (key === 'version') || values.has(key)) return undefined;
    values.set(key, value);
  }
  const version = values.get('version');
  const oid = values.get('oid');
  const size = values.get('size');
  if (!version || !VERSIONS.has(version) || !oid || !size) return undefined;
  if (!/^sha256:[0-9a-f]{64}$/.test(oid) || !/^(?:0|[1-9][0-9]*)$/.test(size)) return undefined;
  return { oid, size: Number(size) };
}
