// The npm package as a CommonJS user gets it: `require('mews-connector-validator')`.

const assert = require('node:assert/strict');
const { test } = require('node:test');

const validator = require('mews-connector-validator');

test('require() gives the same validator as import', async () => {
  const { CUSTOMERS_GET_ALL, DATE, SAMPLE_FINDINGS, located, sampleBody } = await import('./payloads.mjs');
  const report = validator.validateRequest(CUSTOMERS_GET_ALL, sampleBody(), { date: DATE });
  assert.deepEqual(report.diagnostics.map(located), SAMPLE_FINDINGS);
  const imported = await import('mews-connector-validator');
  assert.equal(imported.validateRequest, validator.validateRequest, 'one wasm instance per process');
});

test('require() resolves to the Node build, which needs no init()', () => {
  // The guard that restarts the engine after a WebAssembly trap, around the wasm-bindgen build.
  assert.match(require.resolve('mews-connector-validator'), /node_modules\/mews-connector-validator\/node\/index\.cjs$/);
  assert.deepEqual(Object.keys(validator).sort(), [
    'analyzeSession',
    'completions',
    'detectInput',
    'operations',
    'recordingRules',
    'renderReadinessMarkdown',
    'rules',
    'sessionCallBody',
    'sessionCalls',
    'validateChecklist',
    'validateInput',
    'validateRequest',
    'validateResponse',
    'version',
  ]);
  assert.equal(validator.rules().find((rule) => rule.id === 'invalid-json').severity, 'error');
});
