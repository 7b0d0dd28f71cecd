// What recordFetch and recordAxios share: which calls are Connector API calls, validating a call
// before it is sent, and the NDJSON line `mews-connector-validator session` reads (time, address,
// request body, status, response headers, duration), with tokens masked.
//
// The engine (validateRequest), the SHA-256 of the pseudonyms and the file sink differ between
// Node and browsers: `createRecorder` takes them from the entry point (fetch-node.mjs, fetch-web.mjs…).

/** Connector API operations are POSTs to `/api/connector/…` (as `session` counts them). */
const CONNECTOR_PATH = /^\/api\/connector\//;

/**
 * The public demo tokens of the docs (Environments page): public, and named by the review
 * (`demo-token`), so they stay as they are in recordings.
 */
const PUBLIC_DEMO_TOKENS = new Set([
  'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D',
  'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D',
  '4D6C7ABE0E6A4681B0AFB16900AE5D86-DF50CBC89E1D4FF5859DDF021649ED5',
  'E916C341431C4D28A866AD200152DBD3-A046EB5583FFBE94DE1172237763712',
  'CC150C355D6A4048A220AD20015483AB-B6D09C0C84B09538077CB8FFBB907B4',
  '1AEFA58C55E74D65BDC7AD2001564C12-66633E0B736F523379B9E5966165A55',
  '2CC71B0660F345019882AD200155B4FE-4A1FC9080A4DD2A404734003674F77E',
  '5F56B9903A834F199E28AD20015E58CA-5C6A1A00550634911534AD6A098E8B7',
  '682C235379B64D909941AD2001577525-BFC60A026081F1350FAA99CAB9F7510',
  '07AB1F14B55C49B8BDD6AD200158423B-273A4497AFF5E20566D7199DB3DC2BA',
  '39E301DD5A1C4A569087AD20015F60DD-50DC28896E9090CCA0995C9BBD90351',
  'BFD4298010F54B069F3DAD20015D53EA-D5561FADFBA4EFC8EA4C179C6BC461F',
]);

/** A token value in a JSON body: `"ClientToken": "…"` or `"AccessToken": "…"` (escapes kept). */
const TOKEN_MEMBER = /("(?:ClientToken|AccessToken)"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** Response headers a recording never keeps (session reads only `Retry-After`). */
const SECRET_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2', 'authorization', 'proxy-authorization']);

/** Thrown by `mode: 'throw'` before a call whose body has errors is sent. */
export class MewsValidationError extends Error {
  constructor(report, request) {
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    const listed = errors.map((d) => `  ${d.line}:${d.column} [${d.rule}] ${d.message}`).join('\n');
    super(`${request.url}: the request body has ${errors.length} error(s), not sent:\n${listed}`);
    this.name = 'MewsValidationError';
    this.report = report;
    this.request = request;
  }
}

/** The operation's path when `url` (absolute, or relative to `base`) is a Connector API address. */
export function connectorPath(url, base) {
  let parsed;
  try {
    parsed = new URL(String(url), base ?? 'http://localhost');
  } catch {
    return null;
  }
  return CONNECTOR_PATH.test(parsed.pathname) ? parsed.pathname : null;
}

/**
 * @param {object} platform `{ validate(): Promise<validateRequest>, sha256(text): Promise<hex>, fileSink(path) }`
 * @param {object} options the user's options (see fetch.d.ts)
 */
export function createRecorder(platform, options = {}) {
  const mode = options.mode ?? 'warn';
  if (mode !== 'warn' && mode !== 'throw') throw new TypeError(`mode must be 'warn' or 'throw', not ${JSON.stringify(mode)}`);
  // The engine refuses `undefined` fields: only the options given are passed on.
  const engineOptions = Object.fromEntries(
    ['environment', 'date', 'rules'].filter((name) => options[name] !== undefined).map((name) => [name, options[name]]),
  );
  const onReport = options.onReport ?? warnOnProblems;
  const sink = options.record === undefined || options.record === null ? null : sinkOf(options.record, platform);
  const reveal = options.revealTokens === true;
  const pseudonyms = new Map();

  async function mask(body) {
    if (reveal) return body;
    const members = [...body.matchAll(TOKEN_MEMBER)];
    const masked = new Map();
    for (const [, , literal] of members) {
      if (!masked.has(literal)) masked.set(literal, await maskLiteral(literal));
    }
    return body.replace(TOKEN_MEMBER, (_, key, literal) => `${key}"${masked.get(literal)}"`);
  }

  /** A JSON string literal's token replaced by its stable pseudonym (re-encoded as a literal). */
  async function maskLiteral(literal) {
    let token;
    try {
      token = JSON.parse(`"${literal}"`);
    } catch {
      token = literal;
    }
    if (PUBLIC_DEMO_TOKENS.has(token)) return literal;
    if (!pseudonyms.has(token)) pseudonyms.set(token, pseudonym(token, await platform.sha256(token)));
    return JSON.stringify(pseudonyms.get(token)).slice(1, -1);
  }

  return {
    /** Validates a call's body; calls onReport; in `throw` mode throws when the report has errors. */
    async check(request) {
      const validateRequest = await platform.validate();
      const report = validateRequest(request.url, request.body, engineOptions);
      onReport(report, request);
      if (mode === 'throw' && !report.valid) throw new MewsValidationError(report, request);
      return report;
    },

    /** Appends the call to the recording (when one was asked for). */
    async record(request, exchange) {
      if (!sink) return;
      const line = JSON.stringify({
        time: new Date(exchange.started).toISOString(),
        address: request.url,
        request: await mask(request.body),
        status: exchange.status,
        responseHeaders: recordedHeaders(exchange.headers),
        durationMs: Math.round(exchange.durationMs * 1000) / 1000,
      });
      await sink(`${line}\n`);
    },
  };
}

/**
 * The pseudonym of a token: every run of characters other than whitespace and quotes becomes
 * `<32 hex digits of SHA-256(token)>-MASKED`, and a `Bearer ` prefix stays. So one token always
 * gets the same pseudonym (rate analysis groups by AccessToken), different tokens get different
 * ones, and a token sent wrongly (with whitespace, quotes or `Bearer `) is still reported so.
 */
function pseudonym(token, hex) {
  const masked = `${hex.slice(0, 32).toUpperCase()}-MASKED`;
  return token.replace(/^bearer(?=\s)|[^\s"']+/gi, (run, offset) => (offset === 0 && /^bearer$/i.test(run) ? run : masked));
}

function recordedHeaders(headers) {
  const kept = {};
  for (const [name, value] of headers) {
    if (!SECRET_RESPONSE_HEADERS.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

function sinkOf(record, platform) {
  if (typeof record === 'function') return async (line) => record(line);
  if (typeof record === 'string') return platform.fileSink(record);
  throw new TypeError('record must be a file path (Node) or a function receiving each NDJSON line');
}

/** The default onReport: errors and warnings on the console (infos such as `demo-token` stay quiet). */
function warnOnProblems(report, request) {
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length === 0) return;
  const lines = problems.map((d) => `  ${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message} (${d.docs})`);
  console.warn(`mews-connector-validator: ${request.url}\n${lines.join('\n')}`);
}
