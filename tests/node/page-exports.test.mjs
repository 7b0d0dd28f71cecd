// The exports the page's worker uses, through the npm package: schema completion (UTF-16 cursor
// and range), the calls of a recording and one call's body, and the readiness report as Markdown.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  analyzeSession,
  completions,
  recordingRules,
  renderReadinessMarkdown,
  sessionCallBody,
  sessionCalls,
} from 'mews-connector-validator';

import { DATE } from './payloads.mjs';

const HAR = readFileSync(new URL('../../tests/data/chromium-mock-session.har', import.meta.url), 'utf8');

test('completions: missing properties and enum values at a UTF-16 cursor in incomplete text', () => {
  const text = '{"Notes": "😀", "Reservations": [{"State": "Con';
  const found = completions('/api/connector/v1/reservations/add', text, text.length);
  assert.equal(found.context, 'value');
  assert.equal(found.pointer, '/Reservations/0/State');
  assert.equal(text.slice(found.from, found.to), '"Con');
  assert.ok(found.items.some((item) => item.label === 'Confirmed' && item.insert === '"Confirmed"'));

  const keys = completions('/api/connector/v1/customers/getAll', '{"Extent": {"Customers": true, ', 31);
  assert.deepEqual(keys.items.map((item) => [item.label, item.deprecated]), [['Addresses', false], ['Documents', true]]);
  assert.equal(completions('', '{"integrationKind": "', 21, 'checklist').items.map((i) => i.label).join(), 'public,private');
  assert.throws(() => completions('', '{}', 1, 'nonsense'), { name: 'TypeError', message: /^completions: invalid `target` "nonsense"/ });
});

test('sessionCalls and sessionCallBody number the calls as the review does', () => {
  const calls = sessionCalls(HAR);
  assert.deepEqual(
    calls.map((call) => [call.call, call.address, call.status, call.profile]),
    [
      [0, '/api/connector/v1/configuration/get', 200, 0],
      [1, '/api/connector/v1/resources/getAll', 429, 0],
      [2, '/api/connector/v1/resources/getAll', 200, 0],
      [3, '/api/connector/v1/resourceCategories/getAll', 400, 0],
    ],
  );
  assert.equal(calls[0].startedMs, Date.parse('2026-11-23T14:28:24.111Z'));
  const report = analyzeSession(HAR, null, { date: DATE });
  const missing = report.diagnostics.find((d) => d.rule === 'missing-required');
  const { address, body } = sessionCallBody(HAR, missing.call);
  assert.equal(address, '/api/connector/v1/resources/getAll');
  assert.equal(body[missing.column - 1], '{', 'the finding is located in this body');
  assert.equal(sessionCallBody(HAR, 99), null);
  assert.ok(recordingRules().includes('operation-always-failing'));
  assert.ok(!recordingRules().includes('missing-required'));
});

test('renderReadinessMarkdown renders a report from analyzeSession, tokens masked', () => {
  const markdown = renderReadinessMarkdown(analyzeSession(HAR, null, { date: DATE }), 'session.har');
  assert.match(markdown, /^# Certification readiness: `session\.har`/);
  assert.ok(!markdown.includes('C66EF7B239D24632943D115EDE9CB810'));
  assert.throws(() => renderReadinessMarkdown({ verdict: 'maybe' }, 'x'), /not a readiness report/);
});
