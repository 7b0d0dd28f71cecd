// Hostile inputs through every export of the npm package, the wasm boundary included: each case
// gives its exact rule ids within a generous time (at least 2 s, about 10× what the release build
// takes here), and JSON.stringify(result) never shows 12 characters of a token. The counterpart of
// tests/hostile.rs (same kinds of inputs, run through wasm instead of the native library).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  analyzeSession,
  completions,
  detectInput,
  renderReadinessMarkdown,
  sessionCallBody,
  sessionCalls,
  validateChecklist,
  validateInput,
  validateRequest,
  validateResponse,
} from 'mews-connector-validator';

const TOKEN = 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D';
const OTHER_TOKEN = 'CC150C355D6A4048A220AD20015483AB-B6D09C0C84B09538077CB8FFBB907B4';
const CLIENT_TOKEN = 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D';
const TOKENS = [TOKEN, OTHER_TOKEN, CLIENT_TOKEN];
const CLIENT = 'Brightkeep Housekeeping 3.2.0';
const CONFIGURATION = '/api/connector/v1/configuration/get';
const URL_ = `https://api.mews-demo.com${CONFIGURATION}`;
const OPTIONS = { date: '2026-12-01' };
const T0 = Date.parse('2026-11-23T10:00:00Z');
const iso = (ms) => new Date(T0 + ms).toISOString();

const VALID = JSON.stringify({ ClientToken: CLIENT_TOKEN, AccessToken: TOKEN, Client: CLIENT });
const withMember = (member) => `${VALID.slice(0, -1)},${member}}`;
const curl = (extra, body) => `curl -X POST '${URL_}' -H 'Content-Type: application/json' ${extra} -d '${body}'`;
const http = (headers, body) => `POST ${URL_} HTTP/1.1\r\nContent-Type: application/json\r\n${headers}\r\n${body}`;

function harEntry(ms, status = 200, url = URL_) {
  return {
    startedDateTime: iso(ms),
    time: 10,
    request: { method: 'POST', url, headers: [], postData: { mimeType: 'application/json', text: VALID } },
    response: { status, headers: [] },
  };
}
const har = (entries) => JSON.stringify({ log: { version: '1.2', entries } }, null, 2);
const harWith = (edit) => {
  const entry = harEntry(0);
  edit(entry);
  return har([entry]);
};
const ndjsonLine = (time) => JSON.stringify({ time, address: URL_, request: JSON.parse(VALID), status: 200, responseHeaders: {} });

const CHECKLIST = readFileSync(new URL('../../examples/checklist-public.json', import.meta.url), 'utf8');
const checklistWith = (edit) => {
  const checklist = JSON.parse(CHECKLIST);
  edit(checklist);
  return JSON.stringify(checklist, null, 2);
};

/** The distinct rule ids of a report or a readiness report (its checklist's included), sorted. */
function rulesOf(result) {
  const diagnostics = [...result.diagnostics, ...(result.checklist?.diagnostics ?? [])];
  return [...new Set(diagnostics.map((d) => d.rule))].sort();
}

function assertNoToken(name, output) {
  for (const token of TOKENS) {
    for (let start = 0; start + 12 <= token.length; start += 1) {
      const part = token.slice(start, start + 12);
      assert.ok(!output.includes(part), `${name}: shows ${part} of a token`);
    }
  }
}

