// The npm package as a Node ES module user gets it: `import ... from 'mews-connector-validator'`
// (make test installs the packed tarball into node_modules first).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import init, {
  operations,
  rules,
  validateRequest,
  validateResponse,
  version,
} from 'mews-connector-validator';

import { nativeCli } from './clis.mjs';
import { CUSTOMERS_GET_ALL, DATE, SAMPLE_FINDINGS, located, sampleBody } from './payloads.mjs';

const cargoVersion = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8').match(
  /^version = "(.+)"$/m,
)[1];
const catalog = JSON.parse(readFileSync(new URL('../../schemas/catalog.json', import.meta.url), 'utf8'));

/** True when `value` holds only plain objects, arrays and JSON scalars (no Map, no class instance). */
function isPlainJson(value) {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainJson);
}

test('the package is the crate: same version, and init() resolves in Node', async () => {
  assert.equal(version(), cargoVersion);
  await init();
});

test('a customers/getAll body with mistakes gets exactly its findings, located', () => {
  const report = validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE });
  assert.equal(report.valid, false);
  assert.deepEqual(report.operation, {
    address: CUSTOMERS_GET_ALL,
    name: 'Get all customers',
    docs: 'https://docs.mews.com/connector-api/operations/customers#get-all-customers',
  });
  assert.deepEqual(report.diagnostics.map(located), SAMPLE_FINDINGS);
  const messages = report.diagnostics.map((d) => d.message);
  assert.match(messages[0], /^`ClientToken` E0D4… /, 'tokens are masked');
  assert.ok(!messages.some((m) => m.includes('E0D439EE522F')), 'no full token in messages');
  assert.match(messages[3], /"yes".*boolean/);
  assert.match(messages[4], /5000.*1000/);
  assert.ok(isPlainJson(report), 'the report is plain JSON-like objects');
});

test('the same body as a full URL, in production, with rule overrides', () => {
  const report = validateRequest(`https://api.mews-demo.com${CUSTOMERS_GET_ALL}`, sampleBody(), {
    environment: 'production',
    date: DATE,
    rules: { 'client-not-unique': 'off', 'limitation-count-range': 'warning' },
  });
  assert.equal(report.operation.address, CUSTOMERS_GET_ALL);
  assert.deepEqual(
    report.diagnostics.map((d) => [d.rule, d.severity, d.line]),
    [
      ['demo-token-in-production', 'error', 2],
      ['demo-token-in-production', 'error', 3],
      ['type-mismatch', 'error', 10],
      ['limitation-count-range', 'warning', 13],
    ],
  );
});

test('columns count UTF-16 code units, as editors do', () => {
  const report = validateRequest(CUSTOMERS_GET_ALL, '{\n  "ClientToken": "E0D4",\n  "Client": "😀 app",,\n}\n', {
    date: DATE,
  });
  const syntax = report.diagnostics.filter((d) => d.rule === 'invalid-json');
  assert.deepEqual(syntax.map(located), [
    ['invalid-json', 'error', '', 3, 22, 3, 23, 'https://docs.mews.com/connector-api/guidelines/requests'],
  ]);
});

test('an unknown operation and hostile input get diagnostics, never an exception', () => {
  const unknown = validateRequest('/api/connector/v1/customers/getEverything', '{}', { date: DATE });
  assert.equal(unknown.operation, null);
  assert.deepEqual(
    unknown.diagnostics.map((d) => [d.rule, d.pointer]),
    [
      ['unknown-operation', ''],
      ['missing-required', '/AccessToken'],
      ['missing-required', '/Client'],
      ['missing-required', '/ClientToken'],
    ],
  );
  assert.match(unknown.diagnostics[0].message, /did you mean .*\/api\/connector\/v1\/customers\/getAll/);
  for (const body of ['', '[', '{"a":'.repeat(50_000), '['.repeat(100_000) + ']'.repeat(100_000), '\u0000', '"\ud800"']) {
    const report = validateRequest(CUSTOMERS_GET_ALL, body, { date: DATE });
    assert.equal(report.valid, false, `body ${JSON.stringify(body.slice(0, 12))}`);
    assert.ok(report.diagnostics.length > 0);
  }
  // The module instance still works after all that (a wasm panic would have killed it).
  assert.deepEqual(
    validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE }).diagnostics.map(located),
    SAMPLE_FINDINGS,
  );
});

