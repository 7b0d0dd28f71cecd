// recordAxios: request and response interceptors on an axios instance that validate every
// Connector API call before it is sent and, with `record`, append it to a recording.

import { connectorPath, createRecorder } from './recorder.mjs';

/** Where the interceptors keep a call between request and response. */
const CALL = Symbol('mews-connector-validator call');

export function interceptAxios(platform, axios, options = {}) {
  if (!axios?.interceptors?.request || !axios.interceptors.response) {
    throw new TypeError('recordAxios needs an axios instance (axios or axios.create())');
  }
  const recorder = createRecorder(platform, options);

  const request = axios.interceptors.request.use(async (config) => {
    const method = (config.method ?? 'get').toUpperCase();
    const base = config.baseURL && !/^[a-z][a-z0-9+.-]*:/i.test(config.url ?? '') ? config.baseURL : undefined;
    const url = base ? `${base.replace(/\/+$/, '')}/${String(config.url ?? '').replace(/^\/+/, '')}` : String(config.url ?? '');
    if (method !== 'POST' || connectorPath(url) === null) return config;
    // Interceptors run before axios serializes `data`: an object is sent as its JSON.
    const body = typeof config.data === 'string' ? config.data : config.data === undefined ? '' : JSON.stringify(config.data);
    const call = { url, method, body };
    await recorder.check(call);
    config[CALL] = { call, started: Date.now(), clock: performance.now() };
    return config;
  });

  const recordResponse = async (config, response) => {
    const pending = config?.[CALL];
    if (!pending) return;
    await recorder.record(pending.call, {
      started: pending.started,
      status: response?.status ?? 0,
      headers: Object.entries(headersOf(response)),
      durationMs: performance.now() - pending.clock,
    });
  };
  const response = axios.interceptors.response.use(
    async (answer) => {
      await recordResponse(answer.config, answer);
      return answer;
    },
    async (error) => {
      // 4xx/5xx (error.response) and calls without a response (status 0).
      await recordResponse(error?.config, error?.response);
      throw error;
    },
  );

  /** Removes both interceptors. */
  return () => {
    axios.interceptors.request.eject(request);
    axios.interceptors.response.eject(response);
  };
}

/** axios' headers (an AxiosHeaders or a plain object) as name → string value. */
function headersOf(response) {
  const headers = response?.headers;
  if (!headers) return {};
  const plain = typeof headers.toJSON === 'function' ? headers.toJSON() : headers;
  const out = {};
  for (const [name, value] of Object.entries(plain)) {
    if (value !== undefined && value !== null) out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