// [name, call, expected rule ids (sorted), bound in ms]
const CASES = [
  // validateRequest / validateResponse: addresses and bodies
  ['an unknown address', () => validateRequest('/api/connector/v1/reservations/getEverything', VALID, OPTIONS), ['demo-token', 'unknown-operation']],
  ['an address with ESC and BEL', () => validateRequest('/api/connector/v1/\u001b[2Jconfiguration/get\u0007', VALID, OPTIONS), ['demo-token', 'unknown-operation']],
  ['a megabyte address', () => validateRequest(`/api/connector/v1/${'a'.repeat(1_000_000)}`, VALID, OPTIONS), ['demo-token', 'unknown-operation']],
  ['an empty address', () => validateRequest('', VALID, OPTIONS), ['demo-token', 'unknown-operation']],
  ['an address in capitals with a trailing slash', () => validateRequest('/API/Connector/V1/Configuration/Get/', VALID, OPTIONS), ['demo-token', 'path-case-mismatch', 'trailing-slash']],
  ['a raw NUL inside a string', () => validateRequest(CONFIGURATION, withMember('"Note": "a\u0000b"'), OPTIONS), ['invalid-json']],
  ['a raw ESC sequence inside the client name', () => validateRequest(CONFIGURATION, VALID.replace(CLIENT, '\u001b[31mBrightkeep 3.2.0'), OPTIONS), ['invalid-json']],
  ['a body nested a hundred thousand deep', () => validateRequest(CONFIGURATION, '['.repeat(100_000), OPTIONS), ['nesting-too-deep']],
  ['two access tokens under one key', () => validateRequest(CONFIGURATION, withMember(`"AccessToken": "${OTHER_TOKEN}"`), OPTIONS), ['demo-token', 'duplicate-key']],
  ['a lone surrogate escape', () => validateRequest(CONFIGURATION, VALID.replace(CLIENT, 'Bright\\ud800keep 3.2.0'), OPTIONS), ['invalid-json']],
  ['a raw lone surrogate in the JS string', () => validateRequest(CONFIGURATION, VALID.replace(CLIENT, 'Bright\ud800keep 3.2.0'), OPTIONS), ['demo-token']],
  ['a top-level array of tokens', () => validateRequest(CONFIGURATION, JSON.stringify([TOKEN, CLIENT_TOKEN]), OPTIONS), ['not-an-object']],
  ['an empty body', () => validateRequest(CONFIGURATION, '', OPTIONS), ['invalid-json']],
  ['a body cut off inside the access token', () => validateRequest(CONFIGURATION, VALID.slice(0, VALID.indexOf(TOKEN) + TOKEN.length), OPTIONS), ['invalid-json']],
  ['an HTML error page as a response', () => validateResponse(CONFIGURATION, '<html>502 Bad Gateway\u001b[2J</html>', OPTIONS), ['invalid-json']],
  // validateInput: pastes
  ['a Windows cmd cURL command with ^" quoting', () => validateInput(
    `curl ^"${URL_}^" ^\n  -H ^"Content-Type: application/json^" ^\n  --data-raw ^"${VALID.replaceAll('{', '^{').replaceAll('}', '^}').replaceAll('"', '^\\^"')}^"`,
    null, OPTIONS), ['demo-token']],
  ['-u user:token', () => validateInput(curl(`-u 'connector:${OTHER_TOKEN}'`, VALID), null, OPTIONS), ['authorization-header', 'demo-token']],
  ['--data-binary @file', () => validateInput(`curl '${URL_}' -H 'Authorization: Bearer ${OTHER_TOKEN}' --data-binary @body.json`, null, OPTIONS), ['authorization-header', 'body-from-file', 'content-type']],
  ['a BOM before a cURL command', () => validateInput(`\ufeff${curl('', VALID)}`, null, OPTIONS), ['demo-token']],
  ['a megabyte header', () => validateInput(http(`X-Padding: ${'p'.repeat(1_000_000)}\r\n`, VALID), null, OPTIONS), ['demo-token']],
  ['two Authorization headers with tokens', () => validateInput(http(`Authorization: Bearer ${OTHER_TOKEN}\r\nAuthorization: Bearer ${TOKEN}\r\n`, VALID), null, OPTIONS), ['authorization-header', 'demo-token']],
  ['a HAR export pasted as a request', () => validateInput(har([harEntry(0)]), null, OPTIONS), ['recorded-session']],
  ['a GET request', () => validateInput(http('', VALID).replace('POST', 'GET'), null, OPTIONS), ['demo-token', 'request-method']],
  ['only terminal escape sequences', () => validateInput('\u001b[2J\u001b]0;pwned\u0007\b\b', null, OPTIONS), ['invalid-json', 'unknown-operation']],
  ['a cURL command cut off inside the token', () => {
    const text = curl('', VALID);
    return validateInput(text.slice(0, text.indexOf(TOKEN) + TOKEN.length), null, OPTIONS);
  }, ['curl-syntax']],
  ['ANSI-C quoting with NUL and ESC escapes', () => validateInput(`curl ${URL_} -H $'Content-Type: application/json\\x00\\e[2J' -d '${VALID}'`, null, OPTIONS), ['content-type', 'demo-token']],
  // validateChecklist
  ['a garbage checklist', () => validateChecklist(`{"client": \u0000\u001b[31m "${OTHER_TOKEN}`, OPTIONS), ['checklist-invalid-json']],
  ['checklist operations that are a string', () => validateChecklist(checklistWith((c) => { c.operations = CONFIGURATION; }), OPTIONS), ['type-mismatch']],
  ['a checklist peak load of 1e308', () => validateChecklist(checklistWith((c) => { c.expectedLoad.peakRequestsPer30s = 1e308; }), OPTIONS), ['checklist-load-above-limit']],
  ['a checklist operation with an escape sequence', () => validateChecklist(checklistWith((c) => { c.operations[0].address = '/api/connector/v1/\u001b[2Jconfiguration/get'; }), OPTIONS), ['checklist-unknown-operation', 'pattern']],
  ['a checklist that is an array', () => validateChecklist(JSON.stringify([TOKEN]), OPTIONS), ['type-mismatch']],
  ['tokens pasted into a checklist', () => validateChecklist(checklistWith((c) => { c.flow = `ClientToken ${CLIENT_TOKEN}, AccessToken ${TOKEN}`; c.webhookUrl = `https://hooks.example/mews?token=${OTHER_TOKEN}`; }), OPTIONS), []],
  // analyzeSession
  ['a HAR status that is a string', () => analyzeSession(harWith((e) => { e.response.status = '429'; }), null, OPTIONS), ['session-entry-unreadable', 'session-no-calls']],
  ['HAR entries that are null', () => analyzeSession('{"log": {"entries": null}}', null, OPTIONS), ['session-no-calls', 'session-unreadable']],
  ['a token in a recorded query string', () => analyzeSession(harWith((e) => { e.request.url = `${URL_}?AccessToken=${OTHER_TOKEN}`; }), null, OPTIONS), ['demo-token']],
  ['tokens in recorded cookies', () => analyzeSession(harWith((e) => {
    e.request.headers = [{ name: 'Cookie', value: `session=${OTHER_TOKEN}` }];
    e.response.headers = [{ name: 'Set-Cookie', value: `session=${OTHER_TOKEN}; HttpOnly` }];
  }), null, OPTIONS), ['demo-token']],
  ['BEL and CR in a recorded URL', () => analyzeSession(harWith((e) => { e.request.url = `${URL_}\u0007\r`; }), null, OPTIONS), ['demo-token', 'unknown-operation']],
  ['a call in the year 9999', () => analyzeSession(`${ndjsonLine(iso(0))}\n${ndjsonLine('9999-12-31T23:59:59Z')}\n`, null, OPTIONS), ['demo-token', 'session-entry-unreadable']],
  ['NUL and binary garbage NDJSON lines', () => analyzeSession(`${ndjsonLine(iso(0))}\n\u0000\u0000\u0001\ufffd\u001b[2J\n`, null, OPTIONS), ['demo-token', 'session-entry-unreadable']],
  ['a hundred thousand HAR entries of other traffic', () => analyzeSession(har(Array.from({ length: 100_000 }, () => ({
    startedDateTime: iso(0), time: 1,
    request: { method: 'GET', url: 'https://app.mews-demo.com/static/app.js' },
    response: { status: 200, headers: [] },
  }))), null, OPTIONS), ['session-no-calls'], 40_000],
  ['a garbage checklist beside a recording', () => analyzeSession(`${ndjsonLine(iso(0))}\n`, `{"client": \u001b[31m "${OTHER_TOKEN}`, OPTIONS), ['checklist-invalid-json', 'demo-token']],
];

