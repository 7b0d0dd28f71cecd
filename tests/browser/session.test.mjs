// Recorded sessions and checklists in headless Chromium: a HAR opened through the file input, an
// NDJSON log dropped on the page, the verdict, the per-operation table (consistent with the
// list), the rate charts, findings per call opening the call's body, the checklist cross-check,
// the report exports, and the checklist example round-tripping.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';

import {
  editorSelection,
  editorText,
  openFiles,
  openPage,
  outsideOrigin,
  paste,
  repo,
  shownCount,
  shownFindings,
  shownMarks,
  waitForResult,
} from './support.mjs';

const HAR_PATH = join(repo, 'tests/data/chromium-mock-session.har');
const CHECKLIST_PATH = join(repo, 'examples/checklist-public.json');
const DEMO_CLIENT_TOKEN = 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D';
const DEMO_ACCESS_TOKEN = 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D';

function assertPrivateAndClean({ requests, errors }) {
  assert.deepEqual(outsideOrigin(requests), []);
  assert.deepEqual(errors, []);
}

/** The rows of the per-operation table, as [address, calls, 2xx, failed, findings]. */
const tableRows = (page) =>
  page.locator('#session table.operations tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.dataset.address, ...[...row.querySelectorAll('td.number')].map((cell) => Number(cell.textContent))]),
  );

/** Findings listed under a call (not the recording-wide or checklist groups). */
const callFindingCount = (page) => page.locator('#diagnostics .call-group:not([data-call="-1"]):not([data-call="checklist"]) .diagnostic').count();

