#!/usr/bin/env node
// `make bench`: our npm package (its Node build, pkg/) against the peer a JavaScript developer
// would pick, Ajv 8 + json-source-map (bench/ajv-peer.cjs), in ONE Node process, on the
// workloads of bench/workloads.mjs. Prints the figures and rewrites the `make bench` section of
// BENCHMARKS.md. Not a test: it fails only when a workload is not what it claims to be.
//
// Knobs (environment): BENCH_RUNS fresh processes per cold figure (default 11), BENCH_SAMPLES
// timed batches per warm figure (default 11).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bytes, duration, machine, ratio, table, version, writeSection } from './report.mjs';
import { median, quantile, race } from './timing.mjs';
import { DATE, bodyWorkloads, docsExamples, repo, writeWorkloads } from './workloads.mjs';

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 11);
const COLD_ADDRESS = '/api/connector/v1/reservations/add';
const OPTIONS = { date: DATE };

const ours = require(join(repo, 'pkg'));
const peer = require('./ajv-peer.cjs');
const ajv = peer.createAjv();
const collect = () => globalThis.gc?.();

const errorPointers = (report) =>
  report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.pointer);

// ---- checks: each workload is what its name says, for both contenders ------------------------
function check(workload) {
  const validate = peer.compileSchema(ajv, workload.schema);
  const theirs = peer.validateAndLocate(validate, workload.body);
  const mine = errorPointers(ours.validateRequest(workload.address, workload.body, OPTIONS));
  const problems = [];
  if (workload.faults.length === 0) {
    if (!theirs.valid) problems.push(`Ajv finds errors: ${JSON.stringify(theirs.errors)}`);
    if (mine.length) problems.push(`ours finds errors at ${mine.join(', ')}`);
  } else {
    const [badEnum, missing] = workload.faults;
    const parent = missing.slice(0, missing.lastIndexOf('/'));
    if (!theirs.errors.some((e) => e.keyword === 'enum' && e.pointer === badEnum)) problems.push('Ajv misses the enum');
    if (!theirs.errors.some((e) => e.keyword === 'required' && e.pointer === parent)) problems.push('Ajv misses the required');
    for (const fault of workload.faults) {
      if (!mine.includes(fault)) problems.push(`ours has no error at ${fault} (errors at ${mine.join(', ') || 'none'})`);
    }
  }
  if (problems.length) throw new Error(`workload ${workload.name} is not what it claims: ${problems.join('; ')}`);
  return { validate, ajvErrors: theirs.errors.length, ourErrors: mine.length };
}

// ---- 1. the 200 docs examples: per-operation median, then the median over operations ----------
function docs() {
  const perOperation = [];
  let ourInvalid = 0;
  let ajvInvalid = 0;
  for (const example of docsExamples()) {
    const validate = peer.compileSchema(ajv, example.schema);
    if (errorPointers(ours.validateRequest(example.address, example.body, OPTIONS)).length) ourInvalid += 1;
    if (!peer.validateAndLocate(validate, example.body).valid) ajvInvalid += 1;
    const result = race(
      {
        ours: () => ours.validateRequest(example.address, example.body, OPTIONS),
        ajv: () => peer.validateAndLocate(validate, example.body),
      },
      { warmupMs: 20, minWarmup: 20, batchMs: 10, minBatch: 200, samples: 5 },
    );
    perOperation.push({ address: example.address, ours: result.ours, ajv: result.ajv });
  }
  const ratios = perOperation.map((op) => op.ours.ms / op.ajv.ms);
  const over = (who, clock) => median(perOperation.map((op) => op[who][clock]));
  return {
    operations: perOperation.length,
    ours: { ms: over('ours', 'ms'), cpuMs: over('ours', 'cpuMs') },
    ajv: { ms: over('ajv', 'ms'), cpuMs: over('ajv', 'cpuMs') },
    ratioMedian: median(ratios),
    ratioP10: quantile(ratios, 0.1),
    ratioP90: quantile(ratios, 0.9),
    ourInvalid,
    ajvInvalid,
  };
}

