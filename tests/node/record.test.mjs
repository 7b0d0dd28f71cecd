// recordFetch and recordAxios: every Connector API call validated before it is sent, recorded
// in the NDJSON `session` reads with tokens masked to stable pseudonyms; other calls untouched.
// Against a fake fetch, then real fetch and axios against an HTTP stub on 127.0.0.1, whose
// recordings are reviewed by `session`, natively and through npx.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import axios from 'axios';
import { recordAxios } from 'mews-connector-validator/axios';
import { MewsValidationError, recordFetch } from 'mews-connector-validator/fetch';

import { nativeCli, npmCli, run } from './clis.mjs';
import { DATE } from './payloads.mjs';

const CONFIGURATION = '/api/connector/v1/configuration/get';
const RESOURCES = '/api/connector/v1/resources/getAll';
const DEMO_CLIENT_TOKEN = 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D';
// A partner's own tokens (made up): secrets the recording must not show.
const CLIENT_TOKEN = '9A1F0C2B3D4E5F60718293A4B5C6D7E8-0F1E2D3C4B5A69788796A5B4C3D2E1F';
const TOKEN_A = '1B2C3D4E5F60718293A4B5C6D7E8F901-A0B1C2D3E4F5061728394A5B6C7D8E9';
const TOKEN_B = '7F8E9DAC0B1A29384756C5D4E3F2A1B0-B9A8C7D6E5F4031425364A5B6C7D8E9';
const CLIENT = 'Brightkeep Housekeeping 3.2.0';

/** The pseudonym the recorders write for a token (README: SHA-256 prefix). */
const pseudonym = (token) => `${createHash('sha256').update(token).digest('hex').slice(0, 32).toUpperCase()}-MASKED`;
const credentials = (accessToken, clientToken = CLIENT_TOKEN) => ({ ClientToken: clientToken, AccessToken: accessToken, Client: CLIENT });
const resources = (accessToken, count = 100) => ({ ...credentials(accessToken), Extent: { Resources: true }, Limitation: { Count: count } });
const post = (body) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const dir = mkdtempSync(join(tmpdir(), 'mcv-record-'));

/** A fake fetch that remembers its arguments and answers 200 with a few headers. */
function fakeFetch(respond = () => new Response('{}', { status: 200, headers: { 'Retry-After': '5', 'Set-Cookie': 'session=secret' } })) {
  const seen = [];
  const fetch = async (input, init) => {
    seen.push([input, init]);
    return respond(input, init);
  };
  return { fetch, seen };
}

test('other calls go to fetch untouched: not validated, not recorded', async () => {
  const { fetch, seen } = fakeFetch();
  const lines = [];
  const reports = [];
  const recorded = recordFetch(fetch, { record: (line) => lines.push(line), onReport: (r) => reports.push(r) });
  const init = { method: 'POST', body: '{"not": "mews"}' };
  await recorded('https://example.com/api/orders', init);
  await recorded(`https://api.mews-demo.com${CONFIGURATION}`); // a GET is not a Connector API call
  const url = new URL('https://example.com/health');
  await recorded(url);
  assert.equal(seen.length, 3);
  assert.equal(seen[0][0], 'https://example.com/api/orders');
  assert.equal(seen[0][1], init, 'the very same init object');
  assert.equal(seen[2][0], url);
  assert.deepEqual([lines, reports], [[], []]);
});