test(`${CASES.length} hostile inputs give their exact rules, in bounded time, without a token`, () => {
  const failed = [];
  for (const [name, call, expected, bound = 2_000] of CASES) {
    const started = performance.now();
    const result = call();
    const elapsed = performance.now() - started;
    if (process.env.HOSTILE_TIMES) console.log(`${elapsed.toFixed(1).padStart(10)} ms  ${name}`);
    const rules = rulesOf(result);
    if (JSON.stringify(rules) !== JSON.stringify(expected) || elapsed >= bound) {
      failed.push(`${name}: ${JSON.stringify(rules)} (expected ${JSON.stringify(expected)}), ${elapsed.toFixed(1)} ms (bound ${bound})`);
      continue;
    }
    assertNoToken(name, JSON.stringify(result));
    if ('verdict' in result) assertNoToken(`${name} (markdown)`, renderReadinessMarkdown(result, 'recording.har'));
  }
  assert.deepEqual(failed, []);
});

test('hostile recordings through sessionCalls, sessionCallBody and completions', () => {
  const text = harWith((e) => { e.request.url = `${URL_}?AccessToken=${OTHER_TOKEN}\u001b[2J`; });
  assertNoToken('sessionCalls', JSON.stringify(sessionCalls(text)));
  assert.equal(sessionCallBody(text, 4_000_000), null);
  assert.deepEqual(sessionCalls('\u0000\u001b[2J{"log":'), []);
  // A cursor past the end of a hostile text: completions at the end, no crash.
  assert.ok(Array.isArray(completions(CONFIGURATION, '{"\u0000\ud800', 1_000, 'request').items ?? []));
  assert.equal(detectInput(`\ufeff${curl('', VALID)}`).kind, 'curl');
});