// ---- 2. generated reservations/add bodies; and the fixed cost of one call ----------------------
function bodies() {
  const rows = [];
  for (const workload of bodyWorkloads()) {
    const { validate, ajvErrors, ourErrors } = check(workload);
    collect();
    const contenders = {
      ours: () => ours.validateRequest(workload.address, workload.body, OPTIONS),
      ajv: () => peer.validateAndLocate(validate, workload.body),
    };
    if (workload.name === 'small-valid') contenders.parse = () => JSON.parse(workload.body);
    const result = race(contenders, { samples: SAMPLES });
    rows.push({ ...workload, result, ajvErrors, ourErrors, size: Buffer.byteLength(workload.body) });
  }
  return rows;
}

// ---- 3 and 4. fresh processes ----------------------------------------------------------------
function processes(mode, examplesFile) {
  const run = (who) => {
    const args = [join(repo, 'bench', 'child.cjs'), who, mode, examplesFile, DATE, COLD_ADDRESS];
    return JSON.parse(execFileSync(process.execPath, args, { cwd: repo, encoding: 'utf8' }));
  };
  const runs = { ours: [], ajv: [] };
  // Alternated, so a busy spell on the machine slows both.
  for (let i = 0; i < RUNS; i += 1) {
    runs.ours.push(run('ours'));
    runs.ajv.push(run('ajv'));
  }
  const of = (who, field) => median(runs[who].map((r) => r[field]));
  return {
    ours: { ms: of('ours', 'total'), cpuMs: of('ours', 'cpu') },
    ajv: { ms: of('ajv', 'total'), cpuMs: of('ajv', 'cpu') },
    ajvCompiled: { ms: of('ajv', 'compiled'), cpuMs: of('ajv', 'compiledCpu') },
    operations: runs.ours[0].operations,
  };
}

