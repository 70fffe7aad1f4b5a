// The CLI as users run it: dist/cli.js started as a process, its exit code and both streams.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bundled CLI (`npm run build` writes it). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** What one run of the CLI gave: its exit code (null when killed) and what it printed. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS` in `cwd` with exactly `env`; never rejects, whatever the exit code. */
export function runCli(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd, env: options.env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number | string }).code ?? null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, stdout, stderr });
    });
  });
}
