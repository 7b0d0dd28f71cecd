//! What a reviewer sees across the calls of a session beyond rates and retries: static data
//! fetched again and again, failing requests repeated unchanged, calls that go on after the API
//! rejected their AccessToken, and pagination restarted instead of continued.
//!
//! Like timing, each call is kept as a compact record while the recording is read (bodies as
//! hashes, tokens and addresses as table indexes) and the records are analysed in time order at
//! the end. Each situation is reported once (per request, token or data set) at the call that
//! shows it, with a count of the calls that repeat it.

use std::collections::{HashMap, HashSet, VecDeque};

use super::call;
use super::page::{self, PageRequest, PageResponse};
use super::timing::Sink;
use crate::diagnostic::{Diagnostic, Location, Rule};
use crate::rules;

/// Operations whose data changes rarely, so fetching them is for a cache to do. The best-practices
/// guideline names resource categories, services, products, accounting categories, business
/// segments, configuration and taxes; countries, currencies, languages and tax environments are
/// the same for every property; age categories, product categories, departments and sources are
/// set up once per property.
const STATIC_DATA: &[&str] = &[
    "/api/connector/v1/configuration/get",
    "/api/connector/v1/resourceCategories/getAll",
    "/api/connector/v1/services/getAll",
    "/api/connector/v1/products/getAll",
    "/api/connector/v1/accountingCategories/getAll",
    "/api/connector/v1/businessSegments/getAll",
    "/api/connector/v1/taxations/getAll",
    "/api/connector/v1/taxEnvironments/getAll",
    "/api/connector/v1/countries/getAll",
    "/api/connector/v1/currencies/getAll",
    "/api/connector/v1/languages/getAll",
    "/api/connector/v1/ageCategories/getAll",
    "/api/connector/v1/productCategories/getAll",
    "/api/connector/v1/departments/getAll",
    "/api/connector/v1/sources/getAll",
];

/// More than this many successful fetches of the same static request within
/// [`STATIC_WINDOW_MS`] is a missing cache. A start-up that loads the configuration, a reconnect
/// and a refresh stay within it, and so does a refresh every 5 minutes (at most 2 per window);
/// fetching on every page view or sync cycle does not.
const STATIC_FETCHES: usize = 3;
const STATIC_WINDOW_MS: i64 = 10 * 60 * 1000;

/// What the analysis keeps of one call.
struct Record {
    start_ms: i64,
    end_ms: i64,
    call: usize,
    started: Box<str>,
    pointer: Box<str>,
    line: u32,
    column: u32,
    token: u32,
    address: u32,
    status: u16,
    /// Hash of the address and the body: the same request.
    request: u64,
    page: Option<PageRequest>,
    response: Option<PageResponse>,
}

impl Record {
    fn diagnostic(&self, rule: Rule, message: String) -> Diagnostic {
        let location = Location {
            pointer: self.pointer.to_string(),
            line: self.line,
            column: self.column,
            end_line: self.line,
            end_column: self.column,
        };
        let mut diagnostic = location.diagnostic(rule, message);
        diagnostic.call = Some(self.call);
        diagnostic.time = Some(self.started.to_string());
        diagnostic
    }

    fn succeeded(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// One call as the review hands it over.
pub struct Call<'c> {
    pub start_ms: i64,
    pub end_ms: i64,
    pub call: usize,
    pub started: &'c str,
    pub location: &'c Location,
    pub token: &'c str,
    pub address: &'c str,
    pub status: u16,
    pub body: &'c str,
    pub response: &'c str,
}

/// Distinct strings numbered in order of first appearance, kept by number.
#[derive(Default)]
struct Table {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Table {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }

    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

#[derive(Default)]
pub struct Insight {
    records: Vec<Record>,
    tokens: Table,
    addresses: Table,
}

impl Insight {
    pub fn push(&mut self, call: Call<'_>) {
        let page = page::request(call.address, call.body);
        // Only a paginated request's response is read, and only when it succeeded.
        let response = page
            .filter(|_| (200..300).contains(&call.status) && !call.response.is_empty())
            .and_then(|_| page::response(call.response));
        self.records.push(Record {
            start_ms: call.start_ms,
            end_ms: call.end_ms.max(call.start_ms),
            call: call.call,
            started: call.started.into(),
            pointer: call.location.pointer.as_str().into(),
            line: call.location.line,
            column: call.location.column,
            token: self.tokens.id(call.token),
            address: self.addresses.id(call.address),
            status: call.status,
            request: page::hash_text(&format!("{}\n{}", call.address, call.body.trim())),
            page,
            response,
        });
    }

