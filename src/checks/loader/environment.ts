/**
 * The environment for the loader: a copy of `env` without the gate's credentials. Dropped:
 * every `INPUT_*` variable (the action's inputs, the token among them); `GITHUB_TOKEN`,
 * `GH_TOKEN`, `ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RUNTIME_URL`, `ACTIONS_RESULTS_URL`,
 * `ACTIONS_CACHE_URL`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_URL`;
 * any variable whose name contains `TOKEN`, `SECRET`, `PASSWORD` or `PRIVATE_KEY` (any case);
 * and any variable whose value contains one of `secrets` (empty strings are ignored).
 */
export function loaderEnvironment(env: NodeJS.ProcessEnv, secrets: string[]): Record<string, string> {
  const known = new Set([
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
  ]);
  const values = secrets.filter((secret) => secret.length > 0);
  const scrubbed: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (upper.startsWith('INPUT_') || known.has(upper)) continue;
    if (/TOKEN|SECRET|PASSWORD|PRIVATE_KEY/.test(upper)) continue;
    if (values.some((secret) => value.includes(secret))) continue;
    scrubbed[name] = value;
  }
  return scrubbed;
}
