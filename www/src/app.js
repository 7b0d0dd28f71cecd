// The checker page: the editor, the address field, the modes and options, the findings list and
// the session review, wired to the engine in a Web Worker.
//
// Page contract (tests and users' scripts rely on it): `body[data-input-kind]` is what the shown
// result is about (body|curl|http|url|har|ndjson|checklist|response); `body[data-validated]`
// changes after each shown result; findings are `#diagnostics .diagnostic[data-severity]`.

import { schemaCompletionSource } from './completion.js';
import { element, renderDiagnostics, renderSessionDiagnostics, summarize } from './diagnostics.js';
import { PLAIN_ABOVE, createEditor } from './editor.js';
import { createChecker, createEngine } from './engine.js';
import { engine } from './engine-instance.js';
import { acceptDrops, baseName, download } from './files.js';
import { FormatError, formatDocument, formatJson } from './format.js';
import { rangeOf } from './lint.js';
import { optionsFromUrl, renderOptions } from './options.js';
import { SAMPLE } from '../sample.js';
import { renderSession } from './session.js';
import { isChecklist, isRecording } from './shapes.js';

const DEBOUNCE_MS = 150;

const KIND_LABELS = {
  body: 'request body',
  curl: 'cURL command',
  http: 'HTTP request',
  url: 'URL',
  har: 'HAR recording',
  ndjson: 'NDJSON call log',
  checklist: 'certification checklist',
  response: 'response body',
};
const EMPTY_TEXT = {
  checklist: 'No findings: the checklist passes every check.',
  response: "No findings: the response matches the operation's schema.",
};
const SAVE_AS = {
  body: ['request.json', 'application/json'],
  response: ['response.json', 'application/json'],
  checklist: ['checklist.json', 'application/json'],
  curl: ['request.sh', 'text/plain'],
  http: ['request.http', 'text/plain'],
  url: ['address.txt', 'text/plain'],
  har: ['recording.har', 'application/json'],
  ndjson: ['recording.ndjson', 'application/x-ndjson'],
};

const $ = (id) => document.getElementById(id);
const addressInput = $('address');
const loadExample = $('load-example');
const operationInfo = $('operation-info');
const statusLine = $('status');
const notice = $('notice');
const list = $('diagnostics');
const inputKind = $('input-kind');
const modeSelect = $('mode');
const sessionPanel = $('session');
const results = $('results');
const banner = $('call-banner');
const fileInput = $('file');
const dropZone = $('drop-zone');

const params = new URLSearchParams(location.search);

const state = {
  mode: ['auto', 'request', 'response', 'checklist', 'session'].includes(params.get('mode')) ? params.get('mode') : 'auto',
  options: null,
  typedAddress: params.get('address') ?? SAMPLE.address,
  kind: 'body',
  operations: new Map(),
  recordingRules: new Set(),
  /** The shown recording: {origin: 'editor'|'file', name, size, text, checklist, report, calls}. */
  session: null,
  /** The recorded call (or checklist) the editor shows read-only: {call, address} or {checklist: true}. */
  view: null,
  /** The editor's text before a recording file took the editor over. */
  textBeforeFile: null,
  shown: 0,
};

let helper; // a second worker for completions and call bodies, so they never wait behind a check
const helperEngine = () => (helper ??= createEngine());

const editor = createEditor($('editor'), {
  label: 'Input: request or response body, cURL command, HTTP request, checklist or recording',
  onChange: scheduleCheck,
  complete: schemaCompletionSource({ ask: askCompletions, large: (editorState) => editorState.doc.length > PLAIN_ABOVE }),
  onPresentation(large) {
    $('editor-note').textContent = large
      ? `Over ${PLAIN_ABOVE / 1024} KB: highlighting and folding are off so typing stays fast; everything is still checked.`
      : '';
  },
});

const checker = createChecker(engine, {
  onResult: showResult,
  onError(error) {
    setStatus(`The check failed: ${error.message}`, 'invalid');
  },
  onProgress({ bytes, totalBytes, calls }) {
    const percent = totalBytes ? Math.round((bytes / totalBytes) * 100) : 100;
    setStatus(`Reviewing the recording… ${percent}% · ${calls} calls`, 'pending');
  },
});

// ---- checking ----------------------------------------------------------------------------------

let timer;

