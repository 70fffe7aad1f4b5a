// Stands in for @actions/http-client inside @actions/core (see scripts/build.mjs). core imports
// the HTTP client only for getIDToken (OIDC), which compat-gate never calls, yet evaluating it
// (undici) took most of the action's start-up. These classes keep that path working: the real
// client is imported the first time a request is made.
const load = () => Promise.all([import('@actions/http-client'), import('@actions/http-client/lib/auth')]);

export class BearerCredentialHandler {
  constructor(token) {
    this.token = token;
  }
}

export class HttpClient {
  constructor(userAgent, handlers, requestOptions) {
    this.args = { userAgent, handlers, requestOptions };
  }

  async getJson(url, headers) {
    const [{ HttpClient: RealClient }, { BearerCredentialHandler: RealBearer }] = await load();
    const { userAgent, handlers = [], requestOptions } = this.args;
    const real = handlers.map((handler) => (handler instanceof BearerCredentialHandler ? new RealBearer(handler.token) : handler));
    return new RealClient(userAgent, real, requestOptions).getJson(url, headers);
  }
}
