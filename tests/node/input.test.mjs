// Pasted cURL commands, HTTP requests and HAR exports through the npm package: the page's sample
// body copied as Chromium's devtools copy it, findings located in the pasted text.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { detectInput, validateInput, validateRequest } from 'mews-connector-validator';

import { CUSTOMERS_GET_ALL, DATE, SAMPLE_FINDINGS, sampleBody } from './payloads.mjs';

const URL_ = `https://api.mews-demo.com${CUSTOMERS_GET_ALL}`;

/** Chromium devtools' escapeStringPosix: `$'…'` with \n, \' and \uXXXX when the text needs it. */
function chromiumQuote(text) {
  if (!/[\0-\x1F\x7F-\x9F!]|'/.test(text)) return `'${text}'`;
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[\0-\x1F\x7F-\x9F!]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `$'${escaped}'`;
}

/** 1-based line and UTF-16 column of the first `needle` in `text`. */
function positionOf(text, needle) {
  const before = text.slice(0, text.indexOf(needle));
  const lines = before.split('\n');
  return [lines.length, lines.at(-1).length + 1];
}

test("a body copied as cURL by Chromium's devtools gets the same findings, located in the command", () => {
  const body = sampleBody().replace('Sample Client 1.0.0', "Zoë's 😀 client!");
  const pasted = `curl '${URL_}' \\\n  -H 'content-type: application/json' \\\n  --data-raw ${chromiumQuote(body)}`;
  assert.match(pasted, /\$'\{\\n {2}"ClientToken"/);
  assert.deepEqual(detectInput(pasted), { kind: 'curl', address: URL_ });
  const report = validateInput(pasted, null, { date: DATE });
  const bare = validateRequest(URL_, body, { date: DATE });
  assert.deepEqual(
    report.diagnostics.map((d) => [d.rule, d.pointer, d.message]),
    bare.diagnostics.map((d) => [d.rule, d.pointer, d.message]),
  );
  assert.ok(report.diagnostics.length >= 4);
  const at = (rule) => report.diagnostics.find((d) => d.rule === rule);
  assert.deepEqual([at('type-mismatch').line, at('type-mismatch').column], positionOf(pasted, '"yes"'));
  assert.deepEqual(
    [at('limitation-count-range').line, at('limitation-count-range').column],
    positionOf(pasted, '5000'),
  );
  assert.equal(at('limitation-count-range').line, 3);
});

test('a REST-client request and a URL alone', () => {
  const pasted = `POST ${URL_} HTTP/1.1\nContent-Type: application/json\n\n${sampleBody()}`;
  assert.equal(detectInput(pasted).kind, 'http');
  const report = validateInput(pasted, undefined, { date: DATE });
  assert.deepEqual(
    report.diagnostics.map((d) => [d.rule, d.line, d.column]),
    SAMPLE_FINDINGS.map(([rule, , , line, column]) => [rule, line + 3, column]),
  );
  const alone = validateInput(`${URL_}/`, null, { date: DATE });
  assert.equal(detectInput(`${URL_}/`).kind, 'url');
  assert.deepEqual(alone.diagnostics.map((d) => [d.rule, d.column, d.endColumn]), [
    ['missing-body', 1, URL_.length + 2],
    ['trailing-slash', 1, URL_.length + 2],
  ]);
  assert.equal(alone.operation.address, CUSTOMERS_GET_ALL);
});

test('a bare body uses the address argument; a HAR export is recognised', () => {
  assert.deepEqual(
    validateInput(sampleBody(), CUSTOMERS_GET_ALL, { date: DATE }),
    validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE }),
  );
  const har = readFileSync(new URL('../../tests/data/chromium-mock-session.har', import.meta.url), 'utf8');
  assert.deepEqual(detectInput(har), { kind: 'har', address: null });
  assert.deepEqual(validateInput(har, null, { date: DATE }).diagnostics.map((d) => d.rule), ['recorded-session']);
  assert.throws(() => validateInput('{}', null, { environment: 'staging' }), /invalid options/);
});