function scheduleCheck() {
  // A check of older text that answers now must not be shown over this edit.
  checker.invalidate();
  showPending();
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
}

function showPending() {
  setStatus('checking…', 'pending');
  results.setAttribute('aria-busy', 'true');
  list.classList.add('stale');
  editor.setStale(true);
}

function setStatus(text, className) {
  statusLine.textContent = text;
  statusLine.className = `status ${className}`;
}

function payload(text, mode) {
  return {
    text,
    address: state.typedAddress.trim(),
    mode,
    options: state.options,
    checklist: state.session?.checklist?.text ?? null,
  };
}

/** Checks what the user works on: the recording file, the recording pasted in the editor, or the editor's text. */
function check() {
  clearTimeout(timer);
  showPending();
  const { session } = state;
  const started = performance.now();
  if (session?.origin === 'file') {
    checker.submit(payload(session.text, 'session'), { origin: 'file', name: session.name, size: session.size, started });
  } else if (session && state.view) {
    checker.submit(payload(session.text, 'session'), { origin: 'editor', started });
  } else {
    checker.submit(payload(editor.getText(), state.mode), { origin: 'editor', started });
  }
}

function showResult(result, input) {
  const { kind, report } = result;
  const elapsed = performance.now() - input.context.started;
  state.kind = kind;
  document.body.dataset.inputKind = kind;
  if (!state.view) {
    const command = ['curl', 'http', 'url'].includes(kind);
    editor.present({ json: !command, wrap: command || kind === 'checklist' });
  }
  document.querySelector('.address-row').hidden = kind === 'checklist' && !state.view;
  inputKind.textContent = input.payload.text.trim() ? `Detected: ${KIND_LABELS[kind]}` : '';
  if (kind === 'har' || kind === 'ndjson') {
    showRecording(result, input);
  } else {
    leaveRecording();
    renderDiagnostics(list, report.diagnostics, selectInEditor, EMPTY_TEXT[kind] ?? 'No findings: this request passes every check.');
    editor.mark(report.diagnostics);
    describeOperation(report.operation, kind);
  }
  showAddress(result);
  const counted = kind === 'har' || kind === 'ndjson' ? [...report.diagnostics, ...(report.checklist?.diagnostics ?? [])] : report.diagnostics;
  setStatus(`${summarize(counted, report.valid)} · ${elapsed.toFixed(0)} ms`, report.valid ? 'valid' : 'invalid');
  results.removeAttribute('aria-busy');
  list.classList.remove('stale');
  editor.setStale(false);
  if (state.shown === 0) {
    performance.mark('mews:first-report');
    // Start the helper worker now (it loads its own copy of the engine): once the page has shown
    // its first result it needs nothing more from the network, so it keeps working offline.
    helperEngine().request('complete', { address: '', text: '{}', cursor: 1, target: 'checklist' });
  }
  state.shown += 1;
  // The length (UTF-16) of the text the shown result is about, so a test can tell it is current.
  document.body.dataset.checkedLength = String(input.payload.text.length);
  document.body.dataset.validated = String(state.shown);
}

// ---- recordings --------------------------------------------------------------------------------

function showRecording(result, input) {
  const previous = state.session;
  const origin = input.context.origin;
  state.session = {
    origin,
    name: origin === 'file' ? input.context.name : 'pasted recording',
    size: origin === 'file' ? input.context.size : new Blob([input.payload.text]).size,
    text: input.payload.text,
    checklist: previous?.checklist ?? null,
    report: result.report,
    calls: result.calls ?? [],
  };
  const session = state.session;
  sessionPanel.hidden = false;
  renderSession(sessionPanel, session, sessionActions);
  renderSessionFindings();
  describeOperation(null, result.kind);
  if (state.view?.call !== undefined) {
    openCall(state.view.call);
  } else if (origin === 'file') {
    const first = session.report.diagnostics.find((d) => d.call !== undefined && !state.recordingRules.has(d.rule));
    openCall(first?.call ?? 0);
  } else {
    editor.mark(recordingFindings(session));
  }
}

function renderSessionFindings() {
  const { session } = state;
  const checklistFindings = (session.report.checklist?.diagnostics ?? []).map((d) => ({ ...d, inChecklist: true }));
  renderSessionDiagnostics(list, session.report.diagnostics, session.calls, selectSessionFinding, checklistFindings, session.checklist?.name);
}