    /// Analyses the calls in time order (ties in recorded order) and hands each finding, in call
    /// order, to `sink` with the address of the call it is about.
    pub fn finish(mut self, sink: Sink<'_>) {
        self.records.sort_unstable_by_key(|r| (r.start_ms, r.call));
        let mut found: Vec<(usize, u32, Diagnostic)> = Vec::new();
        self.static_data(&mut found);
        self.repeated_failures(&mut found);
        self.auth_failures(&mut found);
        self.restarted_pagination(&mut found);
        found.sort_by_key(|(call, ..)| *call);
        for (_, address, diagnostic) in found {
            sink(self.addresses.name(address), diagnostic);
        }
    }

    fn address(&self, record: &Record) -> String {
        call::quoted(self.addresses.name(record.address))
    }

    /// `cache-static-data`: per request, the first window of more than [`STATIC_FETCHES`]
    /// successful fetches, reported with the busiest window's count.
    fn static_data(&self, found: &mut Vec<(usize, u32, Diagnostic)>) {
        struct Fetches {
            window: VecDeque<i64>,
            total: usize,
            busiest: usize,
            first_excess: Option<usize>,
        }
        let static_ids: HashSet<u32> = STATIC_DATA
            .iter()
            .filter_map(|address| self.addresses.ids.get(*address).copied())
            .collect();
        let mut requests: HashMap<u64, Fetches> = HashMap::new();
        let mut order = Vec::new();
        for (index, record) in self.records.iter().enumerate() {
            if !record.succeeded() || !static_ids.contains(&record.address) {
                continue;
            }
            let fetches = requests.entry(record.request).or_insert_with(|| {
                order.push(record.request);
                Fetches {
                    window: VecDeque::new(),
                    total: 0,
                    busiest: 0,
                    first_excess: None,
                }
            });
            fetches.total += 1;
            while fetches
                .window
                .front()
                .is_some_and(|&t| t <= record.start_ms - STATIC_WINDOW_MS)
            {
                fetches.window.pop_front();
            }
            fetches.window.push_back(record.start_ms);
            fetches.busiest = fetches.busiest.max(fetches.window.len());
            if fetches.window.len() > STATIC_FETCHES && fetches.first_excess.is_none() {
                fetches.first_excess = Some(index);
            }
        }
        for request in order {
            let Some(fetches) = requests.get(&request) else {
                continue;
            };
            let Some(record) = fetches.first_excess.map(|i| &self.records[i]) else {
                continue;
            };
            let message = format!(
                "`{}` fetched the same static data {} times within 10 minutes ({} times in the session, same body each time); expected it cached: at most {STATIC_FETCHES} fetches in 10 minutes.",
                self.address(record),
                fetches.busiest,
                fetches.total
            );
            found.push((
                record.call,
                record.address,
                record.diagnostic(rules::CACHE_STATIC_DATA, message),
            ));
        }
    }

    /// `repeated-failing-request`: a request sent again unchanged after its 4xx response, and
    /// failing again. A repeat that succeeds is left alone: the data it depended on changed
    /// (a 409 after refreshing, a record that now exists). 401 (`auth-failure-ignored`), 408 and
    /// 429 (retry rules) are reported by their own rules.
    fn repeated_failures(&self, found: &mut Vec<(usize, u32, Diagnostic)>) {
        struct Repeats {
            /// The failed call the next repeat is measured against.
            failed: Option<usize>,
            /// The first repeat and the failure it repeated.
            first: Option<(usize, usize)>,
            count: usize,
        }
        let mut requests: HashMap<u64, Repeats> = HashMap::new();
        let mut order = Vec::new();
        for (index, record) in self.records.iter().enumerate() {
            let repeats = requests.entry(record.request).or_insert_with(|| {
                order.push(record.request);
                Repeats {
                    failed: None,
                    first: None,
                    count: 0,
                }
            });
            if let Some(failed) = repeats.failed.map(|i| &self.records[i])
                && record.start_ms >= failed.end_ms
                && !record.succeeded()
            {
                repeats.count += 1;
                repeats
                    .first
                    .get_or_insert((index, repeats.failed.unwrap_or_default()));
            }
            if record.succeeded() {
                repeats.failed = None;
            } else if is_client_error(record.status) {
                repeats.failed = Some(index);
            }
        }
        for request in order {
            let Some(Repeats {
                first: Some((repeat, failed)),
                count,
                ..
            }) = requests.get(&request)
            else {
                continue;
            };
            let (record, failed) = (&self.records[*repeat], &self.records[*failed]);
            let message = format!(
                "This call repeats call {} ({}) to `{}` unchanged (same body) after its {} response, and failed again ({count} unchanged repeat(s) in all); expected the request corrected before it is sent again: a 4xx answer does not change on its own.",
                failed.call,
                failed.started,
                self.address(record),
                failed.status
            );
            found.push((
                record.call,
                record.address,
                record.diagnostic(rules::REPEATED_FAILING_REQUEST, message),
            ));
        }
    }