test('malformed options are rejected with a clear error', () => {
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, '{}', { environment: 'staging' }), {
    name: 'TypeError',
    message: /^validateRequest: invalid options: `environment`: unknown variant `staging`, expected `demo` or `production`/,
  });
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, '{}', { rules: { 'invalid-json': 'fatal' } }), {
    message: /^validateRequest: invalid options: `rules`: unknown variant `fatal`/,
  });
  // A misspelt rule id or date is an error, as in the CLI (exit 2), not silently ignored.
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, '{}', { rules: { 'client-not-uniq': 'off' } }), {
    message: /^validateRequest: invalid options: unknown rule id "client-not-uniq"/,
  });
  assert.throws(() => validateRequest(CUSTOMERS_GET_ALL, '{}', { date: '23.11.2026' }), {
    message: /^validateRequest: invalid options: date "23.11.2026" is not a date as YYYY-MM-DD/,
  });
  // Absent and null options mean the defaults, with today's date.
  assert.equal(validateRequest(CUSTOMERS_GET_ALL, sampleBody()).diagnostics.length, SAMPLE_FINDINGS.length);
  assert.equal(validateRequest(CUSTOMERS_GET_ALL, sampleBody(), null).diagnostics.length, SAMPLE_FINDINGS.length);
});

test('the evaluation date defaults to today in wasm (no system clock there)', () => {
  // The catalog's discontinued operations are errors after their date and not before.
  const discontinued = operations().find((op) => op.discontinued && op.example);
  assert.ok(discontinued, 'the catalog has a discontinued operation with an example');
  const body = JSON.stringify(discontinued.example);
  const rulesOn = (options) => validateRequest(discontinued.address, body, options).diagnostics.map((d) => d.rule);
  const dayAfter = new Date(`${discontinued.discontinued}T12:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  assert.ok(!rulesOn({ date: '2020-01-01' }).includes('discontinued-operation'));
  assert.ok(rulesOn({ date: dayAfter.toISOString().slice(0, 10) }).includes('discontinued-operation'));
  const today = new Date();
  const afterToday = today > dayAfter;
  assert.equal(rulesOn(undefined).includes('discontinued-operation'), afterToday);
});

test('operations() is the whole catalog, as plain objects', () => {
  const all = operations();
  assert.equal(all.length, catalog.operations.length);
  assert.ok(all.length >= 200);
  assert.ok(isPlainJson(all));
  const customers = all.find((op) => op.address === CUSTOMERS_GET_ALL);
  assert.equal(customers.name, 'Get all customers');
  assert.equal(customers.request.def, catalog.operations.find((op) => op.address === CUSTOMERS_GET_ALL).request.def);
  assert.equal(customers.example.Limitation.Count, 10);
});

test('every documented example gets a report located inside its text', () => {
  let checked = 0;
  for (const op of operations()) {
    for (const [example, validate] of [
      [op.example, validateRequest],
      [op.responseExample, validateResponse],
    ]) {
      if (!example) continue;
      const text = JSON.stringify(example, null, 2);
      const lines = text.split('\n');
      const report = validate(op.address, text, { date: DATE });
      assert.equal(report.operation?.address, op.address);
      for (const d of report.diagnostics) {
        assert.ok(d.line >= 1 && d.line <= lines.length, `${op.address} ${d.rule} line ${d.line}`);
        assert.ok(d.column >= 1 && d.column <= lines[d.line - 1].length + 1, `${op.address} ${d.rule} column`);
        assert.match(d.docs, /^https:\/\/docs\.mews\.com\/connector-api\//);
      }
      checked += 1;
    }
  }
  assert.ok(checked > 300, `checked ${checked} examples`);
});

test('rules() lists every rule once, with docs', () => {
  const all = rules();
  const ids = all.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['invalid-json', 'unknown-operation', 'type-mismatch', 'limitation-count-range', 'demo-token']) {
    assert.ok(ids.includes(id), id);
  }
  for (const rule of all) {
    assert.ok(['info', 'warning', 'error'].includes(rule.severity), rule.id);
    assert.match(rule.docs, /^https:\/\/docs\.mews\.com\/connector-api\//, rule.id);
  }
});

// The wasm build and the native build are one engine: same input, same report.
test('reports equal the native CLI’s', (t) => {
  const cli = nativeCli(t);
  if (!cli) return;
  const cases = [[CUSTOMERS_GET_ALL, sampleBody()]];
  operations().forEach((op, index) => {
    if (op.example && index % 10 === 0) cases.push([op.address, JSON.stringify(op.example, null, 2)]);
  });
  for (const [address, body] of cases) {
    let output;
    try {
      output = execFileSync(cli, ['request', '--address', address, '--date', DATE, '--format', 'json'], {
        input: body,
        encoding: 'utf8',
      });
    } catch (error) {
      output = error.stdout; // exit code 1: the report has errors
    }
    assert.deepEqual(validateRequest(address, body, { date: DATE }), JSON.parse(output), address);
  }
});
