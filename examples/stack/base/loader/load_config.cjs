// Loads stack run configs the way the server does, for machines without Python:
// parse the YAML, then check the fields the server reads. Exit 1 if any config fails.
'use strict';
const { readFileSync } = require('node:fs');
const YAML = require('yaml');

const INLINE_PROVIDERS = new Set(['llama-guard', 'console', 'faiss', 'meta-reference']);

function load(path) {
  const config = YAML.parse(readFileSync(path, 'utf8'));
  if (!config || typeof config !== 'object') throw new Error('the config is empty');
  if (!Number.isInteger(config.server?.port)) throw new Error('server.port must be an integer');
  for (const [api, providers] of Object.entries(config.providers ?? {})) {
    for (const provider of providers) {
      const [kind, name] = String(provider.provider_type).split('::');
      if (kind === 'inline' && !INLINE_PROVIDERS.has(name)) {
        throw new Error(`providers.${api}: unknown inline provider '${name}'`);
      }
    }
  }
}

let failed = 0;
for (const path of process.argv.slice(2)) {
  try {
    load(path);
    console.log(JSON.stringify({ file: path, ok: true }));
  } catch (error) {
    failed++;
    console.log(JSON.stringify({ file: path, ok: false, message: error.message }));
  }
}
process.exit(failed ? 1 : 0);
