// The validator as the page sees it: the wasm package behind an asynchronous interface, so the
// calls can move into a Web Worker later without changing app.js.

import init, { operations, rules, validateRequest, version } from './pkg/mews_connector_validator.js';

export async function createValidator() {
  await init();
  return {
    version: version(),
    operations: operations(),
    rules: rules(),
    /** Validates a request body; resolves to a Report. */
    async validateRequest(address, body, options) {
      return validateRequest(address, body, options);
    },
  };
}
