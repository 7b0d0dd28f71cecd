#!/usr/bin/env node
// `make bench-callgrind`: instructions per call of the native engine (release profile) on the
// same workloads as `make bench`, counted by callgrind, which is repeatable on a noisy machine
// where timings are not. Each workload runs under callgrind with N and 2N iterations of
// examples/bench_workloads.rs: the difference is N passes, without process start-up, loading
// or the warm-up pass. Prints the figures and rewrites the `make bench-callgrind` section of
// BENCHMARKS.md.
//
//   node bench/callgrind.mjs [WORKLOAD…]   (default: every workload; needs the example built)

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytes, machine, table, writeSection } from './report.mjs';
import { repo, writeWorkloads } from './workloads.mjs';

const dir = join(repo, 'target', 'bench');
const harness = join(repo, 'target', 'release', 'examples', 'bench_workloads');
if (!existsSync(harness)) {
  throw new Error(`${harness} is missing: cargo build --release --example bench_workloads`);
}

const manifest = writeWorkloads(dir);
const docs = JSON.parse(readFileSync(join(dir, manifest.docs), 'utf8'));
const workloads = [
  { name: 'docs', bytes: null, callsPerPass: docs.length },
  ...manifest.bodies.map((body) => ({ name: body.name, bytes: body.bytes, callsPerPass: 1 })),
];
const wanted = process.argv.slice(2);
const selected = wanted.length ? workloads.filter((w) => wanted.includes(w.name)) : workloads;
if (selected.length === 0) throw new Error(`no such workload: ${wanted.join(', ')}`);

// Passes per run: enough for a clear difference, few enough that 1 MB takes seconds, not minutes.
function iterationsOf({ bytes: size, callsPerPass }) {
  if (callsPerPass > 1) return 2;
  if (size < 1_000) return 100;
  if (size < 10_000) return 20;
  if (size < 200_000) return 4;
  return 1;
}

function instructions(workload, iterations) {
  const out = join(dir, `callgrind.${workload}.${iterations}.out`);
  execFileSync(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${out}`, harness, workload, String(iterations)],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_DIR: dir } },
  );
  const summary = readFileSync(out, 'utf8').match(/^summary:\s*(\d+)/m);
  if (!summary) throw new Error(`no summary line in ${out}`);
  return Number(summary[1]);
}

const say = (line) => process.stdout.write(`${line}\n`);
const info = machine();
const valgrind = execFileSync('valgrind', ['--version'], { encoding: 'utf8' }).trim();
const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
say(`make bench-callgrind: ${valgrind}, ${rustc}, engine ${info.commit}`);

const rows = [];
for (const workload of selected) {
  const n = iterationsOf(workload);
  const once = instructions(workload.name, n);
  const twice = instructions(workload.name, 2 * n);
  const perPass = (twice - once) / n;
  const perCall = perPass / workload.callsPerPass;
  // What the N-iteration run spent besides its N timed passes and the warm-up pass: process
  // start-up, reading the workload, building the catalog and compiling the validators.
  const startup = once - (n + 1) * perPass;
  say(`${workload.name}: ${Math.round(perCall).toLocaleString('en-US')} instructions per call`);
  rows.push([
    workload.name === 'docs' ? `\`docs\` (${workload.callsPerPass} examples, mean per call)` : `\`${workload.name}\``,
    workload.bytes === null ? '' : bytes(workload.bytes),
    `${n} / ${2 * n}`,
    bytes(Math.round(perCall)),
    bytes(Math.round(startup)),
  ]);
}

const markdown = `
## Instruction counts (\`make bench-callgrind\`)

Run ${info.date} by \`make bench-callgrind\`, engine at ${info.commit}: ${valgrind}
(\`--tool=callgrind\`, event Ir), ${rustc}, release profile (the one the .wasm is built with),
\`target/release/examples/bench_workloads\` through \`mews_connector_validator::validate_request\`.
Machine: ${info.cpu}, ${info.cores} cores (counts do not depend on the load). Per call = (Ir with 2N passes − Ir with N passes) / (N ×
calls per pass); start-up + compile = Ir with N passes − (N + 1) passes (the +1 is the warm-up
pass): process start, reading the workload files, building the catalog and compiling the
operation's validator (all 200 for \`docs\`).

${table(['workload', 'bytes', 'passes N / 2N', 'instructions per call', 'start-up + compile instructions'], rows)}
`;

say(markdown);
if (wanted.length === 0) {
  writeSection('make bench-callgrind', markdown);
  say('BENCHMARKS.md updated (section "make bench-callgrind").');
} else {
  say('(a selection of workloads: BENCHMARKS.md left as it is)');
}
