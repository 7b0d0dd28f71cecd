// `import { recordAxios } from 'mews-connector-validator/axios'` in browsers and bundlers.
import { interceptAxios } from './axios.mjs';
import { platform } from './web.mjs';

export { MewsValidationError } from './recorder.mjs';

export function recordAxios(axios, options) {
  return interceptAxios(platform, axios, options);
}
