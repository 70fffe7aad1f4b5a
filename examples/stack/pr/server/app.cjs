// The stack's HTTP server: one route per API the run config enables.
'use strict';
const { createServer } = require('node:http');

// telemetry moved out of the server into its own exporter.
const APIS = new Set(['inference', 'safety', 'agents', 'vector_io']);

/** A server for a run config: GET /v1/<api> answers for each API it enables and this server has. */
function createApp(config) {
  const enabled = new Set((config.apis ?? []).filter((api) => APIS.has(api)));
  return createServer((request, response) => {
    const api = request.url.replace(/^\/v1\//, '');
    if (!enabled.has(api)) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: `no route for /v1/${api}` }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ api, providers: (config.providers?.[api] ?? []).map((p) => p.provider_id) }));
  });
}

module.exports = { createApp };