/** Findings located in the recording's own text (not in a call's body). */
function recordingFindings(session) {
  return session.report.diagnostics.filter((d) => d.call === undefined || state.recordingRules.has(d.rule));
}

function locatedInBody(diagnostic) {
  return diagnostic.call !== undefined && !state.recordingRules.has(diagnostic.rule);
}

function selectSessionFinding(diagnostic, item) {
  const { session } = state;
  markCurrent(item);
  if (diagnostic.inChecklist) {
    openChecklist(diagnostic);
  } else if (diagnostic.call !== undefined && (locatedInBody(diagnostic) || session.origin === 'file')) {
    openCall(diagnostic.call, diagnostic);
  } else if (session.origin === 'editor') {
    backToRecording();
    editor.select(rangeOf(editor.doc, diagnostic));
  }
}

function markCurrent(item) {
  for (const current of list.querySelectorAll('[aria-current]')) current.removeAttribute('aria-current');
  item?.setAttribute('aria-current', 'true');
}

/**
 * Shows call `call`'s request body read-only in the editor with its findings marked: formatted for
 * reading (and checked again as formatted, so the marks fit it), or exactly as recorded with the
 * review's own marks.
 */
async function openCall(call, diagnostic, { asRecorded = false } = {}) {
  const session = state.session;
  const found = await helperEngine().request('callBody', { text: session.text, call });
  if (state.session !== session) return;
  if (!found) {
    showView(null);
    editor.setText('', { notify: false });
    editor.mark([]);
    showBanner('This recording has no Connector API call to show.', []);
    return;
  }
  let text = found.body;
  let marks = session.report.diagnostics.filter((d) => d.call === call && locatedInBody(d));
  let formatted = false;
  if (!asRecorded) {
    try {
      const pretty = formatJson(found.body);
      const checked = await helperEngine().request('check', {
        text: pretty,
        address: found.address,
        mode: 'request',
        options: state.options,
        checklist: null,
      });
      if (state.session !== session) return;
      text = pretty;
      marks = checked.report.diagnostics;
      formatted = true;
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
    }
  }
  state.view = { call, address: found.address, formatted };
  $('format').disabled = true;
  editor.present({ json: true, wrap: false });
  editor.setText(text, { notify: false });
  editor.setReadOnly(true);
  editor.mark(marks);
  const recorded = session.calls[call];
  const status = recorded?.status ? `status ${recorded.status}` : 'no response';
  const shown = formatted ? 'the recorded body, formatted' : 'the recorded body as sent';
  showBanner(`Call ${call + 1} of ${session.calls.length} · ${recorded?.started ?? ''} · ${status} · ${shown}, read-only`, bannerButtons());
  addressInput.value = found.address;
  addressInput.readOnly = true;
  describeOperation(state.operations.get(found.address) ?? null, 'body');
  document.body.dataset.view = 'call';
  document.body.dataset.call = String(call);
  if (diagnostic && locatedInBody(diagnostic)) {
    const same = formatted ? marks.find((d) => d.rule === diagnostic.rule && d.pointer === diagnostic.pointer) : diagnostic;
    if (same) editor.select(rangeOf(editor.doc, same));
  }
}

/** Shows the session's checklist read-only with its findings marked. */
function openChecklist(diagnostic) {
  const { session } = state;
  state.view = { checklist: true };
  editor.present({ json: true, wrap: true });
  $('format').disabled = true;
  editor.setText(session.checklist.text, { notify: false });
  editor.setReadOnly(true);
  editor.mark(session.report.checklist?.diagnostics ?? []);
  showBanner(`Checklist ${session.checklist.name} · read-only`, bannerButtons());
  document.body.dataset.view = 'checklist';
  delete document.body.dataset.call;
  if (diagnostic) editor.select(rangeOf(editor.doc, diagnostic));
}

function bannerButtons() {
  const { session } = state;
  const buttons = [];
  if (session.origin === 'editor') buttons.push(['Back to the recording', backToRecording]);
  if (state.view?.call !== undefined) {
    const { call, formatted } = state.view;
    buttons.push([formatted ? 'Show as recorded' : 'Show formatted', () => openCall(call, null, { asRecorded: formatted })]);
    buttons.push(['Check this body as a request', checkCallAsRequest]);
  }
  return buttons;
}

