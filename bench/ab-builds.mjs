#!/usr/bin/env node
// Two builds of the engine against each other in one Node process: how a build setting (an
// opt-level, an allocator) or a change moves the time of a call, free of the machine's load,
// which both sides share batch by batch. Each DIR is a wasm-pack `--target web` output.
//
//   node bench/workloads.mjs target/bench          (the bodies, once)
//   node bench/ab-builds.mjs DIR_A DIR_B [BENCH_DIR]
//
// Prints, per workload, the median CPU time per call of each build and B / A.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dirA, dirB, benchDir = 'target/bench'] = process.argv.slice(2);
if (!dirB) {
  console.error('usage: node bench/ab-builds.mjs DIR_A DIR_B [BENCH_DIR]');
  process.exit(2);
}
const BASE = 'mews_connector_validator';
const builds = [];
for (const dir of [dirA, dirB]) {
  // A query string per build: two instances of the same module file stay distinct.
  const url = `${pathToFileURL(resolve(dir, `${BASE}.js`))}?build=${builds.length}`;
  const build = await import(url);
  build.initSync({ module: readFileSync(resolve(dir, `${BASE}_bg.wasm`)) });
  builds.push(build);
}

const manifest = JSON.parse(readFileSync(join(benchDir, 'workloads.json'), 'utf8'));
const body = (name) => {
  const found = manifest.bodies.find((b) => b.name === name);
  return [{ address: found.address, body: readFileSync(join(benchDir, found.file), 'utf8') }];
};
// [workload, requests, calls of each request per batch]
const workloads = [
  ['docs examples (mean per call)', JSON.parse(readFileSync(join(benchDir, manifest.docs), 'utf8')), 5],
  ['small-valid', body('small-valid'), 400],
  ['reservations-5kb-valid', body('reservations-5kb-valid'), 100],
  ['reservations-5kb-invalid', body('reservations-5kb-invalid'), 100],
  ['reservations-100kb-valid', body('reservations-100kb-valid'), 5],
];
const options = { date: manifest.date };
const ROUNDS = 11;
const WARM_UP_ROUNDS = 2;
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

console.log(`A: ${dirA}\nB: ${dirB}\n`);
console.log('| workload | A: CPU µs per call | B: CPU µs per call | B / A |\n| --- | --- | --- | --- |');
for (const [name, requests, repeat] of workloads) {
  const times = builds.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    builds.forEach((build, side) => {
      const start = process.cpuUsage();
      for (let r = 0; r < repeat; r++) {
        for (const { address, body: text } of requests) build.validateRequest(address, text, options);
      }
      const spent = process.cpuUsage(start);
      if (round >= WARM_UP_ROUNDS) times[side].push((spent.user + spent.system) / (repeat * requests.length));
    });
  }
  const [a, b] = times.map(median);
  console.log(`| ${name} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(3)} |`);
}