    /// `auth-failure-ignored`: per AccessToken, calls rejected with 401 again after a 401
    /// response, until a call of the rejected operation succeeds (the connection was restored).
    fn auth_failures(&self, found: &mut Vec<(usize, u32, Diagnostic)>) {
        #[derive(Default)]
        struct Rejections {
            /// The 401 that opened the current run.
            rejected: Option<usize>,
            /// The first call that went on, and the 401 before it.
            first: Option<(usize, usize)>,
            count: usize,
        }
        let mut tokens: Vec<Rejections> = Vec::new();
        tokens.resize_with(self.tokens.names.len(), Default::default);
        for (index, record) in self.records.iter().enumerate() {
            let Some(token) = tokens.get_mut(record.token as usize) else {
                continue;
            };
            match token.rejected.map(|i| &self.records[i]) {
                Some(rejected) if record.status == 401 && record.start_ms >= rejected.end_ms => {
                    token.count += 1;
                    let opened = token.rejected.unwrap_or_default();
                    token.first.get_or_insert((index, opened));
                }
                Some(rejected) if record.succeeded() && record.address == rejected.address => {
                    token.rejected = None;
                }
                None if record.status == 401 => token.rejected = Some(index),
                _ => {}
            }
        }
        for (token, rejections) in tokens.iter().enumerate() {
            let Some((went_on, rejected)) = rejections.first else {
                continue;
            };
            let (record, rejected) = (&self.records[went_on], &self.records[rejected]);
            let token = self.tokens.name(token as u32);
            let message = format!(
                "Call {} ({}) got 401 and {} later call(s) with AccessToken {} were rejected with 401 again, starting with this one; expected the integration to stop calling with an AccessToken the API rejects (invalid or expired, integration disabled, or no permission for the operation) until the connection is restored.",
                rejected.call,
                rejected.started,
                rejections.count,
                crate::secret::mask(token)
            );
            found.push((
                record.call,
                record.address,
                record.diagnostic(rules::AUTH_FAILURE_IGNORED, message),
            ));
        }
    }

    /// `pagination-restarted`: a full page with a `Cursor` whose next page is never requested,
    /// while the same data is requested again from the first page after it. Reported once per
    /// data set, at the first restart.
    fn restarted_pagination(&self, found: &mut Vec<(usize, u32, Diagnostic)>) {
        let requested: HashSet<(u64, u64)> = self
            .records
            .iter()
            .filter_map(|r| r.page.and_then(|p| Some((p.data, p.cursor?))))
            .collect();
        // Per data set: the latest full page whose next page is never requested.
        let mut open: HashMap<u64, usize> = HashMap::new();
        let mut restarts: HashMap<u64, (usize, usize, usize)> = HashMap::new();
        let mut order = Vec::new();
        for (index, record) in self.records.iter().enumerate() {
            let Some(page) = record.page else {
                continue;
            };
            if page.cursor.is_none()
                && let Some(&full) = open.get(&page.data)
                && record.start_ms >= self.records[full].end_ms
            {
                open.remove(&page.data);
                let restart = restarts.entry(page.data).or_insert_with(|| {
                    order.push(page.data);
                    (index, full, 0)
                });
                restart.2 += 1;
            }
            // Only a successful call has a response page (`push`).
            let next_page = record
                .response
                .filter(|response| page.count.is_some_and(|count| response.items >= count));
            if let Some(cursor) = next_page.and_then(|response| response.cursor)
                && !requested.contains(&(page.data, cursor))
            {
                open.insert(page.data, index);
            }
        }
        for data in order {
            let Some(&(restart, full, count)) = restarts.get(&data) else {
                continue;
            };
            let (record, full) = (&self.records[restart], &self.records[full]);
            let items = full.response.map_or(0, |r| r.items);
            let message = format!(
                "Call {} ({}) to `{}` returned a full page ({items} items, the `Limitation.Count`) with a `Cursor`, but its next page was never requested: this call fetches the same data again from the first page ({count} restart(s) in all); expected the next page requested with that `Cursor` until a page comes back with fewer items.",
                full.call,
                full.started,
                self.address(record),
            );
            found.push((
                record.call,
                record.address,
                record.diagnostic(rules::PAGINATION_RESTARTED, message),
            ));
        }
    }
}

/// A 4xx answer that sending the same request again cannot change, and that no other rule
/// covers: 401 is `auth-failure-ignored`'s, 408 and 429 ask for a retry.
fn is_client_error(status: u16) -> bool {
    (400..500).contains(&status) && !matches!(status, 401 | 408 | 429)
}