test('a HAR opened through the file input: verdict, table, chart and findings per call', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  await openFiles(page, HAR_PATH);
  await page.waitForSelector('body[data-view="call"]');
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'har');
  // The verdict is known for this recording: two calls lack `Extent` (errors).
  assert.equal(await page.locator('#session .verdict').getAttribute('data-verdict'), 'not-ready');
  assert.equal(await page.locator('#session .verdict').textContent(), 'Not ready for certification');
  assert.match(await page.locator('#session .session-facts').textContent(), /^4 Connector API calls reviewed of 5 entries · 1 other entry skipped/);
  const rows = await tableRows(page);
  assert.deepEqual(
    rows.map(([address, calls, successes, failures]) => [address, calls, successes, failures]),
    [
      ['/api/connector/v1/configuration/get', 1, 1, 0],
      ['/api/connector/v1/resourceCategories/getAll', 1, 0, 1],
      ['/api/connector/v1/resources/getAll', 2, 1, 1],
    ],
  );
  // The table's Findings column counts exactly the findings listed for the calls.
  const tableSum = rows.reduce((sum, row) => sum + row[4], 0);
  assert.equal(tableSum, await callFindingCount(page));
  assert.ok(tableSum > 0);

  // One chart for the one AccessToken: the limit drawn, the 429 marked, no burst.
  const chart = page.locator('[data-chart="rate"]');
  assert.equal(await chart.count(), 1);
  assert.equal(await chart.getAttribute('data-token'), 'C66E…');
  assert.equal(await chart.locator('svg .limit').count(), 1);
  assert.equal(await chart.locator('svg .rejected').count(), 1);
  assert.equal(await chart.locator('svg .burst').count(), 0);
  assert.match(await chart.locator('figcaption').textContent(), /4 calls · peak 4 per 30 s \(limit 200\) · 1 × 429/);

  // Clicking a call's finding opens that call's body read-only with its marks, formatted for reading.
  const missing = page.locator('#diagnostics .diagnostic[data-rule="missing-required"]').first();
  const call = Number(await missing.getAttribute('data-call'));
  await missing.click();
  await page.waitForSelector(`body[data-call="${call}"]`);
  assert.match(await editorText(page), /^\{\n {2}"ClientToken": "E0D4/);
  assert.equal(await page.locator('#address').inputValue(), '/api/connector/v1/resources/getAll');
  // `Extent` is missing: the engine locates that at the object's opening brace.
  const marks = await shownMarks(page);
  assert.deepEqual(marks.filter((m) => m.severity === 'error'), [{ severity: 'error', line: 1, column: 1, text: '{' }]);
  assert.equal(await page.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  assert.equal(await page.locator('#format').isDisabled(), true);
  // As recorded: the exact bytes sent, with the review's own marks.
  await page.locator('#call-banner button', { hasText: 'Show as recorded' }).click();
  await page.waitForFunction(() => !editorView().state.doc.toString().includes('\n'));
  assert.equal(
    await editorText(page),
    '{"ClientToken":"E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D","AccessToken":"C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D","Client":"Brightkeep Housekeeping 3.2.0","Limitation":{"Count":100}}',
  );
  assert.deepEqual(await shownMarks(page), [{ severity: 'error', line: 1, column: 1, text: '{' }]);
  await page.locator('#call-banner button', { hasText: 'Show formatted' }).click();
  await page.waitForFunction(() => editorView().state.doc.toString().includes('\n'));
  assertPrivateAndClean(session);
});

/** An NDJSON call log: 205 calls in 20 s with one AccessToken (a burst), two answered 429. */
function burstLog() {
  const start = Date.parse('2026-11-23T10:00:00Z');
  const lines = [];
  for (let i = 0; i < 205; i += 1) {
    lines.push(
      JSON.stringify({
        time: new Date(start + i * 100).toISOString(),
        address: 'https://api.mews-demo.com/api/connector/v1/configuration/get',
        request: { ClientToken: DEMO_CLIENT_TOKEN, AccessToken: DEMO_ACCESS_TOKEN, Client: 'Brightkeep Housekeeping 3.2.0' },
        status: i === 203 || i === 204 ? 429 : 200,
        responseHeaders: i >= 203 ? { 'Retry-After': '5' } : {},
        durationMs: 50,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

test('an NDJSON log dropped on the page: the burst and the 429s on the chart', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  const previous = await shownCount(page);
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'calls.ndjson', { type: 'application/x-ndjson' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, burstLog());
  await waitForResult(page, previous);
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'ndjson');
  assert.equal(await page.locator('#drop-zone').isHidden(), true);
  assert.equal(await page.locator('#session .verdict').getAttribute('data-verdict'), 'not-ready');
  const findings = await shownFindings(page);
  assert.equal(findings.filter((f) => f.rule === 'rate-limit-exceeded').length, 1);
  const chart = page.locator('[data-chart="rate"]');
  assert.equal(await chart.locator('svg .burst').count(), 1);
  assert.equal(await chart.locator('svg .burst').getAttribute('data-burst'), '205');
  assert.equal(await chart.locator('svg .rejected').count(), 2);
  assert.match(await chart.locator('figcaption').textContent(), /205 calls · peak 205 per 30 s \(limit 200\) · 1 burst above the limit · 2 × 429/);
  const rows = await tableRows(page);
  assert.deepEqual(rows, [['/api/connector/v1/configuration/get', 205, 203, 2, await callFindingCount(page)]]);
  assertPrivateAndClean(session);
});

test('a recording with its checklist: declared operations, checklist findings and the exports', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  await openFiles(page, [HAR_PATH, CHECKLIST_PATH]);
  await page.waitForSelector('body[data-view="call"]');
  assert.match(await page.locator('#session .session-name').textContent(), /checklist checklist-public\.json/);
  const declared = await page.locator('#session table.operations tbody tr').evaluateAll((rows) =>
    rows.map((row) => [row.dataset.address, row.querySelector('.declared, .undeclared').textContent]),
  );
  assert.deepEqual(declared, [
    ['/api/connector/v1/configuration/get', 'yes'],
    ['/api/connector/v1/resourceCategories/getAll', 'yes'],
    ['/api/connector/v1/resources/getAll', 'yes'],
  ]);
  // The checklist lists resources/update and reservations/getAll/2023-06-06, which the session
  // never calls, and resourceCategories/getAll, whose only call failed.
  const notTested = page.locator('#diagnostics .checklist-group .diagnostic[data-rule="operation-not-tested"]');
  assert.equal(await notTested.count(), 3);
  await notTested.first().click();
  await page.waitForSelector('body[data-view="checklist"]');
  assert.equal(await editorText(page), await readFile(CHECKLIST_PATH, 'utf8'));
  assert.ok((await shownMarks(page)).some((m) => m.severity === 'error' && m.text.includes('/api/connector/v1/resources/update')));

  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#session button', { hasText: 'Export JSON' }).click()]);
  assert.equal(json.suggestedFilename(), 'readiness-chromium-mock-session.json');
  const report = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(report.verdict, 'not-ready');
  assert.equal(report.rateProfiles[0].accessToken, 'C66E…');
  const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('#session button', { hasText: 'Export Markdown' }).click()]);
  assert.equal(markdown.suggestedFilename(), 'readiness-chromium-mock-session.md');
  const text = await readFile(await markdown.path(), 'utf8');
  assert.match(text, /^# Certification readiness: `chromium-mock-session\.har`/);
  assert.match(text, /Not ready for certification review/);
  for (const exported of [JSON.stringify(report), text]) {
    assert.ok(!exported.includes(DEMO_ACCESS_TOKEN) && !exported.includes(DEMO_CLIENT_TOKEN), 'tokens are masked');
  }
  assertPrivateAndClean(session);
});

test('the public checklist example round-trips: opened, checked without errors, saved unchanged', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  const original = await readFile(CHECKLIST_PATH, 'utf8');
  await openFiles(page, CHECKLIST_PATH);
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'checklist');
  assert.equal(await editorText(page), original);
  assert.equal(await page.locator('#diagnostics .diagnostic[data-severity="error"]').count(), 0);
  assert.match(await page.locator('#status').textContent(), /^Valid/);
  const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('#save-file').click()]);
  assert.equal(saved.suggestedFilename(), 'checklist.json');
  assert.equal(await readFile(await saved.path(), 'utf8'), original);
  // A mistake typed into it is marked where it is.
  await paste(page, original.replace('"public"', '"publik"'));
  const enumError = (await shownFindings(page)).find((f) => f.severity === 'error');
  assert.deepEqual(enumError, { rule: 'enum-value', severity: 'error', line: 3, column: 22 });
  assertPrivateAndClean(session);
});

