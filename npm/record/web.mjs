// The recorder in browsers: the web build of the engine (loaded on first use), Web Crypto, and
// no file sink.

import init, { validateRequest } from '../web/mews_connector_validator.js';

let ready;

export const platform = {
  validate: () => (ready ??= init().then(() => validateRequest)),
  async sha256(text) {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) {
      throw new Error('masking tokens needs crypto.subtle (a secure context: https or localhost), or revealTokens: true');
    }
    const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  },
  fileSink() {
    throw new TypeError('record: a file path works in Node only; in a browser pass a function receiving each NDJSON line');
  },
};
