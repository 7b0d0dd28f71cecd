import type { RecordOptions } from './recorder.mjs';

export type { RecordOptions, RecordedRequest } from './recorder.mjs';
export { MewsValidationError } from './recorder.mjs';

/** What `recordAxios` uses of an axios instance (`axios` or `axios.create()`, axios 1.x). */
export interface AxiosLike {
  interceptors: {
    request: { use(onFulfilled: (config: any) => any, onRejected?: (error: any) => any): number; eject(id: number): void };
    response: { use(onFulfilled: (response: any) => any, onRejected?: (error: any) => any): number; eject(id: number): void };
  };
}

/**
 * Adds interceptors to an axios instance: every POST to `/api/connector/…` is validated before
 * it is sent and, with `record`, appended to a recording. Returns a function that removes them.
 */
export function recordAxios(axios: AxiosLike, options?: RecordOptions): () => void;
