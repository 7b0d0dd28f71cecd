// `import { recordFetch } from 'mews-connector-validator/fetch'` in browsers and bundlers.
import { wrapFetch } from './fetch.mjs';
import { platform } from './web.mjs';

export { MewsValidationError } from './recorder.mjs';

export function recordFetch(fetchImpl, options) {
  return wrapFetch(platform, fetchImpl, options);
}
