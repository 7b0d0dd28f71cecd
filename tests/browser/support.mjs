// Shared set-up of the browser tests: the page served from www/ (www/pkg and www/build must be
// built: `make www`), Debian's Chromium driven by playwright-core, one fresh browser context per
// test (so every test sets up its own page state and passes alone and in any order), and helpers
// that read the editor, its lint marks and the findings list.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from '../../www/serve.mjs';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(repo, 'target', 'screenshots');
/** Every test pins the evaluation date, so results do not depend on today. */
export const DATE = '2026-12-01';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server;
let browser;
export let origin;

before(async () => {
  server = await serve({ root: join(repo, 'www'), port: 0 });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * A fresh page on the checker, loaded and showing its first result. `query` is added to the URL
 * (the date is pinned unless given). Records every request and every error of the page.
 */
export async function openPage(t, { query = '', colorScheme = 'light', viewport = { width: 1280, height: 860 }, route } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  t.after(() => context.close());
  const requests = [];
  const errors = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  // The editor's view, for reading its state (CodeMirror keeps it on its content element's tile).
  await context.addInitScript(() => {
    window.editorView = () => document.querySelector('#editor').shadowRoot.querySelector('.cm-content').cmTile.root.view;
  });
  if (route) await route(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  const params = new URLSearchParams(query);
  if (!params.has('date')) params.set('date', DATE);
  const started = Date.now();
  await page.goto(`${origin}/?${params}`);
  await page.waitForSelector('body[data-validated]');
  return { page, context, requests, errors, loadMs: Date.now() - started };
}

/** The number of results shown so far (`body[data-validated]`). */
export const shownCount = (page) => page.evaluate(() => document.body.dataset.validated ?? '');

/** Waits for a result newer than `previous` that is about the editor's current text. */
export async function waitForResult(page, previous) {
  await page.waitForFunction(
    (before) => {
      const body = document.body;
      if (body.dataset.validated === before) return false;
      if (body.dataset.view && body.dataset.view !== 'edit') return true;
      const view = editorView();
      return Number(body.dataset.checkedLength) === view.state.doc.length;
    },
    previous,
    { timeout: 30_000 },
  );
}

/** Replaces the editor's text as a user's paste does (a paste event over everything), and waits for its result. */
export async function paste(page, text) {
  const previous = await shownCount(page);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  if (text) {
    await page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      editorView().contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  } else {
    await page.keyboard.press('Delete');
  }
  await waitForResult(page, previous);
}

/** Puts the cursor at UTF-16 offset `at` of the editor's text (selecting up to `head` if given). */
export async function cursorAt(page, at, head = at) {
  await page.locator('.cm-content').focus();
  await page.evaluate(([anchor, to]) => {
    const view = editorView();
    view.dispatch({ selection: { anchor, head: to }, scrollIntoView: true });
  }, [at, head]);
}

/** Waits until no check is pending and the shown result is about the editor's current text. */
export async function waitForCurrent(page) {
  await page.waitForFunction(
    () => {
      const view = editorView();
      return !document.querySelector('#status.pending') && Number(document.body.dataset.checkedLength) === view.state.doc.length;
    },
    null,
    { timeout: 30_000 },
  );
}

export const editorText = (page) =>
  page.evaluate(() => editorView().state.doc.toString());

/** The selected text of the editor and whether it has focus. */
export const editorSelection = (page) =>
  page.evaluate(() => {
    const view = editorView();
    const { from, to } = view.state.selection.main;
    return { text: view.state.sliceDoc(from, to), from, focused: view.hasFocus };
  });

/**
 * The lint marks drawn in the editor, as {severity, line, column, text}: adjacent mark elements
 * of one severity on one line are joined (the editor splits marks at syntax tokens).
 */
export const shownMarks = (page) =>
  page.evaluate(() => {
    const marks = [];
    const view = editorView();
    for (const line of view.contentDOM.querySelectorAll('.cm-line')) {
      const lineStart = view.posAtDOM(line, 0);
      const lineNumber = view.state.doc.lineAt(lineStart).number;
      for (const mark of line.querySelectorAll('.cm-lintRange')) {
        if (mark.parentElement.closest('.cm-lintRange')) continue;
        const severity = ['error', 'warning', 'info'].find((s) => mark.classList.contains(`cm-lintRange-${s}`));
        const from = view.posAtDOM(mark, 0);
        const previous = marks[marks.length - 1];
        if (previous && previous.line === lineNumber && previous.severity === severity && previous.end === from) {
          previous.text += mark.textContent;
          previous.end += mark.textContent.length;
          continue;
        }
        marks.push({ severity, line: lineNumber, column: from - lineStart + 1, text: mark.textContent, end: from + mark.textContent.length });
      }
    }
    return marks.map(({ end, ...mark }) => mark);
  });

/** The findings list, as {rule, severity, line, column}. */
export const shownFindings = (page) =>
  page.locator('#diagnostics .diagnostic').evaluateAll((items) =>
    items.map((item) => ({
      rule: item.dataset.rule,
      severity: item.dataset.severity,
      line: Number(item.dataset.line),
      column: Number(item.dataset.column),
    })),
  );

/** Opens files through the page's "Open file…" input. */
export async function openFiles(page, files) {
  const previous = await shownCount(page);
  await page.locator('#file').setInputFiles(files);
  await page.waitForFunction((before) => document.body.dataset.validated !== before, previous, { timeout: 60_000 });
}

/** Requests that left the page's origin (blob: URLs of the page's own downloads are its origin). */
export const outsideOrigin = (requests) =>
  requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`));

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
