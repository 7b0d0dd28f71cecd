// The engine off the main thread: a module worker that loads the wasm build and answers the page's
// requests ({id, type, ...} → {id, result} or {id, error}). Typing never waits for a check: the page
// sends the next request only when this one has answered, so nothing queues up here.

import init, {
  analyzeSession,
  completions,
  detectInput,
  operations,
  recordingRules,
  renderReadinessMarkdown,
  rules,
  sessionCallBody,
  sessionCalls,
  validateChecklist,
  validateInput,
  validateResponse,
  version,
} from './pkg/mews_connector_validator.js';

const ready = init();

/** Top-level property names of each operation's request and response schema, by address. */
const schemaKeys = new Map();

function topLevelKeys(address, target) {
  const key = `${target} ${address}`;
  if (!schemaKeys.has(key)) {
    schemaKeys.set(key, new Set(completions(address, '{}', 1, target).items.map((item) => item.label)));
  }
  return schemaKeys.get(key);
}

const AUTH_KEY = /"(?:ClientToken|AccessToken|Client)"\s*:/;
const HEAD = 64 * 1024;

/** The first key of a top-level object, as far as the text shows it. */
function firstKey(text) {
  return /^\s*\{\s*"((?:[^"\\]|\\.)*)"/.exec(text.slice(0, HEAD))?.[1];
}

/** A certification checklist, by its shape: its own keys, or its schema named in `$schema`. */
function looksLikeChecklist(text) {
  const head = text.slice(0, HEAD);
  return (
    /"\$schema"\s*:\s*"[^"]*certification-checklist/.test(head) ||
    (/^\s*\{/.test(head) && /"integrationKind"\s*:/.test(head) && !AUTH_KEY.test(head))
  );
}

/** An NDJSON call log: its first line is a whole JSON object with `time` and `address`. */
function looksLikeNdjson(text) {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? text.length : end);
  if (line.length > HEAD) return false;
  try {
    const record = JSON.parse(line);
    return typeof record?.time === 'string' && typeof record?.address === 'string';
  } catch {
    return false;
  }
}

/** A response body of the operation: no credentials, and a first key only the response has. */
function looksLikeResponse(text, address) {
  if (!address || AUTH_KEY.test(text.slice(0, HEAD))) return false;
  const key = firstKey(text);
  return key !== undefined && topLevelKeys(address, 'response').has(key) && !topLevelKeys(address, 'request').has(key);
}

/**
 * What the text is, as the page's `data-input-kind` names it: `body|curl|http|url|har|ndjson|
 * checklist|response`. `mode` is the user's choice; `auto` detects.
 */
function classify(text, address, mode) {
  const detected = detectInput(text);
  const kind = detected.kind;
  if (mode === 'request') return { kind: kind === 'har' ? 'body' : kind, address: detected.address };
  if (mode === 'response') return { kind: 'response', address: null };
  if (mode === 'checklist') return { kind: 'checklist', address: null };
  if (mode === 'session') return { kind: kind === 'har' ? 'har' : 'ndjson', address: null };
  if (kind !== 'body') return detected;
  if (looksLikeNdjson(text)) return { kind: 'ndjson', address: null };
  if (looksLikeChecklist(text)) return { kind: 'checklist', address: null };
  if (looksLikeResponse(text, address)) return { kind: 'response', address: null };
  return detected;
}

function check({ text, address, mode, options, checklist }, progress) {
  const detected = classify(text, address, mode);
  const started = performance.now();
  let report;
  let calls = null;
  switch (detected.kind) {
    case 'har':
    case 'ndjson':
      report = analyzeSession(text, checklist ?? null, options, progress);
      calls = sessionCalls(text);
      break;
    case 'checklist':
      report = validateChecklist(text, options);
      break;
    case 'response':
      report = validateResponse(address, text, options);
      break;
    default:
      report = validateInput(text, address, options);
  }
  return { ...detected, report, calls, engineMs: performance.now() - started };
}

const handlers = {
  // Small, so the first check is not kept waiting; the catalog (with its examples) comes after.
  hello: () => ({ version: version(), rules: rules(), recordingRules: recordingRules() }),
  operations: () => operations(),
  check,
  complete: ({ address, text, cursor, target }) => completions(address ?? '', text, cursor, target),
  callBody: ({ text, call }) => sessionCallBody(text, call),
  markdown: ({ report, name }) => renderReadinessMarkdown(report, name),
};

self.onmessage = async ({ data }) => {
  const { id, type } = data;
  try {
    await ready;
    const progress = (value) => self.postMessage({ id, progress: value });
    self.postMessage({ id, result: handlers[type](data, progress) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
