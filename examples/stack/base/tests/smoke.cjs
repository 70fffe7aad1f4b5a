// The stack's integration smoke test, as CI runs it: `node tests/smoke.cjs <run.yaml>`.
// Starts the server with the config on its port of 127.0.0.1, asks each API the config enables
// for an answer, and writes JUnit XML to $COMPAT_GATE_JUNIT when it is set. Ends itself in 30 s.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { get } = require('node:http');
const YAML = require('yaml');
const { createApp } = require('../server/app.cjs');

setTimeout(() => {
  console.error('smoke: gave up after 30 s');
  process.exit(4);
}, 30_000).unref();

const file = process.argv[process.argv.length - 1];
const config = YAML.parse(readFileSync(file, 'utf8'));
const port = Number(process.env.STACK_PORT || config.server?.port || 8321);
const server = createApp(config);
server.on('error', (error) => {
  console.error(`smoke: cannot listen on 127.0.0.1:${port}: ${error.code}`);
  process.exit(3);
});

const fetchApi = (api) =>
  new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path: `/v1/${api}` }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ api, status: response.statusCode, body }));
    }).on('error', (error) => resolve({ api, status: 0, body: error.message }));
  });

server.listen(port, '127.0.0.1', async () => {
  const results = [];
  for (const api of config.apis ?? []) results.push(await fetchApi(api));
  server.close();
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  for (const r of results) console.log(`${r.status === 200 ? 'PASSED' : 'FAILED'} smoke::${r.api}${r.status === 200 ? '' : ` - HTTP ${r.status} ${r.body}`}`);
  if (process.env.COMPAT_GATE_JUNIT) {
    const cases = results.map((r) =>
      `<testcase classname="smoke" name="${escape(r.api)}">${r.status === 200 ? '' : `<failure message="${escape(`GET /v1/${r.api}: HTTP ${r.status} ${r.body}`)}"/>`}</testcase>`,
    );
    writeFileSync(process.env.COMPAT_GATE_JUNIT, `<?xml version="1.0"?>\n<testsuites><testsuite name="smoke">${cases.join('')}</testsuite></testsuites>\n`);
  }
  process.exitCode = results.every((r) => r.status === 200) ? 0 : 1;
});
