// The payload checker: wires the address field, the editor and the findings list to the validator.

import { renderDiagnostics, summarize } from './diagnostics.js';
import { createEditor } from './editor.js';
import { SAMPLE } from './sample.js';
import { createValidator } from './validator.js';

const DEBOUNCE_MS = 150;

const $ = (id) => document.getElementById(id);
const addressInput = $('address');
const loadExample = $('load-example');
const operationInfo = $('operation-info');
const statusLine = $('status');
const list = $('diagnostics');

let validator;
let byAddress = new Map();
let resolved; // the catalog entry of the operation the last report was about
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
  const report = await validator.validateRequest(addressInput.value.trim(), editor.getText());
  if (current !== run) return; // a newer edit superseded this run
  const elapsed = performance.now() - started;
  renderDiagnostics(list, report, (diagnostic) => editor.select(diagnostic));
  editor.mark(report.diagnostics);
  statusLine.textContent = `${summarize(report)} · ${elapsed.toFixed(1)} ms`;
  statusLine.className = `status ${report.valid ? 'valid' : 'invalid'}`;
  describeOperation(report.operation);
  document.body.dataset.validated = String(current);
}

function describeOperation(reference) {
  const operation = reference ? byAddress.get(reference.address) : undefined;
  resolved = operation;
  loadExample.disabled = !operation?.example;
  if (!reference) {
    operationInfo.replaceChildren();
    if (addressInput.value.trim()) {
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

addressInput.addEventListener('input', scheduleValidation);
loadExample.addEventListener('click', () => {
  if (resolved?.example) editor.setText(`${JSON.stringify(resolved.example, null, 2)}\n`);
});

try {
  validator = await createValidator();
  $('version').textContent = `mews-connector-validator ${validator.version}`;
  fillOperations(validator.operations);
  addressInput.value = SAMPLE.address;
  editor.setText(SAMPLE.body);
} catch (error) {
  statusLine.textContent = `The validator failed to load: ${error.message}`;
  statusLine.className = 'status invalid';
  throw error;
}
