// The editor in headless Chromium: lint marks at the findings' exact ranges, the hover, the
// findings list, detection of every paste format and mode, Format document, schema completion,
// quick fixes, options, keyboard use, and no request leaving the page's origin.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  cursorAt,
  editorSelection,
  editorText,
  openPage,
  outsideOrigin,
  paste,
  repo,
  shownCount,
  shownFindings,
  shownMarks,
  waitForCurrent,
  waitForResult,
} from './support.mjs';

const DEMO_CLIENT_TOKEN = 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D';
const DEMO_ACCESS_TOKEN = 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D';
const CLIENT = 'Brightkeep Housekeeping 3.2.0';

/**
 * A valid customers/getAll body (credentials, a filter: the docs require one) and `extra` members
 * (JSON text after a comma). The filter shares line 1 so the other members keep their lines.
 */
const customersBody = (extra) =>
  `{ "ActivityStates": ["Active"],\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "${CLIENT}",\n  "Extent": { "Customers": true },\n  "Limitation": { "Count": 100 }${extra}\n}\n`;

/** Asserts that nothing left the page's origin and the page logged no error. */
function assertPrivateAndClean({ requests, errors }) {
  assert.ok(requests.length > 0);
  assert.deepEqual(outsideOrigin(requests), []);
  assert.deepEqual(errors, []);
}

test('the preloaded sample: marks at the findings exact ranges, the list and the status', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  console.log(`load → first report: ${session.loadMs} ms`);
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'body');
  assert.match(await page.locator('#version').textContent(), /^mews-connector-validator \d+\.\d+\.\d+/);
  assert.deepEqual(
    (await shownFindings(page)).map(({ rule, severity, line, column }) => [rule, severity, line, column]),
    [
      ['demo-token', 'info', 2, 18],
      ['demo-token', 'info', 3, 18],
      ['client-not-unique', 'error', 4, 13],
      ['type-mismatch', 'error', 10, 18],
      ['limitation-count-range', 'error', 13, 14],
    ],
  );
  assert.deepEqual(await shownMarks(page), [
    { severity: 'info', line: 2, column: 18, text: `"${DEMO_CLIENT_TOKEN}"` },
    { severity: 'info', line: 3, column: 18, text: `"${DEMO_ACCESS_TOKEN}"` },
    { severity: 'error', line: 4, column: 13, text: '"Sample Client 1.0.0"' },
    { severity: 'error', line: 10, column: 18, text: '"yes"' },
    { severity: 'error', line: 13, column: 14, text: '5000' },
  ]);
  // Gutter markers on the lines with findings.
  assert.equal(await page.locator('.cm-gutter-lint .cm-lint-marker-error').count(), 3);
  assert.match(await page.locator('#status').textContent(), /^Invalid · 3 errors, 2 infos · \d+ ms$/);
  assert.equal(await page.locator('#operation-info a').textContent(), 'Get all customers');
  assertPrivateAndClean(session);
});

test('hovering a mark shows the message, the rule id as text and the docs link', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  await page.locator('.cm-lintRange-error', { hasText: '5000' }).hover();
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.waitFor();
  assert.match(await tooltip.locator('.lint-message p').first().textContent(), /^Found 5000; expected a number at most 1000/);
  assert.equal(await tooltip.locator('.lint-rule').textContent(), 'limitation-count-range');
  assert.equal(
    await tooltip.locator('a', { hasText: 'Docs' }).getAttribute('href'),
    'https://docs.mews.com/connector-api/guidelines/pagination#limitation',
  );
  assertPrivateAndClean(session);
});

