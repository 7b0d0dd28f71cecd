// Records tests/data/chromium-mock-session.har: headless Chromium (Playwright recordHar) runs a
// page that calls a local mock of the Connector API. Re-run with:
//   npm install playwright-core@1 && node tests/data/record_har.mjs
// (needs /usr/bin/chromium). Only local mock traffic with the public demo tokens is recorded.
import http from 'node:http';
import { chromium } from 'playwright-core';

const page = `<!doctype html><meta charset="utf-8"><title>mock integration</title><script>
const auth = {
  ClientToken: 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D',
  AccessToken: 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D',
  Client: 'Brightkeep Housekeeping 3.2.0',
};
const call = (op, extra) => fetch('/api/connector/v1/' + op, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ ...auth, ...extra }),
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function run() {
  await call('configuration/get', {});
  let response = await call('resources/getAll', { Limitation: { Count: 100 } });
  if (response.status === 429) {
    await sleep(1000 * Number(response.headers.get('Retry-After')) + 100);
    response = await call('resources/getAll', { Limitation: { Count: 100 } });
  }
  await call('resourceCategories/getAll', { ServiceIds: ['bd26d8db-86da-4f96-9efc-e5a4654a4a94'], Limitation: { Count: 10 } });
  document.title = 'done';
}
run();
</script>`;

let resourcesCalls = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(page);
    }
    const json = (status, value, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (req.url === '/api/connector/v1/configuration/get') return json(200, { NowUtc: new Date().toISOString() });
    if (req.url === '/api/connector/v1/resources/getAll') {
      resourcesCalls += 1;
      if (resourcesCalls === 1) return json(429, { Message: 'Too many requests' }, { 'Retry-After': '1' });
      return json(200, { Resources: [], Cursor: null });
    }
    return json(400, { Message: 'Invalid request' });
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ recordHar: { path: process.argv[2] ?? 'tests/data/chromium-mock-session.har' } });
const tab = await context.newPage();
await tab.goto(url);
await tab.waitForFunction(() => document.title === 'done', null, { timeout: 20000 });
await context.close();
await browser.close();
server.close();