test('a Connector API call is validated, sent, and recorded with stable pseudonyms', async () => {
  const { fetch, seen } = fakeFetch();
  const lines = [];
  const reports = [];
  const recorded = recordFetch(fetch, { record: (line) => lines.push(line), onReport: (r, request) => reports.push([r, request]), date: DATE });
  const address = `https://api.mews-demo.com${CONFIGURATION}`;
  const bodies = [credentials(TOKEN_A), credentials(TOKEN_A), credentials(TOKEN_B, DEMO_CLIENT_TOKEN)];
  for (const body of bodies) {
    const response = await recorded(address, post(body));
    assert.equal(response.status, 200);
  }
  assert.equal(seen.length, 3);
  assert.equal(seen[0][1].body, JSON.stringify(bodies[0]), 'the body is sent as given (unmasked)');
  assert.deepEqual(reports[0][1], { url: address, method: 'POST', body: JSON.stringify(bodies[0]) });
  assert.equal(reports[0][0].valid, true);
  assert.deepEqual(reports[2][0].diagnostics.map((d) => d.rule), ['demo-token']);

  assert.ok(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n')));
  const records = lines.map((line) => JSON.parse(line));
  assert.deepEqual(Object.keys(records[0]), ['time', 'address', 'request', 'status', 'responseHeaders', 'durationMs']);
  assert.match(records[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(records[0].address, address);
  assert.equal(records[0].status, 200);
  assert.equal(records[0].responseHeaders['retry-after'], '5');
  assert.ok(!('set-cookie' in records[0].responseHeaders), 'cookies are not recorded');
  assert.ok(records[0].durationMs >= 0);
  const sent = records.map((r) => JSON.parse(r.request));
  assert.deepEqual(sent[0], { ...bodies[0], ClientToken: pseudonym(CLIENT_TOKEN), AccessToken: pseudonym(TOKEN_A) });
  assert.equal(sent[1].AccessToken, sent[0].AccessToken, 'same token, same pseudonym');
  assert.equal(sent[2].AccessToken, pseudonym(TOKEN_B));
  assert.equal(sent[2].ClientToken, DEMO_CLIENT_TOKEN, 'the public demo token stays');
  for (const secret of [CLIENT_TOKEN, TOKEN_A, TOKEN_B]) assert.ok(!lines.join('').includes(secret));
});

test('a token sent wrongly stays wrong in the recording; revealTokens keeps tokens', async () => {
  const lines = [];
  const recorded = recordFetch(fakeFetch().fetch, { record: (line) => lines.push(line), onReport() {} });
  await recorded(`https://api.mews-demo.com${CONFIGURATION}`, post(credentials(`Bearer ${TOKEN_A}`)));
  assert.equal(JSON.parse(JSON.parse(lines[0]).request).AccessToken, `Bearer ${pseudonym(`Bearer ${TOKEN_A}`)}`);

  const revealed = [];
  const revealing = recordFetch(fakeFetch().fetch, { record: (line) => revealed.push(line), revealTokens: true, onReport() {} });
  await revealing(`https://api.mews-demo.com${CONFIGURATION}`, post(credentials(TOKEN_A)));
  assert.equal(JSON.parse(JSON.parse(revealed[0]).request).AccessToken, TOKEN_A);
});

test("mode 'throw' stops a call whose body has errors before it is sent", async () => {
  const { fetch, seen } = fakeFetch();
  const lines = [];
  const recorded = recordFetch(fetch, { mode: 'throw', record: (line) => lines.push(line), onReport() {}, date: DATE });
  await assert.rejects(recorded(`https://api.mews-demo.com${RESOURCES}`, post(resources(TOKEN_A, 5000))), (error) => {
    assert.ok(error instanceof MewsValidationError);
    assert.deepEqual(error.report.diagnostics.map((d) => [d.rule, d.severity]), [['limitation-count-range', 'error']]);
    assert.match(error.message, /limitation-count-range/);
    assert.ok(!error.message.includes(TOKEN_A));
    return true;
  });
  assert.deepEqual([seen, lines], [[], []]);
  // A valid call goes through in the same mode.
  await recorded(`https://api.mews-demo.com${RESOURCES}`, post(resources(TOKEN_A)));
  assert.equal(seen.length, 1);
  assert.throws(() => recordFetch(fetch, { mode: 'strict' }), TypeError);
});

test('bodies of every kind are read without being used up; a failed call is recorded as status 0', async () => {
  const body = JSON.stringify(credentials(TOKEN_A));
  const received = [];
  const { fetch } = fakeFetch(async (input, init) => {
    received.push(await new Request(input, { ...init, duplex: 'half' }).text());
    return new Response('{}');
  });
  const checked = [];
  const recorded = recordFetch(fetch, { onReport: (_, request) => checked.push(request.body) });
  const url = `https://api.mews-demo.com${CONFIGURATION}`;
  await recorded(new Request(url, { method: 'POST', body }));
  await recorded(url, { method: 'post', body: new TextEncoder().encode(body) });
  await recorded(url, { method: 'POST', body: new Blob([body]) });
  await recorded(url, { method: 'POST', body: new Response(body).body, duplex: 'half' });
  await recorded(url, { method: 'POST', body: new URLSearchParams({ a: '1' }) });
  assert.deepEqual(checked, [body, body, body, body, 'a=1']);
  assert.deepEqual(received, [body, body, body, body, 'a=1']);

  const lines = [];
  const failing = recordFetch(
    async () => {
      throw new TypeError('fetch failed');
    },
    { record: (line) => lines.push(line), onReport() {} },
  );
  await assert.rejects(failing(url, { method: 'POST', body }), /fetch failed/);
  assert.equal(JSON.parse(lines[0]).status, 0);
});

// ---- real HTTP: a stub of the Connector API on 127.0.0.1 ----------------------------------------

let server;
let origin;
/** Set to make the stub answer the next resources/getAll with 429 and `Retry-After: 30`. */
let limitNext = false;
before(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/health') return response.end('ok');
      if (request.url === RESOURCES && limitNext) {
        limitNext = false;
        response.writeHead(429, { 'Retry-After': '30', 'Content-Type': 'application/json' });
        return response.end('{"Message": "Too many requests"}');
      }
      response.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'id=secret' });
      response.end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

/** Reviews a recording with both CLIs: their JSON reports must be equal; returns one. */
function review(t, recording) {
  const native = nativeCli(t);
  if (!native) return null;
  const args = ['session', recording, '--date', DATE];
  const reports = [native, npmCli()].map((cli) => {
    for (const format of ['text', 'github', 'junit']) {
      const result = run(cli, [...args, '--format', format]);
      assert.equal(result.code, 1, `${cli} ${format}: ${result.stderr}`);
    }
    const result = run(cli, [...args, '--format', 'json']);
    assert.equal(result.stderr, '');
    return JSON.parse(result.stdout);
  });
  assert.deepEqual(reports[1], reports[0], 'npx and the native binary agree');
  for (const format of ['text', 'github', 'junit']) {
    assert.equal(run(npmCli(), [...args, '--format', format]).stdout, run(native, [...args, '--format', format]).stdout, format);
  }
  return reports[0];
}

const found = (report) => report.diagnostics.map((d) => [d.rule, d.severity, d.call]);

test('recordFetch with real fetch: the recording passes `session` with exactly its real findings', async (t) => {
  const recording = join(dir, 'fetch.ndjson');
  const problems = [];
  const recorded = recordFetch(fetch, {
    record: recording,
    date: DATE,
    onReport: (report) => problems.push(...report.diagnostics.map((d) => d.rule)),
  });
  assert.equal((await recorded(`${origin}${CONFIGURATION}`, post(credentials(TOKEN_A)))).status, 200);
  limitNext = true;
  assert.equal((await recorded(`${origin}${RESOURCES}`, post(resources(TOKEN_A)))).status, 429);
  // A retry without waiting the 30 s the 429 asked for:
  assert.equal((await recorded(`${origin}${RESOURCES}`, post(resources(TOKEN_A)))).status, 200);
  assert.equal((await recorded(`${origin}${RESOURCES}`, post(resources(TOKEN_A, 5000)))).status, 200);
  assert.equal((await recorded(`${origin}${CONFIGURATION}`, post(credentials(TOKEN_B)))).status, 200);
  assert.equal(await (await recorded(`${origin}/health`)).text(), 'ok');
  assert.deepEqual(problems, ['limitation-count-range'], 'validated before sending (warn mode sends anyway)');

  const text = readFileSync(recording, 'utf8');
  assert.equal(text.trim().split('\n').length, 5, 'one line per Connector API call, none for /health');
  for (const secret of [CLIENT_TOKEN, TOKEN_A, TOKEN_B]) assert.ok(!text.includes(secret), 'no token in the recording');
  assert.ok(!text.includes('id=secret'));

  const report = review(t, recording);
  if (!report) return;
  assert.equal(report.verdict, 'not-ready');
  assert.deepEqual(found(report), [
    ['retry-after-ignored', 'error', 2],
    ['limitation-count-range', 'error', 3],
  ]);
  assert.equal(report.summary.calls, 5);
  assert.deepEqual(report.summary.hosts, ['127.0.0.1']);
  assert.deepEqual(report.summary.clientNames, [CLIENT]);
  // Rate analysis still tells the two AccessTokens apart (their pseudonyms differ).
  assert.deepEqual(
    report.rateProfiles.map((p) => [p.accessToken, p.calls]).sort(),
    [[`${pseudonym(TOKEN_A).slice(0, 4)}…`, 4], [`${pseudonym(TOKEN_B).slice(0, 4)}…`, 1]].sort(),
  );
  assert.deepEqual(
    report.operations.map((o) => [o.address, o.calls, o.successes]),
    [[CONFIGURATION, 2, 2], [RESOURCES, 3, 2]],
  );
});

test('recordAxios: the same recording from axios interceptors', async (t) => {
  const recording = join(dir, 'axios.ndjson');
  const client = axios.create({ baseURL: origin });
  const eject = recordAxios(client, { record: recording, date: DATE, onReport() {} });
  assert.equal((await client.post(CONFIGURATION, credentials(TOKEN_A))).status, 200);
  limitNext = true;
  await assert.rejects(client.post(RESOURCES, resources(TOKEN_A)), (error) => error.response.status === 429);
  assert.equal((await client.post(RESOURCES, resources(TOKEN_A))).status, 200);
  assert.equal((await client.post(`${origin}${RESOURCES}`, JSON.stringify(resources(TOKEN_A, 5000)))).status, 200);
  assert.equal((await client.post(CONFIGURATION, credentials(TOKEN_B))).status, 200);
  assert.equal((await client.get('/health')).data, 'ok');
  eject();
  await client.post(CONFIGURATION, credentials(TOKEN_A));

  const lines = readFileSync(recording, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(
    lines.map((l) => [l.address, l.status]),
    [CONFIGURATION, RESOURCES, RESOURCES, RESOURCES, CONFIGURATION].map((path, i) => [`${origin}${path}`, i === 1 ? 429 : 200]),
  );
  assert.equal(JSON.parse(lines[0].request).AccessToken, pseudonym(TOKEN_A));
  assert.equal(lines[1].responseHeaders['retry-after'], '30');
  assert.equal(lines[0].responseHeaders['content-type'], 'application/json');
  assert.ok(!('set-cookie' in lines[0].responseHeaders));

  const report = review(t, recording);
  if (!report) return;
  assert.deepEqual(found(report), [
    ['retry-after-ignored', 'error', 2],
    ['limitation-count-range', 'error', 3],
  ]);
});