test('typing each kind of defect shows its mark at the exact range and its finding', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page } = session;
  await paste(page, customersBody(''));
  assert.deepEqual(
    (await shownFindings(page)).map((f) => f.rule),
    ['demo-token', 'demo-token'],
  );
  const text = await editorText(page);
  /** Types `typed` at `at` (an offset in the current text) and waits for the result. */
  async function typeAt(at, typed) {
    const previous = await shownCount(page);
    await cursorAt(page, at);
    await page.keyboard.type(typed);
    await waitForResult(page, previous);
  }
  const errors = async () => (await shownMarks(page)).filter((mark) => mark.severity === 'error');

  // A wrong type: true → "yes".
  const customers = text.indexOf('true');
  await cursorAt(page, customers, customers + 4);
  const previous = await shownCount(page);
  await page.keyboard.type('"yes');
  await waitForResult(page, previous);
  assert.match(await editorText(page), /"Customers": "yes" \}/);
  assert.deepEqual(await errors(), [{ severity: 'error', line: 5, column: 28, text: '"yes"' }]);
  assert.ok((await shownFindings(page)).some((f) => f.rule === 'type-mismatch' && f.line === 5 && f.column === 28));

  // A count out of range: 100 → 1005 (the mark covers the whole number).
  const count = (await editorText(page)).indexOf('100 }') + 3;
  await typeAt(count, '5');
  assert.deepEqual((await errors()).at(-1), { severity: 'error', line: 6, column: 28, text: '1005' });

  // A syntax error: a stray comma before the closing brace.
  const end = (await editorText(page)).lastIndexOf('}');
  await typeAt(end - 1, ',');
  const syntax = await shownFindings(page);
  assert.deepEqual(syntax.map((f) => f.rule), ['invalid-json']);
  assert.deepEqual(await errors(), [{ severity: 'error', line: 6, column: 34, text: ',' }]);
  assertPrivateAndClean(session);
});

test('an unknown property, a deprecated property and an unknown operation', async (t) => {
  const session = await openPage(t, { query: 'empty&address=/api/connector/v1/companies/add' });
  const { page } = session;
  const body = `{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "${CLIENT}",\n  "Name": "Acme",\n  "ContacPerson": "Ana"\n}\n`;
  await paste(page, body);
  const unknown = (await shownFindings(page)).find((f) => f.rule === 'unknown-property');
  assert.deepEqual(unknown, { rule: 'unknown-property', severity: 'error', line: 6, column: 3 });
  assert.deepEqual(
    (await shownMarks(page)).filter((m) => m.text === '"ContacPerson"'),
    [{ severity: 'error', line: 6, column: 3, text: '"ContacPerson"' }],
  );
  assert.match(await page.locator('#diagnostics .diagnostic[data-rule="unknown-property"] .message').textContent(), /ContactPerson/);

  await page.locator('#address').fill('/api/connector/v1/companies/addd');
  await page.waitForFunction(() => document.querySelector('#diagnostics .diagnostic[data-rule="unknown-operation"]'));
  assert.equal(await page.locator('#operation-info .unknown').textContent(), 'Unknown operation: pick one from the list.');
  assertPrivateAndClean(session);
});

test('every paste format and mode is detected, and a mode can be chosen', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page } = session;
  const kind = () => page.locator('body').getAttribute('data-input-kind');
  const har = await readFile(join(repo, 'tests/data/chromium-mock-session.har'), 'utf8');
  const checklist = await readFile(join(repo, 'examples/checklist-public.json'), 'utf8');
  const response = JSON.stringify({ Customers: [], Documents: [], Cursor: null }, null, 2);
  const ndjson = `${JSON.stringify({ time: '2026-11-23T10:00:00Z', address: '/api/connector/v1/configuration/get', request: { ClientToken: 'x', AccessToken: 'y', Client: CLIENT }, status: 200 })}\n`;
  const cases = [
    ['body', customersBody('')],
    ['curl', `curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll' -H 'Content-Type: application/json' --data-raw '${customersBody('')}'`],
    ['http', `POST https://api.mews-demo.com/api/connector/v1/customers/getAll\nContent-Type: application/json\n\n${customersBody('')}`],
    ['url', 'https://api.mews-demo.com/api/connector/v1/customers/getAll'],
    ['har', har],
    ['ndjson', ndjson],
    ['checklist', checklist],
    ['response', response],
  ];
  for (const [expected, text] of cases) {
    await paste(page, text);
    assert.equal(await kind(), expected, `${expected}: ${text.slice(0, 60)}`);
  }
  // The response of customers/getAll is checked against the response schema.
  assert.equal(await page.locator('#diagnostics .diagnostic[data-severity="error"]').count(), 0);
  // Chosen modes override detection: the same body as a response has no credentials to ask for,
  // and as a request it is missing them.
  await paste(page, '{"Customers": []}');
  assert.equal(await kind(), 'response');
  let previous = await shownCount(page);
  await page.locator('#mode').selectOption('request');
  await waitForResult(page, previous);
  assert.equal(await kind(), 'body');
  assert.ok((await shownFindings(page)).some((f) => f.rule === 'missing-required'));
  previous = await shownCount(page);
  await page.locator('#mode').selectOption('checklist');
  await waitForResult(page, previous);
  assert.equal(await kind(), 'checklist');
  assertPrivateAndClean(session);
});