function showBanner(text, buttons) {
  banner.hidden = false;
  const actions = buttons.map(([label, onClick]) => {
    const node = element('button', 'secondary', label);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  });
  banner.replaceChildren(element('span', 'banner-text', text), ...actions);
}

function showView(view) {
  state.view = view;
  $('format').disabled = Boolean(view);
  if (!view) {
    banner.hidden = true;
    document.body.dataset.view = 'edit';
    delete document.body.dataset.call;
  }
}

/** A recording pasted in the editor: the recording's text back in the editor, editable. */
function backToRecording() {
  const { session } = state;
  if (!session || session.origin !== 'editor' || !state.view) return;
  showView(null);
  editor.setReadOnly(false);
  editor.setText(session.text, { notify: false });
  editor.mark(recordingFindings(session));
  showAddress({ kind: state.kind, address: null });
  describeOperation(null, state.kind);
}

/** The shown call's body becomes the editor's text, checked as a request to the call's address. */
function checkCallAsRequest() {
  const body = editor.getText();
  state.typedAddress = state.view.address;
  closeRecording(body);
}

function closeRecording(text = state.textBeforeFile ?? '') {
  state.session = null;
  state.textBeforeFile = null;
  showView(null);
  sessionPanel.hidden = true;
  sessionPanel.replaceChildren();
  editor.setReadOnly(false);
  if (state.mode === 'session') {
    state.mode = 'auto';
    modeSelect.value = 'auto';
  }
  editor.setText(text);
}

/** The editor's text is no longer a recording: forget a pasted one. */
function leaveRecording() {
  if (state.session?.origin === 'editor') state.session = null;
  if (!state.session) {
    sessionPanel.hidden = true;
    showView(null);
  }
}

const sessionActions = {
  exportJson() {
    const { session } = state;
    download(`readiness-${baseName(session.name)}.json`, 'application/json', `${JSON.stringify(session.report, null, 2)}\n`);
  },
  async exportMarkdown() {
    const { session } = state;
    const markdown = await helperEngine().request('markdown', { report: session.report, name: session.name });
    download(`readiness-${baseName(session.name)}.md`, 'text/markdown', markdown);
  },
  async addChecklist(file) {
    state.session.checklist = { name: file.name, text: await file.text() };
    check();
  },
  removeChecklist() {
    state.session.checklist = null;
    check();
  },
  close: () => closeRecording(),
};

// ---- files: open, drop, save -------------------------------------------------------------------

/** Opens dropped or chosen files: a recording (and a checklist with it) for review; anything else in the editor. */
async function openFiles(files) {
  const read = await Promise.all([...files].map(async (file) => ({ file, text: await file.text() })));
  const recording = read.find(({ text }) => isRecording(text));
  if (!recording) {
    const [{ file, text }] = read;
    if (state.session?.origin === 'file') closeRecording(text);
    else editor.setText(text);
    showNotice(`Opened ${file.name}.`);
    return;
  }
  const checklist = read.find((entry) => entry !== recording && isChecklist(entry.text));
  if (state.session?.origin !== 'file') state.textBeforeFile = state.view ? null : editor.getText();
  state.session = {
    origin: 'file',
    name: recording.file.name,
    size: recording.file.size,
    text: recording.text,
    checklist: checklist ? { name: checklist.file.name, text: checklist.text } : null,
    report: null,
    calls: [],
  };
  showView({ loading: true });
  editor.setReadOnly(true);
  editor.setText('', { notify: false });
  editor.mark([]);
  showBanner(`Reviewing ${recording.file.name}…`, []);
  check();
}

$('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  if (fileInput.files.length) openFiles(fileInput.files);
  fileInput.value = '';
});

acceptDrops(dropZone, openFiles);

$('save-file').addEventListener('click', () => {
  const [name, type] = SAVE_AS[state.view?.checklist ? 'checklist' : state.kind] ?? SAVE_AS.body;
  download(name, type, editor.getText());
});

$('format').addEventListener('click', formatEditor);
editor.view.dom.addEventListener('keydown', (event) => {
  if (event.key === 'F' && event.shiftKey && event.altKey) {
    event.preventDefault();
    formatEditor();
  }
});

function formatEditor() {
  if (state.view) {
    showNotice('This view is read-only.');
    return;
  }
  try {
    const text = editor.getText();
    const formatted = formatDocument(text, state.kind);
    if (formatted !== text) editor.replaceText(formatted);
    showNotice(formatted === text ? 'Already formatted.' : 'Formatted.');
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    showNotice(error.message);
  }
}

