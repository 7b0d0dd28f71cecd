//! The API's request limits (https://docs.mews.com/connector-api/guidelines/requests#request-limits).

/// Requests per AccessToken allowed in any sliding window of [`WINDOW_MS`] (demo and production).
pub const REQUESTS_PER_WINDOW: u64 = 200;

/// The sliding window of the rate limit, in milliseconds.
pub const WINDOW_MS: i64 = 30_000;
