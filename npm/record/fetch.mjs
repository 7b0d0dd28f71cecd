// recordFetch: a fetch that validates every Connector API call before sending it and, with
// `record`, appends it to a recording. Other calls go to the wrapped fetch untouched.

import { connectorPath, createRecorder } from './recorder.mjs';

export function wrapFetch(platform, fetchImpl, options = {}) {
  if (typeof fetchImpl !== 'function') throw new TypeError('recordFetch needs the fetch function to wrap');
  const recorder = createRecorder(platform, options);
  return async function recordedFetch(input, init) {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const url = isRequest ? input.url : input instanceof URL ? input.href : String(input);
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    if (method !== 'POST' || connectorPath(url) === null) return fetchImpl(input, init);

    const [body, sent] = await readBody(input, init, isRequest);
    const request = { url, method, body };
    await recorder.check(request);
    const started = Date.now();
    const clock = performance.now();
    let response;
    try {
      response = await fetchImpl(input, sent);
    } catch (error) {
      // No response (network error, abort): recorded as status 0, as `session` expects.
      await recorder.record(request, { started, status: 0, headers: [], durationMs: performance.now() - clock });
      throw error;
    }
    // The duration runs to the response headers: the body is the caller's to read.
    await recorder.record(request, {
      started,
      status: response.status,
      headers: response.headers,
      durationMs: performance.now() - clock,
    });
    return response;
  };
}

/**
 * The body as text, without consuming what will be sent: strings, URLSearchParams, buffers and
 * Blobs are read as they are; a Request is cloned; a stream is teed (and the copy sent).
 */
async function readBody(input, init, isRequest) {
  const body = init?.body;
  if (body === undefined || body === null) {
    return [isRequest && input.body !== null ? await input.clone().text() : '', init];
  }
  if (typeof body === 'string') return [body, init];
  if (body instanceof URLSearchParams) return [body.toString(), init];
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return [new TextDecoder().decode(bytes), init];
  }
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) {
    const [read, sent] = body.tee();
    return [await new Response(read).text(), { ...init, body: sent }];
  }
  // Blob, FormData and the like: Response reads them without using them up.
  return [await new Response(body).text(), init];
}
