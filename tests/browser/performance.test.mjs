// Typing never blocks: the figures the page promises, measured in headless Chromium and printed.
// - load → first report
// - keystroke → marks with a 5 KB, 100 KB and 1 MB body (the debounce included)
// - the longest main-thread task (longtask PerformanceObserver) while typing into a 1 MB body:
//   asserted at most 100 ms (the target is under 50 ms)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { cursorAt, editorText, openPage, outsideOrigin, paste, shownFindings, waitForCurrent } from './support.mjs';

const DEMO_CLIENT_TOKEN = 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D';
const DEMO_ACCESS_TOKEN = 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D';
const ADDRESS = '/api/connector/v1/images/getUrls';

/** A valid images/getUrls body of about `bytes` bytes: its only findings are the demo-token infos. */
function imagesBody(bytes) {
  const head = `{\n  "ClientToken": "${DEMO_CLIENT_TOKEN}",\n  "AccessToken": "${DEMO_ACCESS_TOKEN}",\n  "Client": "Brightkeep Housekeeping 3.2.0",\n  "Images": [\n`;
  const image = (i) => `    {\n      "ImageId": "57a971a5-a335-48f4-8cd1-${String(i).padStart(12, '0')}",\n      "Width": 200,\n      "Height": 150,\n      "ResizeMode": "Fit"\n    }`;
  const images = [];
  let size = head.length + 6;
  for (let i = 0; size < bytes; i += 1) {
    images.push(image(i));
    size += image(i).length + 2;
  }
  return `${head}${images.join(',\n')}\n  ]\n}\n`;
}

/** Loads a body of about `bytes` and checks that its own findings (the two demo-token infos) show. */
async function loadBody(t, bytes) {
  const session = await openPage(t, { query: `empty&address=${ADDRESS}` });
  const { page } = session;
  const body = imagesBody(bytes);
  await paste(page, body);
  const findings = await shownFindings(page);
  assert.deepEqual(findings.map((f) => `${f.rule}:${f.severity}`), ['demo-token:info', 'demo-token:info'], `${bytes} bytes`);
  return { ...session, body };
}

/** Time from typing a defect into the first image id until its error mark is drawn. */
async function keystrokeToMarks(page, body) {
  const at = body.indexOf('"57a971a5') + 5;
  await cursorAt(page, at);
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.type('x');
  await page.waitForFunction(() => editorView().contentDOM.querySelector('.cm-lintRange-error'), null, { timeout: 30_000 });
  const elapsed = (await page.evaluate(() => performance.now())) - started;
  assert.equal((await shownFindings(page)).filter((f) => f.severity === 'error').map((f) => f.rule).join(), 'format');
  return elapsed;
}

for (const [label, bytes] of [['5 KB', 5_000], ['100 KB', 100_000], ['1 MB', 1_000_000]]) {
  test(`keystroke → marks with a ${label} body`, async (t) => {
    const { page, body, requests } = await loadBody(t, bytes);
    const elapsed = await keystrokeToMarks(page, body);
    console.log(`keystroke → marks, ${label} body (${body.length} bytes): ${elapsed.toFixed(0)} ms (debounce 150 ms included)`);
    assert.deepEqual(outsideOrigin(requests), []);
  });
}

test('load → first report', async (t) => {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const { page, context } = await openPage(t);
    // The page marks its first shown result; times count from the navigation's start.
    runs.push(await page.evaluate(() => performance.getEntriesByName('mews:first-report')[0].startTime));
    await context.close();
  }
  console.log(`load → first report: ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms (navigation start to the first shown result, fresh context each time)`);
});

test('typing into a 1 MB body keeps every main-thread task short', async (t) => {
  const { page, body, requests, errors } = await loadBody(t, 1_000_000);
  assert.ok(body.length >= 1_000_000);
  await page.evaluate(() => {
    window.__longest = 0;
    window.__longTasks = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.__longTasks += 1;
        window.__longest = Math.max(window.__longest, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
  // Type in the middle of the body: a new image's Width, one key at a time.
  const middle = body.indexOf('"Width": 200', body.length / 2) + '"Width": 20'.length;
  await cursorAt(page, middle);
  for (const key of '0123456789'.repeat(3)) {
    await page.keyboard.type(key);
    await page.waitForTimeout(25);
  }
  await waitForCurrent(page);
  const typed = await editorText(page);
  assert.ok(typed.includes('"Width": 200123456789012345678901234567890'));
  // The body's own findings show, so it really was checked (Width is an int32: now out of range).
  const findings = (await shownFindings(page)).map((f) => `${f.rule}:${f.severity}`);
  assert.deepEqual(findings.filter((f) => f.startsWith('demo-token')), ['demo-token:info', 'demo-token:info']);
  const { longest, count } = await page.evaluate(() => ({ longest: window.__longest, count: window.__longTasks }));
  // The longtask observer only reports tasks of 50 ms or more.
  const figure = count ? `${longest.toFixed(0)} ms (${count} tasks of 50 ms or more)` : 'no task of 50 ms or more';
  console.log(`longest main-thread task while typing 30 keys into a ${body.length}-byte body: ${figure}`);
  assert.ok(longest <= 100, `longest task ${longest} ms`);
  assert.deepEqual(outsideOrigin(requests), []);
  assert.deepEqual(errors, []);
});
