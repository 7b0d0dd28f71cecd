// `import { recordAxios } from 'mews-connector-validator/axios'` in Node.
import { interceptAxios } from './axios.mjs';
import { platform } from './node.mjs';

export { MewsValidationError } from './recorder.mjs';

export function recordAxios(axios, options) {
  return interceptAxios(platform, axios, options);
}
