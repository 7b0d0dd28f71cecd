#!/usr/bin/env node
// `make bench`: size of the package's .wasm and the time from module load to first report in Node,
// against Ajv (the usual JS JSON Schema validator) compiling and running the same bundle schema in
// the same run. Ajv only checks the schema; our figure also includes positions, the certification
// rules and building the JS report. Cold figures are medians over fresh processes. Not a test.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ADDRESS = '/api/connector/v1/customers/getAll';
const BODY = JSON.stringify(
  {
    ClientToken: 'E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D',
    AccessToken: 'C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D',
    Client: 'Sample Client 1.0.0',
    CreatedUtc: { StartUtc: '2026-01-01T00:00:00Z', EndUtc: '2026-02-01T00:00:00Z' },
    Extent: { Customers: 'yes' },
    Limitation: { Count: 5000 },
  },
  null,
  2,
);

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

function sizes() {
  for (const target of ['web', 'node']) {
    const wasm = readFileSync(join(repo, 'pkg', target, 'mews_connector_validator_bg.wasm'));
    const gzip = gzipSync(wasm, { level: 9 }).length;
    const brotli = brotliCompressSync(wasm, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: wasm.length },
    }).length;
    console.log(
      `pkg/${target} .wasm: raw ${wasm.length} (${kib(wasm.length)}), gzip -9 ${gzip} (${kib(gzip)}), brotli q11 ${brotli} (${kib(brotli)})`,
    );
  }
}

// Each child measures from before loading the module to the first result, then the average of
// TIMED calls after WARMUP calls (so the JIT has settled).
const LOOP = 'const WARMUP = 300, TIMED = 2000;';
const OURS = `${LOOP}
const started = performance.now();
const validator = require(${JSON.stringify(join(repo, 'pkg', 'node', 'mews_connector_validator.js'))});
const report = validator.validateRequest(${JSON.stringify(ADDRESS)}, ${JSON.stringify(BODY)});
const first = performance.now() - started;
for (let i = 0; i < WARMUP; i += 1) validator.validateRequest(${JSON.stringify(ADDRESS)}, ${JSON.stringify(BODY)});
const warmStart = performance.now();
for (let i = 0; i < TIMED; i += 1) validator.validateRequest(${JSON.stringify(ADDRESS)}, ${JSON.stringify(BODY)});
console.log(JSON.stringify({ first, warm: (performance.now() - warmStart) / TIMED, findings: report.diagnostics.length }));
`;

const AJV = `${LOOP}
const started = performance.now();
const Ajv2020 = require('ajv/dist/2020').default;
const bundle = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(join(repo, 'schemas', 'bundle.json'))}, 'utf8'));
const catalog = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(join(repo, 'schemas', 'catalog.json'))}, 'utf8'));
const operation = catalog.operations.find((op) => op.address === ${JSON.stringify(ADDRESS)});
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
ajv.addSchema(bundle);
const validate = ajv.compile({ $ref: bundle.$id + '#/$defs/' + operation.request.def });
const body = JSON.parse(${JSON.stringify(BODY)});
validate(body);
const first = performance.now() - started;
for (let i = 0; i < WARMUP; i += 1) validate(JSON.parse(${JSON.stringify(BODY)}));
const warmStart = performance.now();
for (let i = 0; i < TIMED; i += 1) validate(JSON.parse(${JSON.stringify(BODY)}));
console.log(JSON.stringify({ first, warm: (performance.now() - warmStart) / TIMED, findings: (validate.errors ?? []).length }));
`;

function measure(name, script) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const output = execFileSync(process.execPath, ['-e', script], { cwd: repo, encoding: 'utf8' });
    runs.push(JSON.parse(output));
  }
  const result = {
    first: median(runs.map((r) => r.first)),
    warm: median(runs.map((r) => r.warm)),
    findings: runs[0].findings,
  };
  console.log(
    `${name}: load to first report ${result.first.toFixed(1)} ms (median of ${RUNS} processes), ` +
      `then ${(result.warm * 1000).toFixed(0)} µs per validation, ${result.findings} findings`,
  );
  return result;
}

sizes();
const ours = measure('mews-connector-validator (wasm)', OURS);
let ajv;
try {
  ajv = measure('Ajv 2020 (same bundle schema, JS)', AJV);
} catch (error) {
  console.log(`Ajv peer skipped: ${error.message.split('\n')[0]}`);
}
if (ajv) {
  console.log(
    `ratios ours/Ajv: first report ${(ours.first / ajv.first).toFixed(2)}×, warm validation ${(ours.warm / ajv.warm).toFixed(2)}×`,
  );
}
