// Checklist and recorded-session review through the npm package, on the repository's real data:
// the example checklists (examples/) and a HAR recorded from Chromium (tests/data/).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { analyzeSession, validateChecklist } from 'mews-connector-validator';

import { nativeCli } from './clis.mjs';
import { DATE } from './payloads.mjs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const PRIVATE_CHECKLIST = read('examples/checklist-private.json');
const HAR = read('tests/data/chromium-mock-session.har');

test('the example checklists are valid; a broken one is located', () => {
  for (const path of ['examples/checklist-private.json', 'examples/checklist-public.json']) {
    const report = validateChecklist(read(path), { date: DATE });
    assert.deepEqual(report.diagnostics, [], path);
    assert.equal(report.valid, true);
  }
  const broken = PRIVATE_CHECKLIST.replace(/\}\s*$/, ',}');
  const report = validateChecklist(broken, { date: DATE });
  assert.equal(report.valid, false);
  const lines = broken.split('\n');
  assert.equal(report.diagnostics.length, 1);
  const [d] = report.diagnostics;
  assert.equal(d.severity, 'error');
  assert.equal(d.line, lines.length - (broken.endsWith('\n') ? 1 : 0));
  assert.equal(lines[d.line - 1][d.column - 1], ',', 'located at the trailing comma');
});

test('a recorded session with its checklist: verdict, table, rate profile, located findings', () => {
  const report = analyzeSession(HAR, PRIVATE_CHECKLIST, { date: DATE });
  assert.equal(report.verdict, 'not-ready');
  assert.equal(report.valid, false);
  assert.deepEqual(
    { format: report.summary.format, entries: report.summary.entries, calls: report.summary.calls, ignored: report.summary.ignored },
    { format: 'har', entries: 5, calls: 4, ignored: 1 },
  );
  assert.equal(report.operations.length, 3);
  assert.deepEqual(
    report.operations.map((row) => [row.address.split('/').slice(-2).join('/'), row.declared, row.calls, row.successes]),
    [
      ['configuration/get', true, 1, 1],
      ['resourceCategories/getAll', false, 1, 0],
      ['resources/getAll', false, 2, 1],
    ],
  );
  assert.deepEqual(
    report.rateProfiles.map(({ accessToken, calls, peak, limit }) => ({ accessToken, calls, peak, limit })),
    [{ accessToken: 'C66E…', calls: 4, peak: 4, limit: 200 }],
  );
  const notDeclared = report.diagnostics.filter((d) => d.rule === 'operation-not-declared');
  // A HAR is one line: the column is the offset of the call's entry in the recording.
  assert.deepEqual(
    notDeclared.map((d) => [d.severity, d.call, d.line, d.column]),
    [
      ['error', 1, 1, 5555],
      ['error', 3, 1, 9998],
    ],
  );
  for (const d of notDeclared) assert.ok(HAR.slice(d.column - 1).startsWith('{"pageref"'), 'at the entry');
  // Operations the checklist lists but the recording never calls successfully: located in the checklist.
  assert.deepEqual(
    report.checklist.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]),
    [
      ['operation-not-tested', 'error', 10, 18],
      ['operation-not-tested', 'error', 11, 18],
      ['operation-not-tested', 'error', 12, 18],
    ],
  );
  const all = [...report.diagnostics, ...report.checklist.diagnostics];
  assert.deepEqual(report.counts, {
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    infos: all.filter((d) => d.severity === 'info').length,
  });
  assert.ok(!JSON.stringify(report).includes('C66EF7B239D2'), 'tokens are masked everywhere');
});

test('progress is reported while reading, up to the whole recording', () => {
  // An NDJSON log of 3,000 calls (about 1 MiB), so progress fires several times.
  const line = JSON.stringify({
    time: '2026-11-20T10:00:00Z',
    address: '/api/connector/v1/configuration/get',
    request: { ClientToken: 'E0D4-ct', AccessToken: 'C66E-at', Client: 'Progress Test 1.0' },
    status: 200,
  });
  const log = Array.from({ length: 3000 }, (_, i) => line.replace('10:00:00', `10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`)).join('\n');
  const seen = [];
  const report = analyzeSession(log, null, { date: DATE }, (progress) => seen.push(progress));
  assert.equal(report.summary.calls, 3000);
  assert.ok(seen.length >= 3, `${seen.length} progress calls`);
  assert.deepEqual(Object.keys(seen[0]).sort(), ['bytes', 'calls', 'totalBytes']);
  for (let i = 1; i < seen.length; i += 1) assert.ok(seen[i].bytes >= seen[i - 1].bytes);
  const last = seen.at(-1);
  assert.equal(last.bytes, last.totalBytes);
  assert.equal(last.calls, 3000);
});

test('an exception in the progress callback reaches the caller', () => {
  assert.throws(
    () =>
      analyzeSession(HAR, null, { date: DATE }, () => {
        throw new RangeError('stop');
      }),
    { name: 'RangeError', message: 'stop' },
  );
});

test('garbage is a report, not an exception', () => {
  for (const text of ['', 'not json', '{"log": {"entries": 5}}', '{}\n[1,2]\n']) {
    const report = analyzeSession(text, 'also not json', { date: DATE });
    assert.equal(report.valid, false, JSON.stringify(text));
    assert.ok(report.diagnostics.length + (report.checklist?.diagnostics.length ?? 0) > 0);
  }
});

test('session and checklist reports equal the native CLI’s', (t) => {
  const cli = nativeCli(t);
  if (!cli) return;
  const run = (args) => {
    try {
      return JSON.parse(execFileSync(cli, [...args, '--date', DATE, '--format', 'json'], { encoding: 'utf8' }));
    } catch (error) {
      return JSON.parse(error.stdout);
    }
  };
  const har = new URL('../../tests/data/chromium-mock-session.har', import.meta.url).pathname;
  const checklist = new URL('../../examples/checklist-private.json', import.meta.url).pathname;
  assert.deepEqual(analyzeSession(HAR, PRIVATE_CHECKLIST, { date: DATE }), run(['session', har, '--checklist', checklist]));
  assert.deepEqual(validateChecklist(PRIVATE_CHECKLIST, { date: DATE }), run(['checklist', checklist]));
});