/** [call, expected TypeError message] at the wasm boundary: every export, every argument kind. */
const WRONG_CALLS = [
  [() => validateRequest(CONFIGURATION, new Uint8Array([123, 125])), /^validateRequest: `body` must be a string, found object$/],
  [() => validateRequest(12345, VALID), /^validateRequest: `address` must be a string, found number$/],
  [() => validateResponse(CONFIGURATION, true), /^validateResponse: `body` must be a string, found boolean$/],
  [() => validateInput(() => VALID), /^validateInput: `text` must be a string, found function$/],
  [() => validateInput(VALID, ['/x']), /^validateInput: `address` must be a string, null or undefined, found an array$/],
  [() => validateInput(VALID, null, { date: '2026-02-30' }), /^validateInput: invalid options: /],
  [() => validateChecklist(CHECKLIST, []), /^validateChecklist: `options` must be an object like \{environment, date, rules, limits\}, null or undefined, found an array$/],
  [() => analyzeSession(Buffer.from('{}')), /^analyzeSession: `text` must be a string, found object$/],
  [() => analyzeSession('', null, null, {}), /^analyzeSession: `onProgress` must be a function, null or undefined, found object$/],
  [() => sessionCalls(null), /^sessionCalls: `text` must be a string, found null$/],
  [() => sessionCallBody('', -1), /^sessionCallBody: `call` must be a non-negative integer, found number$/],
  [() => sessionCallBody('', 1.5), /^sessionCallBody: `call` must be a non-negative integer, found number$/],
  [() => sessionCallBody('', Number.NaN), /^sessionCallBody: `call` must be a non-negative integer, found number$/],
  [() => completions(CONFIGURATION, '{}', '2'), /^completions: `cursor` must be a non-negative integer, found string$/],
  [() => completions(CONFIGURATION, '{}', 0, 'body\u001b'), /^completions: invalid `target`/],
  [() => renderReadinessMarkdown([], 'x'), /^renderReadinessMarkdown: `report` must be an object, found an array$/],
  [() => renderReadinessMarkdown({ verdict: 1 }, 'x'), /^renderReadinessMarkdown: `report` is not a readiness report: /],
  [() => detectInput(7), /^detectInput: `text` must be a string, found number$/],
];

test('wrong argument types are TypeErrors, and thousands of them leave the module working', () => {
  for (const [call, message] of WRONG_CALLS) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, `${error}: a TypeError`);
      assert.match(error.message, message);
      return true;
    });
  }
  for (let round = 0; round < 200; round += 1) {
    for (const [call] of WRONG_CALLS) assert.throws(call, TypeError);
  }
  // And after the hostile inputs too: a normal call gives its normal answer.
  for (const [, call] of CASES.slice(0, 15)) call();
  const report = validateRequest(CONFIGURATION, VALID, OPTIONS);
  assert.deepEqual(rulesOf(report), ['demo-token']);
  assert.equal(report.valid, true);
});