test('Format document pretty-prints a body and the JSON inside a cURL command, tokens kept', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page } = session;
  await paste(page, `{"ClientToken":"${DEMO_CLIENT_TOKEN}","AccessToken":"${DEMO_ACCESS_TOKEN}","Client":"${CLIENT}","Extent":{"Customers":true},"Limitation":{"Count":1.50E3}}`);
  let previous = await shownCount(page);
  await page.locator('#format').click();
  await waitForResult(page, previous);
  assert.equal(
    await editorText(page),
    `{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "${CLIENT}",\n  "Extent": {\n    "Customers": true\n  },\n  "Limitation": {\n    "Count": 1.50E3\n  }\n}\n`,
  );
  // No filter at all (conditional-required at the opening brace) and the count written 1.50E3.
  assert.deepEqual((await shownMarks(page)).filter((m) => m.severity === 'error'), [
    { severity: 'error', line: 1, column: 1, text: '{' },
    { severity: 'error', line: 9, column: 14, text: '1.50E3' },
  ]);

  // Chromium's "Copy as cURL" quoting ($'…' with \n escapes): the body becomes readable in place.
  const curl = `curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll' \\\n  -H 'content-type: application/json' \\\n  --data-raw $'{"ClientToken":"${DEMO_CLIENT_TOKEN}","AccessToken":"${DEMO_ACCESS_TOKEN}","Client":"Zoë\\'s app 1.0","Extent":{"Customers":true},"Limitation":{"Count":5000}}'`;
  await paste(page, curl);
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'curl');
  previous = await shownCount(page);
  await page.keyboard.press('Shift+Alt+F');
  await waitForResult(page, previous);
  const formatted = await editorText(page);
  assert.equal(
    formatted,
    `curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll' \\\n  -H 'content-type: application/json' \\\n  --data-raw '{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "Zoë'\\''s app 1.0",\n  "Extent": {\n    "Customers": true\n  },\n  "Limitation": {\n    "Count": 5000\n  }\n}'`,
  );
  // Still a cURL command, still checked, the finding located in the reformatted command.
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'curl');
  const count = (await shownFindings(page)).find((f) => f.rule === 'limitation-count-range');
  assert.deepEqual(count, { rule: 'limitation-count-range', severity: 'error', line: 11, column: 14 });
  assertPrivateAndClean(session);
});

test('schema completion suggests missing properties (deprecated marked) and enum values', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page } = session;
  await paste(page, `{\n  "Extent": {\n    "Customers": true,\n    \n  }\n}\n`);
  const inside = (await editorText(page)).indexOf('true,') + 'true,\n    '.length;
  await cursorAt(page, inside);
  await page.keyboard.type('"');
  const popup = page.locator('.cm-tooltip-autocomplete');
  await popup.waitFor();
  const labels = await popup.locator('.cm-completionLabel').allTextContents();
  assert.deepEqual(labels, ['Addresses', 'Documents']);
  assert.equal(await popup.locator('li.cm-completion-deprecated .cm-completionLabel').textContent(), 'Documents');
  await page.keyboard.type('Add');
  // CodeMirror ignores Enter for 75 ms after the list opens or changes (interactionDelay).
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /"Customers": true,\n {4}"Addresses": \n/);
  await page.keyboard.type('f');
  await popup.locator('.cm-completionLabel', { hasText: 'false' }).waitFor();
  await page.waitForTimeout(150);
  assert.deepEqual(await popup.locator('.cm-completionLabel').allTextContents(), ['false']);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /"Addresses": false\n/);

  // Enum values of a property reached through a reference and an array's items.
  await page.locator('#address').fill('/api/connector/v1/reservations/getAll/2023-06-06');
  await paste(page, '{\n  "States": [""]\n}\n');
  await cursorAt(page, (await editorText(page)).indexOf('""') + 1);
  await page.keyboard.press('Control+Space');
  await popup.locator('.cm-completionLabel', { hasText: 'Inquired' }).waitFor();
  assert.deepEqual(await popup.locator('.cm-completionLabel').allTextContents(), [
    'Canceled', 'Confirmed', 'Inquired', 'Optional', 'Processed', 'Requested', 'Started',
  ]);
  await page.keyboard.type('Conf');
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  assert.match(await editorText(page), /"States": \["Confirmed"\]/);
  assertPrivateAndClean(session);
});