// ---- sizes: our .wasm against Ajv's standalone code of the 200 validators ----------------------
function compressed(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

function sizes() {
  const wasm = compressed(readFileSync(join(repo, 'pkg', 'node', 'mews_connector_validator_bg.wasm')));
  const standaloneCode = require('ajv/dist/standalone').default;
  const generator = peer.createAjv({ code: { source: true } });
  const exports = {};
  for (const example of docsExamples()) {
    const schema = peer.readSchema(example.schema);
    if (!generator.getSchema(schema.$id)) generator.addSchema(schema);
    exports[example.operationId] = schema.$id;
  }
  const standalone = compressed(Buffer.from(standaloneCode(generator, exports)));
  return { wasm, standalone, validators: Object.keys(exports).length };
}

// ---- output -----------------------------------------------------------------------------------
const say = (line) => process.stdout.write(`${line}\n`);

const manifest = writeWorkloads(join(repo, 'target', 'bench'));
const examplesFile = join(repo, 'target', 'bench', manifest.docs);
const info = machine();
const started = performance.now();
say(`make bench: ${info.cpu}, ${info.cores} cores, load ${info.load}, Node ${info.node}, engine ${info.commit}`);
say('docs examples (200 operations)…');
const docsResult = docs();
say('generated reservations/add bodies…');
const bodyRows = bodies();
say(`cold processes (${RUNS} each)…`);
const cold = processes('cold', examplesFile);
say(`all operations ready (${RUNS} processes each)…`);
const ready = processes('ready', examplesFile);
const size = sizes();
const minutes = ((performance.now() - started) / 60000).toFixed(1);

// a, b: { ms, cpuMs } of ours and Ajv.
const row = (label, bytesOf, a, b) => [
  label,
  bytesOf === null ? '' : bytes(bytesOf),
  duration(a.ms),
  duration(b.ms),
  `**${ratio(a.ms, b.ms)}**`,
  duration(a.cpuMs),
  duration(b.cpuMs),
  ratio(a.cpuMs, b.cpuMs),
];
const rows = [
  row(
    `docs examples: median over ${docsResult.operations} operations of each one's median`,
    null,
    docsResult.ours,
    docsResult.ajv,
  ),
  ...bodyRows
    .filter((w) => w.name !== 'small-valid')
    .map((w) => row(`\`${w.name}\``, w.size, w.result.ours, w.result.ajv)),
  row(`cold: module load → first report of \`reservations/add\`'s docs example`, null, cold.ours, cold.ajv),
  row(`all ${ready.operations} operations ready: load, then each docs example once`, null, ready.ours, ready.ajv),
];
const small = bodyRows.find((w) => w.name === 'small-valid');
const smallOf = (name) => small.result[name].ms;
const smallCpu = (name) => small.result[name].cpuMs;

const markdown = `
## Current figures (\`make bench\`)

Run ${info.date} by \`make bench\` (${minutes} min), engine at ${info.commit}.
Machine: ${info.cpu}, ${info.cores} cores (\`nproc\`), load average ${info.load} at the start, Node ${info.node}.
Packages: ours ${version(join(repo, 'pkg'))} (\`pkg/\`, Node build), ajv ${version(join(repo, 'node_modules', 'ajv'))}, ajv-formats ${version(join(repo, 'node_modules', 'ajv-formats'))}, json-source-map ${version(join(repo, 'node_modules', 'json-source-map'))}.
Evaluation date option ${DATE}. Warm figures: median of ${SAMPLES} timed batches after a warm-up
(docs examples: 5 batches of ≥ 200 calls per operation); cold figures: median of ${RUNS} fresh
processes per side. Wall time first; then CPU time of the process (user + system, all threads),
which an oversubscribed machine inflates far less.

${table(['workload', 'bytes', 'ours', 'Ajv + locate', 'ours / Ajv', 'CPU: ours', 'CPU: Ajv', 'CPU ratio'], rows)}

- Docs examples: the per-operation ratio ours / Ajv is ${docsResult.ratioP10.toFixed(1)}× at the 10th and
  ${docsResult.ratioP90.toFixed(1)}× at the 90th percentile (median ${docsResult.ratioMedian.toFixed(1)}×). ${docsResult.ourInvalid} examples get error findings
  from us, ${docsResult.ajvInvalid} get Ajv errors (located with json-source-map).
- Invalid bodies (5 KB/100 KB/1 MB): ours reports ${bodyRows.filter((w) => w.faults.length).map((w) => w.ourErrors).join('/')} errors, Ajv ${bodyRows.filter((w) => w.faults.length).map((w) => w.ajvErrors).join('/')}
  (\`enum\`, \`type\` and \`anyOf\` for the nullable enum, plus \`required\`).
- All operations ready: Ajv's ${duration(ready.ajvCompiled.ms)} (CPU ${duration(ready.ajvCompiled.cpuMs)}) of it is compiling the ${ready.operations} schemas.
- Fixed cost of one call (\`small-valid\`: the three tokens to \`countries/getAll\`, ${small.size} bytes):
  ours ${duration(smallOf('ours'))}, \`JSON.parse\` of the same text ${duration(smallOf('parse'))}
  (${ratio(smallOf('ours'), smallOf('parse'))}), Ajv + locate ${duration(smallOf('ajv'))}; CPU time ${duration(smallCpu('ours'))},
  ${duration(smallCpu('parse'))} and ${duration(smallCpu('ajv'))}.

${table(
  ['code', 'raw', 'gzip -9', 'brotli -q 11'],
  [
    ['ours: `pkg/node/mews_connector_validator_bg.wasm`', bytes(size.wasm.raw), bytes(size.wasm.gzip), bytes(size.wasm.brotli)],
    [
      `Ajv: \`ajv/dist/standalone\` code of the ${size.validators} validators`,
      bytes(size.standalone.raw),
      bytes(size.standalone.gzip),
      bytes(size.standalone.brotli),
    ],
  ],
)}
`;

say(markdown);
writeSection('make bench', markdown);
say('BENCHMARKS.md updated (section "make bench").');
