// The checker page in headless Chromium: loads the wasm from the built package, shows findings for
// a pasted body, selects a finding's range on click, and talks to nobody but its own server.
// Needs `make pkg` and www/pkg (make test does both) and /usr/bin/chromium.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from '../../www/serve.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let server;
let origin;
let profile;
let context;
let page;
const requested = [];
const pageErrors = [];
const failed = [];

before(async () => {
  server = await serve({ root: join(repo, 'www'), port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  profile = await mkdtemp(join(tmpdir(), 'mews-checker-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 820 },
  });
  context.on('request', (request) => requested.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-validated]');
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

/** Replaces the editor's text as a paste would, and waits for the findings of that text. */
async function paste(text) {
  const previous = await page.locator('body').getAttribute('data-validated');
  await page.locator('#editor textarea').fill(text);
  await page.waitForFunction((run) => document.body.dataset.validated !== run, previous);
}

/** The findings shown in the list, as {rule, severity, line, column, where}. */
function shownDiagnostics() {
  return page.locator('#diagnostics .diagnostic').evaluateAll((items) =>
    items.map((item) => ({
      rule: item.querySelector('.rule').textContent,
      severity: item.querySelector('.severity').textContent,
      line: Number(item.dataset.line),
      column: Number(item.dataset.column),
      where: item.querySelector('.where').textContent,
    })),
  );
}

test('the page loads the validator and checks the preloaded sample', async () => {
  assert.match(await page.locator('#version').textContent(), /^mews-connector-validator \d+\.\d+\.\d+/);
  assert.equal(await page.locator('#address').inputValue(), '/api/connector/v1/customers/getAll');
  assert.match(await page.locator('#editor textarea').inputValue(), /"ClientToken"/);
  assert.deepEqual(
    (await shownDiagnostics()).map(({ rule, severity, line, column }) => [rule, severity, line, column]),
    [
      ['demo-token', 'info', 2, 18],
      ['demo-token', 'info', 3, 18],
      ['client-not-unique', 'error', 4, 13],
      ['type-mismatch', 'error', 10, 18],
      ['limitation-count-range', 'error', 13, 14],
    ],
  );
  assert.match(await page.locator('#status').textContent(), /^Invalid · 3 errors, 2 infos · /);
  assert.equal(await page.locator('#operation-info a').textContent(), 'Get all customers');
  await mkdir(join(repo, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(repo, 'test-results', 'checker-sample.png') });
});

test('a pasted invalid body shows its diagnostics with rule, line and column', async () => {
  await paste('{\n  "ClientToken": "E0D4",\n  "Client": "😀 app",,\n}\n');
  assert.deepEqual(await shownDiagnostics(), [
    { rule: 'invalid-json', severity: 'error', line: 3, column: 22, where: 'line 3:22' },
  ]);
  assert.match(await page.locator('#status').textContent(), /^Invalid · 1 error/);
  const docs = await page.locator('#diagnostics .diagnostic .rule').first().getAttribute('href');
  assert.match(docs, /^https:\/\/docs\.mews\.com\/connector-api\//);
});

test('clicking a diagnostic selects its range in the editor', async () => {
  await page.locator('#diagnostics .diagnostic').first().click();
  const selection = await page.locator('#editor textarea').evaluate((textarea) => ({
    focused: document.activeElement === textarea,
    selected: textarea.value.slice(textarea.selectionStart, textarea.selectionEnd),
    before: textarea.value.slice(0, textarea.selectionStart),
  }));
  assert.equal(selection.focused, true);
  assert.equal(selection.selected, ',');
  assert.equal(selection.before, '{\n  "ClientToken": "E0D4",\n  "Client": "😀 app",');
});

test('a pasted cURL command (Chromium $\'…\' quoting) is checked, findings located in the command', async () => {
  const curl = [
    "curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll/' \\",
    "  -H 'content-type: application/json' \\",
    `  --data-raw $'{\\n  "ClientToken": "E0D4",\\n  "Client": "Zoë 😀 1.0.0",\\n  "Limitation": {"Count": 5000}\\n}'`,
  ].join('\n');
  await paste(curl);
  assert.equal(await page.locator('#input-kind').textContent(), 'cURL command');
  const address = page.locator('#address');
  assert.equal(await address.inputValue(), 'https://api.mews-demo.com/api/connector/v1/customers/getAll/');
  assert.equal(await address.evaluate((input) => input.readOnly), true);
  const shown = await shownDiagnostics();
  const find = (rule) => shown.find((d) => d.rule === rule);
  // Line 3 column 100: the escapes (\n, two characters each) and 😀 (two UTF-16 units) counted as pasted.
  assert.deepEqual(find('limitation-count-range'), {
    rule: 'limitation-count-range', severity: 'error', line: 3, column: 100, where: 'line 3:100',
  });
  const line3 = curl.split('\n')[2];
  assert.equal(line3.indexOf('5000') + 1, 100);
  assert.deepEqual(find('trailing-slash'), { rule: 'trailing-slash', severity: 'error', line: 1, column: 7, where: 'line 1:7' });
  assert.equal(await page.locator('#operation-info a').textContent(), 'Get all customers');
  // Clicking the finding selects the number in the pasted command.
  await page.locator('#diagnostics .diagnostic[data-rule="limitation-count-range"]').click();
  const selected = await page.locator('#editor textarea').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
  assert.equal(selected, '5000');
  await page.screenshot({ path: join(repo, 'test-results', 'checker-curl.png') });
});

test('a pasted HAR export shows the session readiness summary', async () => {
  await paste(await readFile(join(repo, 'tests/data/chromium-mock-session.har'), 'utf8'));
  assert.equal(await page.locator('#input-kind').textContent(), 'HAR export: session review');
  assert.equal(await page.locator('#session').isVisible(), true);
  assert.match(await page.locator('#session .verdict').textContent(), /^(Ready|Not ready) for certification$/);
  assert.ok((await page.locator('#session .operations tbody tr').count()) > 0);
  assert.match(await page.locator('#session .session-facts').textContent(), /Connector API calls? reviewed/);
  await page.screenshot({ path: join(repo, 'test-results', 'checker-har.png'), fullPage: true });
});

test('pasting a body again restores the typed address, editable', async () => {
  await paste('{"ClientToken": 1}');
  const address = page.locator('#address');
  assert.equal(await address.inputValue(), '/api/connector/v1/customers/getAll');
  assert.equal(await address.evaluate((input) => input.readOnly), false);
  assert.equal(await page.locator('#session').isVisible(), false);
  assert.equal(await page.locator('#input-kind').textContent(), 'JSON body');
});

test('the page made no request outside 127.0.0.1 and logged no error', async () => {
  await page.screenshot({ path: join(repo, 'test-results', 'checker-invalid-selected.png') });
  assert.ok(requested.length > 0);
  const outside = requested.filter((url) => !url.startsWith(`${origin}/`));
  assert.deepEqual(outside, []);
  assert.deepEqual(failed, []);
  assert.deepEqual(pageErrors, []);
});