/**
 * Serves a worker that adds a quick fix to every `limitation-count-range` finding (the engine has
 * none yet): the page's handling of `fixes` is tested end to end with a fake one.
 */
async function withFakeFix(context) {
  await context.route('**/worker.js', async (route) => {
    const source = `
      import './worker.js?real';
      let text = '';
      const handle = self.onmessage;
      self.onmessage = (event) => {
        if (event.data.type === 'check') text = event.data.text;
        return handle(event);
      };
      const post = self.postMessage.bind(self);
      self.postMessage = (message) => {
        for (const d of message.result?.report?.diagnostics ?? []) {
          if (d.rule !== 'limitation-count-range') continue;
          const lines = text.split('\\n');
          const start = lines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0) + d.column - 1;
          const end = lines.slice(0, d.endLine - 1).reduce((n, l) => n + l.length + 1, 0) + d.endColumn - 1;
          d.fixes = [{ title: 'Use 1000', start, end, replacement: '1000' }];
        }
        post(message);
      };
    `;
    if (route.request().url().endsWith('?real')) await route.continue();
    else await route.fulfill({ contentType: 'text/javascript', body: source });
  });
}

test('a finding\'s quick fix is a lint action that applies the replacement (fake fix)', async (t) => {
  const session = await openPage(t, { route: withFakeFix });
  const { page } = session;
  await page.locator('.cm-lintRange-error', { hasText: '5000' }).hover();
  const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction', { hasText: 'Use 1000' });
  await action.waitFor();
  const previous = await shownCount(page);
  await action.click();
  await waitForResult(page, previous);
  assert.match(await editorText(page), /"Count": 1000\n/);
  assert.equal(await page.locator('#diagnostics .diagnostic[data-rule="limitation-count-range"]').count(), 0);
  assertPrivateAndClean(session);
});

// The engine's did-you-mean fix of "ContacPerson", applied through the lint tooltip's action.
test('the did-you-mean fix of an unknown property applies', async (t) => {
  const session = await openPage(t, { query: 'empty&address=/api/connector/v1/companies/add' });
  const { page } = session;
  await paste(page, `{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "${CLIENT}",\n  "Name": "Acme",\n  "ContacPerson": "Ana"\n}\n`);
  await page.locator('.cm-lintRange-error', { hasText: 'ContacPerson' }).hover();
  await page.locator('.cm-tooltip-lint').waitFor();
  const action = page.locator('.cm-tooltip-lint .cm-diagnosticAction');
  assert.equal(await action.first().textContent(), 'Rename "ContacPerson" to "ContactPerson"');
  const previous = await shownCount(page);
  await action.first().click();
  await waitForResult(page, previous);
  assert.match(await editorText(page), /\n {2}"ContactPerson": "Ana"\n/);
  assert.equal(await page.locator('#diagnostics .diagnostic[data-rule="unknown-property"]').count(), 0);
});

test('options: environment, evaluation date and rule severities change the findings', async (t) => {
  const session = await openPage(t, { query: 'environment=production&rules=client-not-unique:off' });
  const { page } = session;
  const rules = async () => (await shownFindings(page)).map((f) => `${f.rule}:${f.severity}`);
  assert.deepEqual(await rules(), [
    'demo-token-in-production:error',
    'demo-token-in-production:error',
    'type-mismatch:error',
    'limitation-count-range:error',
  ]);
  assert.equal(await page.locator('#evaluation-date').inputValue(), '2026-12-01');
  await page.locator('#options summary').first().click();
  let previous = await shownCount(page);
  await page.locator('#environment').selectOption('demo');
  await waitForResult(page, previous);
  assert.deepEqual((await rules()).slice(0, 2), ['demo-token:info', 'demo-token:info']);
  await page.locator('.rule-levels summary').click();
  previous = await shownCount(page);
  await page.locator('select[data-rule="demo-token"]').selectOption('off');
  await waitForResult(page, previous);
  assert.deepEqual(await rules(), ['type-mismatch:error', 'limitation-count-range:error']);

  // A deprecated operation is judged at the evaluation date.
  await page.locator('#address').fill('/api/connector/v1/routingRules/getAll');
  await page.waitForFunction(() => document.querySelector('#diagnostics .diagnostic[data-rule="deprecated-operation"], #diagnostics .diagnostic[data-rule="discontinued-operation"]'));
  const lifecycle = (await rules()).filter((r) => /operation/.test(r));
  previous = await shownCount(page);
  await page.locator('#evaluation-date').fill('2035-01-01');
  await waitForResult(page, previous);
  const later = (await rules()).filter((r) => /operation/.test(r));
  assert.notDeepEqual(later, lifecycle, `${lifecycle} at 2026-12-01, ${later} in 2035`);
  assert.ok(later.includes('discontinued-operation:error'), later.join());
  assertPrivateAndClean(session);
});

