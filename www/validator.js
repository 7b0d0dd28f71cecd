// The validator as the page sees it: the wasm package behind an asynchronous interface, so the
// calls can move into a Web Worker later without changing app.js.

import init, {
  analyzeSession,
  detectInput,
  operations,
  rules,
  validateInput,
  version,
} from './pkg/mews_connector_validator.js';

export async function createValidator() {
  await init();
  return {
    version: version(),
    operations: operations(),
    rules: rules(),
    /** What the text is ({kind, address}); synchronous and cheap. */
    detectInput,
    /** Validates a body, cURL command, HTTP request or URL; resolves to a Report. */
    async validateInput(text, address, options) {
      return validateInput(text, address, options);
    },
    /** Reviews a recorded session (HAR); resolves to a ReadinessReport. */
    async analyzeSession(text, options) {
      return analyzeSession(text, null, options);
    },
  };
}