test('a HAR pasted in the editor: findings per call, a call opened and the recording back', async (t) => {
  const session = await openPage(t);
  const { page } = session;
  const har = await readFile(HAR_PATH, 'utf8');
  await paste(page, har);
  assert.equal(await page.locator('body').getAttribute('data-input-kind'), 'har');
  assert.equal(await page.locator('#session .verdict').getAttribute('data-verdict'), 'not-ready');
  // The operation that always failed is located in the recording (its HAR entry).
  const failing = page.locator('#diagnostics .diagnostic[data-rule="operation-always-failing"]');
  assert.equal(await failing.count(), 1);
  // It is located at the fifth entry's start: clicking it puts the cursor there.
  await failing.click();
  const entries = [...har.matchAll(/\{"pageref"/g)].map((match) => match.index);
  const selection = await editorSelection(page);
  assert.equal(selection.from, entries[4]);
  assert.equal(selection.focused, true);
  const demo = page.locator('#diagnostics .diagnostic[data-rule="demo-token"]').first();
  await demo.click();
  await page.waitForSelector('body[data-call="0"]');
  assert.match(await editorText(page), /^\{\n {2}"ClientToken"/);
  const previousText = await editorText(page);
  await page.locator('#call-banner button', { hasText: 'Back to the recording' }).click();
  await page.waitForSelector('body[data-view="edit"]');
  assert.equal(await editorText(page), har);
  assert.notEqual(previousText, har);
  assertPrivateAndClean(session);
});
