#!/usr/bin/env node
// Peak memory of the release CLI on the hostile inputs of issue 9 (target: at most 4 × the input
// + 64 MB): a body with a million unknown keys, a million wrong-typed array items, a valid
// 100 MB `reservations/add` body, and a ~50 MB body pasted as cURL (POSIX shell and Windows
// `cmd`). Writes the inputs to DIR (default target/bench/memory), runs `/usr/bin/time -v BIN
// request …` on each, prints a table.
//
//   node bench/memory.mjs [BIN] [DIR]       (`make bench-memory`; SCALE=0.1 for a quick run)
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DATE, repo, reservationsBody } from './workloads.mjs';

const [bin = join(repo, 'target/release/mews-connector-validator'), dir = join(repo, 'target/bench/memory')] =
  process.argv.slice(2);
const scale = Number(process.env.SCALE ?? 1);
const count = Math.round(1_000_000 * scale);
const big = Math.round(100_000_000 * scale);
const ADDRESS = '/api/connector/v1/reservations/add';
const TOKENS =
  '"ClientToken": "E0D439EE522F44368DC78E1BFB03710C-D24FB11DBE31D4621C4817E028D9E1D", "AccessToken": "C66EF7B239D24632943D115EDE9CB810-EA00F8FD8294692C940F6B5A8F9453D", "Client": "Brightkeep Bench Bridge 2.1.0"';
const SERVICE = '"ServiceId": "bd26d8db-86da-4f96-9efc-e5a4654a4a94"';

mkdirSync(dir, { recursive: true });
const keys = Array.from({ length: count }, (_, i) => `"k${String(i).padStart(7, '0')}":0`);
const items = Array.from({ length: count }, () => '"1"');
const pasted = reservationsBody(big / 2).body.replaceAll("'", "'\\''");
// Chromium's "Copy as cURL (cmd)" escaping (DevTools' escapeStringWin): `\"` for a quote, then a
// caret before every character cmd.exe could read, a line break as `^` + two; ~1.25-fold.
const cmdQuoted = (text) =>
  `^"${text
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replace(/[^a-zA-Z0-9\s_\-:=+~'\/.,?;()*`]/g, '^$&')
    .replace(/\r?\n/g, '^\n\n')}^"`;
const inputs = [
  [`${count.toLocaleString('en')} unknown keys`, 'unknown.json', `{${TOKENS}, ${SERVICE}, "Reservations": [], ${keys.join(',')}}`, ['--address', ADDRESS]],
  [`${count.toLocaleString('en')} wrong-typed items`, 'items.json', `{${TOKENS}, ${SERVICE}, "Reservations": [${items.join(',')}]}`, ['--address', ADDRESS]],
  [`valid \`reservations/add\` body`, 'valid.json', reservationsBody(big).body, ['--address', ADDRESS]],
  ['body in a cURL paste', 'curl.txt', `curl -X POST 'https://api.mews-demo.com${ADDRESS}' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '${pasted}'\n`, []],
  ['body in a Windows `cmd` cURL paste', 'curl-cmd.txt', `curl ^"https://api.mews-demo.com${ADDRESS}^" ^\n  -H ^"Content-Type: application/json^" ^\n  --data-raw ${cmdQuoted(reservationsBody(big * 0.4).body)}\n`, []],
];

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`${bin}, scale ${scale}\n`);
console.log('| input | bytes | target (4 × input + 64 MB) | max RSS | within | CPU s |\n| --- | --- | --- | --- | --- | --- |');
for (const [name, file, text, args] of inputs) {
  const path = join(dir, file);
  writeFileSync(path, text);
  const bytes = statSync(path).size;
  // Exit 1 is expected (most of these inputs have findings); /usr/bin/time reports on stderr.
  const run = spawnSync('/usr/bin/time', ['-v', bin, 'request', '--date', DATE, '--format', 'json', ...args, path], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const stderr = run.stderr ?? '';
  if (run.status !== 0 && run.status !== 1) throw new Error(`${name}: exit ${run.status}\n${stderr}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) * 1024;
  const cpu = ['User', 'System'].reduce((sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0), 0);
  const target = 4 * bytes + 64e6;
  console.log(`| ${name} | ${bytes.toLocaleString('en')} | ${mb(target)} | ${mb(rss)} | ${rss <= target ? 'yes' : 'no'} | ${cpu.toFixed(2)} |`);
}
