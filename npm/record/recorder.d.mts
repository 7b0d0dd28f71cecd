import type { Environment, Level, Report } from '../web/mews_connector_validator.js';

/** A Connector API call as it was validated (before it was sent). */
export interface RecordedRequest {
  /** The full URL. */
  url: string;
  /** Always `"POST"`: only POSTs to `/api/connector/…` are Connector API calls. */
  method: string;
  /** The request body as sent (tokens NOT masked: it stays in your process). */
  body: string;
}

/** Options of `recordFetch` and `recordAxios`. */
export interface RecordOptions {
  /**
   * Called with the report of every Connector API call before it is sent. Default: errors and
   * warnings are printed with `console.warn`.
   */
  onReport?: (report: Report, request: RecordedRequest) => void;
  /** `"throw"`: a call whose body has errors is not sent; `MewsValidationError` is thrown. Default `"warn"`. */
  mode?: 'warn' | 'throw';
  /**
   * Appends every sent Connector API call to a recording `mews-connector-validator session`
   * reads (NDJSON): a file path (Node), or a function receiving each line (with its `\n`).
   */
  record?: string | ((line: string) => void | Promise<void>);
  /**
   * Write tokens into the recording as they are. Default `false`: each ClientToken and
   * AccessToken becomes a stable pseudonym (same token, same pseudonym); the docs' public demo
   * tokens stay as they are.
   */
  revealTokens?: boolean;
  /** Default `"demo"`. */
  environment?: Environment;
  /** Evaluation date (`YYYY-MM-DD`) of lifecycle rules. Default: today. */
  date?: string;
  /** Severity overrides by rule id. */
  rules?: Record<string, Level>;
}

/** Thrown (with `mode: "throw"`) before a call whose body has errors would be sent. */
export declare class MewsValidationError extends Error {
  readonly report: Report;
  readonly request: RecordedRequest;
}