let noticeTimer;
function showNotice(text) {
  notice.textContent = text;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => {
    notice.textContent = '';
  }, 6000);
}

// ---- address, operation, mode ------------------------------------------------------------------

/** The address field shows the URL of a pasted request (read-only), else the user's own address. */
function showAddress({ kind, address }) {
  if (state.view) return;
  const fromText = address !== null && address !== undefined;
  const own = !['har', 'ndjson', 'checklist'].includes(kind);
  addressInput.readOnly = fromText || !own;
  addressInput.value = fromText ? address : own ? state.typedAddress : '';
  addressInput.placeholder = own ? SAMPLE.address : kind === 'checklist' ? 'a checklist names its operations' : 'each recorded call has its own address';
  addressInput.title = fromText ? 'Taken from the pasted request' : own ? '' : 'Not used for this kind of input';
}

function describeOperation(reference, kind) {
  state.described = [reference, kind];
  const operation = reference ? state.operations.get(reference.address) : undefined;
  loadExample.disabled = !(kind === 'response' ? operation?.responseExample : operation?.example) || Boolean(state.view);
  loadExample.textContent = kind === 'response' ? 'Load response example' : 'Load example';
  loadExample.dataset.address = operation?.address ?? '';
  if (!reference) {
    operationInfo.replaceChildren();
    if (addressInput.value.trim() && !['har', 'ndjson', 'checklist'].includes(kind)) {
      operationInfo.append(element('span', 'unknown', 'Unknown operation: pick one from the list.'));
    }
    return;
  }
  const link = element('a', '', reference.name);
  link.href = reference.docs;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  const parts = [link];
  if (operation?.deprecated) {
    parts.push(element('span', 'deprecated', operation.replacement ? ` · deprecated, use ${operation.replacement}` : ' · deprecated'));
  }
  operationInfo.replaceChildren(...parts);
}

addressInput.addEventListener('input', () => {
  if (addressInput.readOnly) return;
  state.typedAddress = addressInput.value;
  scheduleCheck();
});

loadExample.addEventListener('click', () => {
  const operation = state.operations.get(loadExample.dataset.address);
  if (!operation) return;
  const response = state.kind === 'response';
  const example = response ? operation.responseExample : operation.example;
  if (!example) return;
  state.typedAddress = operation.address;
  editor.setText(`${JSON.stringify(example, null, 2)}\n`);
});

modeSelect.addEventListener('change', () => {
  state.mode = modeSelect.value;
  if (state.session?.origin === 'file' && state.mode !== 'session') closeRecording();
  else check();
});

// ---- schema completion -------------------------------------------------------------------------

/** The engine's suggestions for the editor's text, when the text is a body or a checklist. */
function askCompletions({ text, cursor }) {
  const target = { body: 'request', response: 'response', checklist: 'checklist' }[state.kind];
  if (state.view || !target) return null;
  return helperEngine().request('complete', { address: state.typedAddress.trim(), text, cursor, target });
}

function selectInEditor(diagnostic) {
  editor.select(rangeOf(editor.doc, diagnostic));
}

// ---- start -------------------------------------------------------------------------------------

try {
  const hello = await engine.request('hello');
  $('version').textContent = `mews-connector-validator ${hello.version}`;
  state.recordingRules = new Set(hello.recordingRules);
  state.options = renderOptions($('options-body'), hello.rules, optionsFromUrl(params, hello.rules), (options) => {
    state.options = options;
    check();
  });
  modeSelect.value = state.mode;
  addressInput.value = state.typedAddress;
  document.body.dataset.view = 'edit';
  editor.setText(params.has('empty') ? '' : SAMPLE.body, { notify: false });
  check();
  // The catalog (names, deprecations, examples) after the first check: the address list and
  // "Load example" need it, the first report does not.
  const operations = await engine.request('operations');
  state.operations = new Map(operations.map((operation) => [operation.address, operation]));
  $('operation-list').replaceChildren(
    ...operations.map((operation) => Object.assign(element('option'), { value: operation.address, label: operation.name })),
  );
  if (state.described) describeOperation(...state.described);
} catch (error) {
  setStatus(`The validator failed to load: ${error.message}`, 'invalid');
  throw error;
}
