// Screenshots of each mode in light and dark, and at 700 px wide, saved under target/screenshots/
// for a person to look at. Each also asserts what the screenshot must show.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { openFiles, openPage, paste, repo, screenshot } from './support.mjs';

const CURL = `curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll/' \\
  -H 'content-type: application/json' \\
  --data-raw $'{\\n  "ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D",\\n  "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D",\\n  "Client": "Zoë 😀 1.0.0",\\n  "Extent": {"Customers": true},\\n  "Limitation": {"Count": 5000}\\n}'`;

const MODES = {
  async request() {},
  async curl(page) {
    await paste(page, CURL);
  },
  async response(page) {
    await paste(page, `${JSON.stringify({ Customers: [{ Id: 'not-a-uuid', FirstName: 'Ana' }], Cursor: null }, null, 2)}\n`);
  },
  async checklist(page) {
    await openFiles(page, join(repo, 'examples/checklist-public.json'));
  },
  async session(page) {
    await openFiles(page, join(repo, 'tests/data/chromium-mock-session.har'));
    await page.waitForSelector('body[data-view="call"]');
    await page.locator('#diagnostics .diagnostic[data-rule="missing-required"]').first().click();
    await page.waitForSelector('body[data-call="1"]');
  },
};

const KINDS = { request: 'body', curl: 'curl', response: 'response', checklist: 'checklist', session: 'har' };

for (const scheme of ['light', 'dark']) {
  for (const [mode, setUp] of Object.entries(MODES)) {
    test(`screenshot: ${mode}, ${scheme}`, async (t) => {
      const { page, errors } = await openPage(t, { colorScheme: scheme });
      await setUp(page);
      assert.equal(await page.locator('body').getAttribute('data-input-kind'), KINDS[mode]);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, scheme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(244, 246, 249)');
      await screenshot(page, `${mode}-${scheme}`);
      assert.deepEqual(errors, []);
    });
  }
}

for (const mode of ['request', 'session']) {
  test(`screenshot: ${mode} at 700 px wide, the findings start above the fold`, async (t) => {
    const { page, errors } = await openPage(t, { viewport: { width: 700, height: 900 } });
    await MODES[mode](page);
    const { findingsTop, scrollWidth } = await page.evaluate(() => ({
      findingsTop: document.querySelector('#results').getBoundingClientRect().top,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(findingsTop < 900, `the findings start at ${findingsTop}px`);
    assert.ok(scrollWidth <= 700, `no horizontal scrolling (${scrollWidth}px)`);
    await screenshot(page, `${mode}-700px`);
    assert.deepEqual(errors, []);
  });
}
