// The payload checker: wires the address field, the editor and the findings list to the validator.
// The editor takes a body, a cURL command, an HTTP request, a URL or a HAR export: a request that
// names its URL fills the (then read-only) address field; a HAR gets the session review.

import { renderDiagnostics, summarize } from './diagnostics.js';
import { createEditor } from './editor.js';
import { SAMPLE } from './sample.js';
import { renderSession } from './session.js';
import { createValidator } from './validator.js';

const DEBOUNCE_MS = 150;

const $ = (id) => document.getElementById(id);
const addressInput = $('address');
const loadExample = $('load-example');
const operationInfo = $('operation-info');
const statusLine = $('status');
const list = $('diagnostics');
const inputKind = $('input-kind');
const sessionPanel = $('session');

const KIND_LABELS = {
  body: 'JSON body',
  curl: 'cURL command',
  http: 'HTTP request',
  url: 'URL',
  har: 'HAR export: session review',
};

let validator;
let byAddress = new Map();
let resolved; // the catalog entry of the operation the last report was about
let typedAddress = ''; // the user's own address, kept while a pasted request supplies one
let run = 0;
let timer;

const editor = createEditor($('editor'), { onChange: scheduleValidation });

function scheduleValidation() {
  clearTimeout(timer);
  timer = setTimeout(validate, DEBOUNCE_MS);
}

async function validate() {
  if (!validator) return;
  const current = ++run;
  const started = performance.now();
  const text = editor.getText();
  const detected = validator.detectInput(text);
  showAddress(detected);
  inputKind.textContent = text.trim() ? KIND_LABELS[detected.kind] : '';
  document.body.dataset.inputKind = detected.kind;
  const har = detected.kind === 'har';
  const report = har
    ? await validator.analyzeSession(text)
    : await validator.validateInput(text, typedAddress.trim());
  if (current !== run) return; // a newer edit superseded this run
  const elapsed = performance.now() - started;
  sessionPanel.hidden = !har;
  if (har) renderSession(sessionPanel, report);
  // A session's findings are located in their call's body, not in the editor's text.
  renderDiagnostics(list, report, har ? null : (diagnostic) => editor.select(diagnostic));
  editor.mark(har ? [] : report.diagnostics);
  statusLine.textContent = `${summarize(report)} · ${elapsed.toFixed(1)} ms`;
  statusLine.className = `status ${report.valid ? 'valid' : 'invalid'}`;
  describeOperation(har ? null : report.operation);
  document.body.dataset.validated = String(current);
}

/** The address field shows the URL of a pasted request (read-only), else the user's own address. */
function showAddress({ kind, address }) {
  const fromText = address !== null;
  addressInput.readOnly = fromText || kind === 'har';
  addressInput.value = fromText ? address : kind === 'har' ? '' : typedAddress;
  addressInput.placeholder = kind === 'har' ? 'each recorded call has its own address' : SAMPLE.address;
  addressInput.title = fromText ? 'Taken from the pasted request' : kind === 'har' ? 'A HAR export names its own addresses' : '';
}

function describeOperation(reference) {
  const operation = reference ? byAddress.get(reference.address) : undefined;
  resolved = operation;
  loadExample.disabled = !operation?.example;
  if (!reference) {
    operationInfo.replaceChildren();
    if (addressInput.value.trim() && document.body.dataset.inputKind !== 'har') {
      const unknown = document.createElement('span');
      unknown.className = 'unknown';
      unknown.textContent = 'Unknown operation: pick one from the list.';
      operationInfo.append(unknown);
    }
    return;
  }
  const link = document.createElement('a');
  link.href = reference.docs;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = reference.name;
  const parts = [link];
  if (operation?.deprecated) {
    const note = document.createElement('span');
    note.className = 'deprecated';
    note.textContent = operation.replacement ? ` · deprecated, use ${operation.replacement}` : ' · deprecated';
    parts.push(note);
  }
  operationInfo.replaceChildren(...parts);
}

function fillOperations(operations) {
  byAddress = new Map(operations.map((operation) => [operation.address, operation]));
  const options = operations.map((operation) => {
    const option = document.createElement('option');
    option.value = operation.address;
    option.label = operation.name;
    return option;
  });
  $('operation-list').replaceChildren(...options);
}

addressInput.addEventListener('input', () => {
  if (addressInput.readOnly) return;
  typedAddress = addressInput.value;
  scheduleValidation();
});
loadExample.addEventListener('click', () => {
  if (!resolved?.example) return;
  typedAddress = resolved.address;
  editor.setText(`${JSON.stringify(resolved.example, null, 2)}\n`);
});

try {
  validator = await createValidator();
  $('version').textContent = `mews-connector-validator ${validator.version}`;
  fillOperations(validator.operations);
  typedAddress = SAMPLE.address;
  addressInput.value = SAMPLE.address;
  editor.setText(SAMPLE.body);
} catch (error) {
  statusLine.textContent = `The validator failed to load: ${error.message}`;
  statusLine.className = 'status invalid';
  throw error;
}
