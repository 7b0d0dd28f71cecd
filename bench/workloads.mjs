#!/usr/bin/env node
// The benchmark workloads, generated deterministically from the committed catalog: the one
// generator behind both `make bench` (Node, ours against Ajv) and `make bench-callgrind` (the
// native harness examples/bench_workloads.rs reads the files this writes).
//
//   node bench/workloads.mjs [DIR]   writes DIR/workloads.json (manifest) and one file per body
//                                    (default DIR: target/bench)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../', import.meta.url));
export const catalog = JSON.parse(readFileSync(join(repo, 'schemas', 'catalog.json'), 'utf8'));

const RESERVATIONS_ADD = '/api/connector/v1/reservations/add';
// The smallest body an operation accepts (only the three tokens): the fixed cost of one call.
const SMALL_ADDRESS = '/api/connector/v1/countries/getAll';

// The evaluation date of every run (lifecycle rules depend on it), so findings do not drift by day.
export const DATE = '2026-11-23';

const pretty = (value) => JSON.stringify(value, null, 2);

// The docs examples' `Client` is a placeholder the certification rules reject; a partner's body
// names its own integration.
const CLIENT = 'Brightkeep Bench Bridge 2.1.0';

/**
 * Every operation's docs example as a partner would paste it (with their own `Client`):
 * `{ address, operationId, schema, def, body }`.
 */
export function docsExamples() {
  return catalog.operations
    .filter((op) => op.example !== null && op.example !== undefined && op.request)
    .map((op) => ({
      address: op.address,
      operationId: op.operationId,
      schema: op.request.schema,
      def: op.request.def,
      body: pretty('Client' in op.example ? { ...op.example, Client: CLIENT } : op.example),
    }));
}

function operation(address) {
  const op = catalog.operations.find((candidate) => candidate.address === address);
  if (!op?.example) throw new Error(`the catalog has no docs example for ${address}`);
  return op;
}

// A UUID that differs per item but keeps the docs example's length (and so the body's size).
const uuid = (base, index) => `${base.slice(0, 24)}${index.toString(16).padStart(12, '0')}`;

/** The docs example's reservation, varied per index so items are distinct but equally long and valid. */
function reservation(template, index) {
  const item = structuredClone(template);
  item.Identifier = `R${index.toString().padStart(6, '0')}`;
  item.CustomerId = uuid(template.CustomerId, index);
  item.BookerId = uuid(template.BookerId, index);
  item.Notes = `Bench reservation ${index.toString().padStart(6, '0')}`;
  return item;
}

/**
 * A reservations/add body of about `bytes` (its docs example with more reservations). Invalid
 * bodies have exactly two faults in the middle reservation: a `State` outside its enum and the
 * required `RateId` removed.
 */
export function reservationsBody(bytes, { invalid = false } = {}) {
  const op = operation(RESERVATIONS_ADD);
  const [template] = op.example.Reservations;
  const example = { ...op.example, Client: CLIENT };
  const one = pretty({ ...example, Reservations: [template] }).length;
  const two = pretty({ ...example, Reservations: [template, template] }).length;
  const count = Math.max(1, Math.round((bytes - (one - (two - one))) / (two - one)));
  const reservations = Array.from({ length: count }, (_, index) => reservation(template, index));
  const middle = Math.floor(count / 2);
  if (invalid) {
    reservations[middle].State = 'Booked';
    delete reservations[middle].RateId;
  }
  return {
    address: op.address,
    schema: op.request.schema,
    def: op.request.def,
    body: pretty({ ...example, Reservations: reservations }),
    faults: invalid
      ? [`/Reservations/${middle}/State`, `/Reservations/${middle}/RateId`]
      : [],
  };
}

/** The three tokens only, for the operation that needs nothing else. */
export function smallBody() {
  const op = operation(SMALL_ADDRESS);
  const { ClientToken, AccessToken } = op.example;
  return {
    address: op.address,
    schema: op.request.schema,
    def: op.request.def,
    body: pretty({ ClientToken, AccessToken, Client: CLIENT }),
    faults: [],
  };
}

const SIZES = [
  ['5kb', 5_000],
  ['100kb', 100_000],
  ['1mb', 1_000_000],
];

/** The single-body workloads by name, in table order. */
export function bodyWorkloads() {
  const workloads = [];
  for (const [label, bytes] of SIZES) {
    workloads.push({ name: `reservations-${label}-valid`, ...reservationsBody(bytes) });
    workloads.push({ name: `reservations-${label}-invalid`, ...reservationsBody(bytes, { invalid: true }) });
  }
  workloads.push({ name: 'small-valid', ...smallBody() });
  return workloads;
}

/** Writes the workloads for the native harness: the manifest plus one file per body. */
export function writeWorkloads(dir) {
  mkdirSync(dir, { recursive: true });
  const manifest = { date: DATE, docs: 'docs-examples.json', bodies: [] };
  writeFileSync(
    join(dir, manifest.docs),
    `${JSON.stringify(docsExamples().map(({ address, schema, body }) => ({ address, schema, body })))}\n`,
  );
  for (const { name, address, body } of bodyWorkloads()) {
    const file = `${name}.json`;
    writeFileSync(join(dir, file), body);
    manifest.bodies.push({ name, address, file, bytes: Buffer.byteLength(body) });
  }
  writeFileSync(join(dir, 'workloads.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(repo, 'target', 'bench');
  const manifest = writeWorkloads(dir);
  console.log(`wrote ${manifest.bodies.length} bodies and the docs examples to ${dir}`);
}
