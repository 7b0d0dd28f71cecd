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
  validateRequest,
  validateResponse,
  version,
} from './pkg/mews_connector_validator.js';
import { firstKey, hasNoCredentials, isChecklist, isNdjson } from './src/shapes.js';

// Once loaded, warm up while the page's own code still loads: the first check compiles the schema
// registry shared by every operation (the costly part), so the page's first check does not wait.
const ready = init().then(() => validateRequest('/api/connector/v1/configuration/get', '{}', { date: '2026-01-01' }));

/** Top-level property names of each operation's request and response schema, by address. */
const schemaKeys = new Map();

function topLevelKeys(address, target) {
  const key = `${target} ${address}`;
  if (!schemaKeys.has(key)) {
    schemaKeys.set(key, new Set(completions(address, '{}', 1, target).items.map((item) => item.label)));
  }
  return schemaKeys.get(key);
}

/** A response body of the operation: no credentials, and a first key only the response has. */
function looksLikeResponse(text, address) {
  if (!address || !hasNoCredentials(text)) return false;
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
  if (isNdjson(text)) return { kind: 'ndjson', address: null };
  if (isChecklist(text)) return { kind: 'checklist', address: null };
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
    // A WebAssembly trap (out of memory, an engine bug) leaves this instance unusable: the page
    // replaces the worker (www/src/engine.js), and says so.
    if (error instanceof WebAssembly.RuntimeError) {
      const message = `the engine stopped (${error.message}): it ran out of memory, or hit an internal error; it was restarted`;
      self.postMessage({ id, error: message, stopped: true });
      self.close();
      return;
    }
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
