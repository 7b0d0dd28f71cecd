// The package's exports called the wrong way, as a JavaScript caller can: every wrong argument is
// a TypeError naming the function, the argument and the expected type, and the module survives
// thousands of them (a number passed as a string used to be read as a pointer into wasm memory),
// and a WebAssembly trap (out of memory) restarts the engine with a clear Error.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  analyzeSession,
  detectInput,
  validateChecklist,
  validateInput,
  validateRequest,
  validateResponse,
} from 'mews-connector-validator';

import { CUSTOMERS_GET_ALL, DATE, SAMPLE_FINDINGS, located, sampleBody } from './payloads.mjs';

/** [call, expected message] for every export and argument. */
const WRONG_CALLS = [
  [() => validateRequest(CUSTOMERS_GET_ALL, 7), /^validateRequest: `body` must be a string, found number$/],
  [() => validateRequest(null, '{}'), /^validateRequest: `address` must be a string, found null$/],
  [() => validateRequest(), /^validateRequest: `address` must be a string, found undefined$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, { ClientToken: 'x' }), /^validateRequest: `body` must be a string, found object$/],
  [() => validateResponse(CUSTOMERS_GET_ALL, ['{}']), /^validateResponse: `body` must be a string, found an array$/],
  [() => validateInput(5n), /^validateInput: `text` must be a string, found bigint$/],
  [() => validateInput('{}', 42), /^validateInput: `address` must be a string, null or undefined, found number$/],
  [() => detectInput(Symbol('x')), /^detectInput: `text` must be a string, found symbol$/],
  [() => validateChecklist(undefined), /^validateChecklist: `text` must be a string, found undefined$/],
  [() => analyzeSession('', 3), /^analyzeSession: `checklist` must be a string, null or undefined, found number$/],
  [() => analyzeSession('', null, null, 'progress'), /^analyzeSession: `onProgress` must be a function, null or undefined, found string$/],
  // Options: the object itself, each key, and keys that do not exist.
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', 5n), /^validateRequest: `options` must be an object like \{environment, date, rules, limits\}, null or undefined, found bigint$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', 'production'), /found string$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { environmnet: 'production' }), /^validateRequest: invalid options: unknown key `environmnet`, expected one of `environment`, `date`, `rules`, `limits`$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { environment: 'f' }), /^validateRequest: invalid options: `environment`: unknown variant `f`, expected `demo` or `production`$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { date: 20261123 }), /^validateRequest: invalid options: `date`: invalid type: /],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { rules: ['demo-token'] }), /^validateRequest: invalid options: `rules`: invalid type: /],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { limits: { maxDepth: 500 } }), /^validateRequest: invalid options: limits\.maxDepth is 500; expected 1 to 127$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { limits: { maxBytes: 1 } }), /^validateRequest: invalid options: unknown key `limits\.maxBytes`, expected one of `maxInputBytes`, `maxDepth`, `maxDiagnostics`$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { limits: 5 }), /^validateRequest: invalid options: `limits` must be an object like \{maxInputBytes, maxDepth, maxDiagnostics\}, found a number$/],
  [() => validateRequest(CUSTOMERS_GET_ALL, '{}', { limits: { maxDepth: 'deep' } }), /^validateRequest: invalid options: `limits\.maxDepth`: invalid type: string "deep", expected a non-negative integer$/],
  [() => validateChecklist('{}', { rules: { 'demo-token': 'loud' } }), /^validateChecklist: invalid options: `rules`: unknown variant `loud`/],
];

test('every wrong argument is a TypeError naming the function, the argument and the expected type', () => {
  for (const [call, message] of WRONG_CALLS) {
    assert.throws(call, (error) => {
      assert.ok(error instanceof TypeError, `${error}: a TypeError`);
      assert.match(error.message, message);
      return true;
    });
  }
});

test('thousands of wrong calls in one process leave the module working', () => {
  for (let round = 0; round < 300; round += 1) {
    for (const [call] of WRONG_CALLS) assert.throws(call, TypeError);
  }
  assert.deepEqual(
    validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE }).diagnostics.map(located),
    SAMPLE_FINDINGS,
  );
});

test('a callback that throws is rethrown after the review, and the module keeps working', () => {
  const har = readFileSync(new URL('../data/chromium-mock-session.har', import.meta.url), 'utf8');
  assert.throws(() => analyzeSession(har, null, { date: DATE }, () => { throw new RangeError('from the callback'); }), RangeError);
  assert.equal(validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE }).diagnostics.length, SAMPLE_FINDINGS.length);
});

test('running out of memory is a clear Error, the engine restarts, and the next call works', () => {
  // 80 million array items: their parsed values need more than wasm32's 4 GiB of memory (the
  // 160 MB body is over the default input limit, which the call raises).
  const body = `[${'0,'.repeat(80_000_000)}0]`;
  const options = { date: DATE, limits: { maxInputBytes: 200_000_000 } };
  assert.throws(
    () => validateRequest(CUSTOMERS_GET_ALL, body, options),
    (error) => {
      assert.ok(error instanceof Error && !(error instanceof WebAssembly.RuntimeError), `${error}`);
      assert.match(error.message, /^validateRequest: the engine stopped \(.+\): it ran out of memory, or hit an internal error\. It was restarted, so later calls work/);
      assert.ok(error.cause instanceof WebAssembly.RuntimeError);
      return true;
    },
  );
  assert.deepEqual(
    validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE }).diagnostics.map(located),
    SAMPLE_FINDINGS,
  );
});

test('options read on the fast path ({environment, date}) mean what the checked path reads', () => {
  const body = sampleBody();
  const rules = (options) => validateRequest(CUSTOMERS_GET_ALL, body, options).diagnostics.map((d) => [d.rule, d.severity]);
  // `rules` and `limits` take the key-by-key path; the same values must give the same report.
  const checked = { date: DATE, environment: 'production', rules: {}, limits: {} };
  assert.deepEqual(rules({ date: DATE, environment: 'production' }), rules(checked));
  const demoTokens = rules({ environment: 'production', date: DATE }).filter(([rule]) => rule.startsWith('demo-token'));
  assert.deepEqual(demoTokens, [['demo-token-in-production', 'error'], ['demo-token-in-production', 'error']]);
  assert.deepEqual(rules({ date: DATE, environment: 'demo' }), rules({ date: DATE, rules: {} }));
  // No date (null or undefined) is today, as no options at all.
  assert.deepEqual(rules({ date: null }), rules(undefined));
  assert.deepEqual(rules({ date: undefined, environment: 'demo' }), rules({}));
  // A wrong value on the fast path's keys is still blamed on its key.
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, body, { environment: 'Production', date: DATE }), { name: 'TypeError', message: /^validateRequest: invalid options: `environment`: unknown variant `Production`/ });
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, body, { environment: null }), { name: 'TypeError', message: /^validateRequest: invalid options: `environment`: invalid type: / });
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, body, { date: '2026-13-01' }), { name: 'TypeError', message: /^validateRequest: invalid options: date "2026-13-01" is not a date as YYYY-MM-DD/ });
});
