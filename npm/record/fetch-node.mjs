// `import { recordFetch } from 'mews-connector-validator/fetch'` in Node.
import { wrapFetch } from './fetch.mjs';
import { platform } from './node.mjs';

export { MewsValidationError } from './recorder.mjs';

export function recordFetch(fetchImpl, options) {
  return wrapFetch(platform, fetchImpl, options);
}