test('keyboard only: Tab indents, Esc then Tab leaves the editor, focus is visible', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  await cursorAt(page, 1);
  const before = await editorText(page);
  await page.keyboard.press('Tab');
  assert.notEqual(await editorText(page), before, 'Tab indents inside the editor');
  assert.equal((await editorSelection(page)).focused, true);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal((await editorSelection(page)).focused, false);
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { tag: element.tagName, id: element.id, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  assert.notEqual(focused.tag, 'BODY');
  assert.equal(focused.outline, 'solid', JSON.stringify(focused));
  assert.ok(focused.width >= 2);
  // A finding reached with the keyboard selects its range in the editor (once the indented text
  // is checked: the list of the text before the Tab would point at the old offsets).
  await waitForCurrent(page);
  const item = page.locator('#diagnostics .diagnostic[data-rule="limitation-count-range"]');
  await item.focus();
  await page.keyboard.press('Enter');
  const selection = await editorSelection(page);
  assert.equal(selection.text, '5000');
  assert.equal(selection.focused, true);
  assertPrivateAndClean(session);
});

test('a stale result is never shown over newer text', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page } = session;
  const images = Array.from({ length: 700 }, (_, i) => `    {"ImageId": "57a971a5-a335-48f4-8cd1-${String(i).padStart(12, '0')}", "Width": 200}`).join(',\n');
  await page.locator('#address').fill('/api/connector/v1/images/getUrls');
  await paste(page, `{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "${CLIENT}",\n  "Images": [\n${images}\n  ]\n}\n`);
  // Every shown result must be about the text in the editor at that moment.
  await page.evaluate(() => {
    window.__stale = [];
    const view = editorView();
    new MutationObserver(() => {
      if (Number(document.body.dataset.checkedLength) !== view.state.doc.length) window.__stale.push(document.body.dataset.validated);
    }).observe(document.body, { attributes: true, attributeFilter: ['data-validated'] });
  });
  await cursorAt(page, (await editorText(page)).indexOf('"Width": 200') + 10);
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.type('0');
    assert.equal(await page.locator('#status').textContent(), 'checking…');
    await page.waitForTimeout(40 + (i % 4) * 60);
  }
  await waitForCurrent(page);
  assert.deepEqual(await page.evaluate(() => window.__stale), []);
  assert.match(await page.locator('#status').textContent(), /^Valid · 2 infos · \d+ ms$/);
  assertPrivateAndClean(session);
});

test('once loaded, the page works offline: checks, completion, files and exports need no network', async (t) => {
  const session = await openPage(t, { query: 'empty' });
  const { page, context } = session;
  // The helper worker (completion, call bodies, Markdown) is started after the first result.
  const wasmLoads = () => session.requests.filter((url) => url.endsWith('.wasm')).length;
  for (let waited = 0; wasmLoads() < 2 && waited < 30_000; waited += 100) await page.waitForTimeout(100);
  assert.equal(wasmLoads(), 2);
  await page.waitForTimeout(500); // the helper's engine compiled
  await context.setOffline(true);
  const requestsBefore = session.requests.length;
  await paste(page, customersBody(',\n  "Limitation": { "Count": 5000 }'));
  assert.ok((await shownFindings(page)).some((f) => f.rule === 'limitation-count-range'));
  await cursorAt(page, (await editorText(page)).indexOf('"Customers"'));
  await page.keyboard.press('Control+Space');
  await page.locator('.cm-tooltip-autocomplete').waitFor();
  await page.keyboard.press('Escape');
  const previous = await shownCount(page);
  await page.locator('#file').setInputFiles(join(repo, 'tests/data/chromium-mock-session.har'));
  await page.waitForFunction((before) => document.body.dataset.validated !== before, previous);
  await page.waitForSelector('body[data-view="call"]');
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('#session button', { hasText: 'Export Markdown' }).click()]);
  assert.match(await readFile(await markdown.path(), 'utf8'), /^# Certification readiness/);
  assert.deepEqual(session.requests.slice(requestsBefore).filter((url) => !url.startsWith('blob:')), []);
  assertPrivateAndClean(session);
});
