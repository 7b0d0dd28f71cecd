// Builds the seed corpora of the fuzz targets into fuzz/corpus/<target>/ (`make fuzz-corpus`):
// the docs examples of schemas/catalog.json, the tests' recordings and checklists, and cURL,
// HTTP, HAR and NDJSON texts made from the examples. Files are named by the SHA-1 of their
// content, as libFuzzer names what it adds, so rerunning adds nothing twice.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'fuzz', 'corpus');
const read = (path) => readFileSync(join(root, path));
const catalog = JSON.parse(read('schemas/catalog.json'));
const host = 'https://api.mews-demo.com';

const seeds = { request: [], input: [], session: [], checklist: [], render: [] };
const add = (target, content) => seeds[target].push(Buffer.from(content));

const examples = catalog.operations
  .map((op, index) => ({ op, index }))
  .filter(({ op }) => op.example !== undefined && op.example !== null);

for (const { op, index } of examples) {
  const pretty = JSON.stringify(op.example, null, 2);
  const minified = JSON.stringify(op.example);
  // request: the first byte picks the operation (its index in the catalog, modulo its length).
  add('request', Buffer.concat([Buffer.from([index % 256]), Buffer.from(pretty)]));
  if (index % 4 === 0) {
    add('request', Buffer.concat([Buffer.from([index % 256]), Buffer.from(pretty.replaceAll('\n', '\r\n'))]));
    add('request', Buffer.concat([Buffer.from([index % 256]), Buffer.from(minified)]));
  }
}

// Pasted inputs of every kind, from a spread of operations.
for (const { op } of examples.filter((_, i) => i % 10 === 0)) {
  const body = JSON.stringify(op.example, null, 2);
  const url = host + op.address;
  for (const target of ['input', 'render']) {
    add(target, body);
    add(target, `curl -X POST '${url}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(op.example)}'`);
    add(target, `curl ${url} -H "Content-Type: application/json" --data-raw "${JSON.stringify(op.example).replaceAll('"', '\\"')}"`);
    add(target, `POST ${url} HTTP/1.1\nContent-Type: application/json\n\n${body}\n`);
    add(target, url);
  }
}

// Recordings: NDJSON and HAR built from examples, with a 429 and its Retry-After, out of order.
const t0 = Date.parse('2026-11-23T10:00:00.000Z');
const iso = (ms) => new Date(ms).toISOString();
const calls = examples.slice(0, 6).map(({ op }, i) => ({ op, ms: t0 + (5 - i) * 700, status: i === 2 ? 429 : 200 }));
const ndjson = calls
  .map(({ op, ms, status }) => JSON.stringify({
    time: iso(ms),
    address: host + op.address,
    request: op.example,
    status,
    responseHeaders: status === 429 ? { 'Retry-After': '2' } : {},
    durationMs: 120.5,
  }))
  .join('\n') + '\n';
add('session', ndjson);
add('session', ndjson.replaceAll('\n', '\r\n'));
const har = {
  log: {
    version: '1.2',
    creator: { name: 'seeds', version: '1' },
    entries: calls.map(({ op, ms, status }) => ({
      startedDateTime: iso(ms),
      time: 120.5,
      request: { method: 'POST', url: host + op.address, headers: [], postData: { mimeType: 'application/json', text: JSON.stringify(op.example) } },
      response: { status, headers: status === 429 ? [{ name: 'Retry-After', value: '2' }] : [] },
    })),
  },
};
add('session', JSON.stringify(har, null, 2));
add('session', JSON.stringify(har));
for (const target of ['input', 'render']) add(target, JSON.stringify(har, null, 2));

// The tests' data and the example checklists (a session seed also gets a checklist after NUL).
const checklists = readdirSync(join(root, 'examples')).filter((name) => name.endsWith('.json'));
for (const name of checklists) {
  const checklist = read(join('examples', name));
  add('checklist', checklist);
  add('session', Buffer.concat([Buffer.from(ndjson), Buffer.from([0]), checklist]));
}
for (const name of readdirSync(join(root, 'tests', 'data'))) {
  const path = join('tests', 'data', name);
  if (name.endsWith('.har')) add('session', read(path));
  else if (name.endsWith('.json')) add('input', read(path));
}
const hostile = join(root, 'tests', 'data', 'hostile');
if (existsSync(hostile)) {
  for (const name of readdirSync(hostile)) {
    const target = name.split('-')[0];
    if (seeds[target]) add(target, readFileSync(join(hostile, name)));
  }
}

for (const [target, files] of Object.entries(seeds)) {
  const folder = join(corpus, target);
  mkdirSync(folder, { recursive: true });
  for (const content of files) {
    writeFileSync(join(folder, createHash('sha1').update(content).digest('hex')), content);
  }
  console.log(`${target}: ${files.length} seeds in fuzz/corpus/${target}/`);
}
