import type { RecordOptions } from './recorder.mjs';

export type { RecordOptions, RecordedRequest } from './recorder.mjs';
export { MewsValidationError } from './recorder.mjs';

/**
 * Wraps a `fetch` (Node 18+ or a browser's, or any function with its signature): every POST to
 * `/api/connector/…` is validated before it is sent and, with `record`, appended to a recording.
 * Other calls go to `fetch` untouched.
 */
export function recordFetch<F extends (input: any, init?: any) => Promise<any>>(fetch: F, options?: RecordOptions): F;
