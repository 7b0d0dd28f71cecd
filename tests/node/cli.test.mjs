// `npx mews-connector-validator` and the native binary are one program: every case runs through
// both and must give the same exit code, stdout and stderr, byte for byte.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { nativeCli, npmCli, run } from './clis.mjs';
import { CUSTOMERS_GET_ALL, DATE, sampleBody } from './payloads.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mcv-cli-'));
const file = (name, contents) => {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
};
const body = file('body.json', sampleBody());
const curl = file(
  'call.sh',
  `curl -X POST 'https://api.mews-demo.com${CUSTOMERS_GET_ALL}' -H 'Content-Type: application/json' -d '${sampleBody().replaceAll("'", '')}'\n`,
);
const brokenChecklist = file(
  'broken checklist.json',
  readFileSync('examples/checklist-private.json', 'utf8').replace(/\}\s*$/, ',}'),
);
const notUtf8 = file('latin1.json', Buffer.from('{"Client": "Caf\xe9"}', 'latin1'));
const HAR = 'tests/data/chromium-mock-session.har';
// The upstream contract and docs (beside the repository in CI): `diff` reads a docs folder too.
const API = '../shared/mews-connector-api';
const OPENAPI = `${API}/openapi/openapi.yaml`;
if (!existsSync(OPENAPI) && process.env.CI) throw new Error(`${OPENAPI} is missing: the diff cases need it in CI`);
const DIFF_CASES = existsSync(OPENAPI)
  ? [
      ['diff, same contract, with docs', ['diff', OPENAPI, OPENAPI, '--docs', API, '--old-docs', API, '--format', 'json']],
      ['diff, missing docs folder', ['diff', OPENAPI, OPENAPI, '--docs', 'no/such/docs']],
    ]
  : (console.log(`# skipped: the diff cases (${OPENAPI} is missing)`), []);

/** [name, args, stdin?]: every command, format and failure the CLI has. */
const CASES = [
  ['request text', ['request', '--address', CUSTOMERS_GET_ALL, body, '--date', DATE]],
  ...['json', 'sarif', 'github'].map((format) => [
    `request ${format}`,
    ['request', '--address', CUSTOMERS_GET_ALL, body, '--date', DATE, '--format', format],
  ]),
  ['request from stdin, github', ['request', '--address', CUSTOMERS_GET_ALL, '--format', 'github', '--date', DATE], sampleBody()],
  ['request from stdin (-), production, overrides', ['request', '--address', `https://api.mews-demo.com${CUSTOMERS_GET_ALL}`, '-', '--environment', 'production', '--allow', 'client-not-unique', '--deny', 'demo-token', '--date', DATE], sampleBody()],
  ['request as a cURL command', ['request', curl, '--date', DATE]],
  ['request, default date (today, UTC)', ['request', '--address', '/api/connector/v1/accountNotes/getAll', '--format', 'json'], '{}'],
  ['response', ['response', '--address', CUSTOMERS_GET_ALL, '--date', DATE], '{"Customers": [], "Cursor": 5}'],
  ['request, invalid UTF-8', ['request', '--address', CUSTOMERS_GET_ALL, notUtf8, '--date', DATE]],
  ['checklist text', ['checklist', 'examples/checklist-private.json', '--date', DATE]],
  ...['json', 'markdown', 'sarif', 'github'].map((format) => [
    `broken checklist ${format}`,
    ['checklist', brokenChecklist, '--date', DATE, '--format', format],
  ]),
  ...['text', 'json', 'markdown', 'github', 'junit'].map((format) => [
    `session ${format}`,
    ['session', HAR, '--checklist', 'examples/checklist-public.json', '--date', DATE, '--format', format],
  ]),
  ['session from stdin', ['session', '--date', DATE], readFileSync(HAR, 'utf8')],
  ['operations', ['operations']],
  ['operations json', ['operations', '--format', 'json']],
  ...['text', 'json', 'markdown'].map((format) => [`rules ${format}`, ['rules', '--format', format]]),
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['session --help', ['session', '--help']],
  ['diff --help', ['diff', '--help']],
  ...DIFF_CASES,
  // Usage and I/O errors: exit 2, a message on stderr.
  ['no command', []],
  ['unknown command', ['lint']],
  ['format the command lacks', ['request', '--address', CUSTOMERS_GET_ALL, body, '--format', 'junit']],
  ['unknown rule', ['request', '--deny', 'no-such-rule', body]],
  ['bad date', ['checklist', 'examples/checklist-private.json', '--date', '2026-13-01']],
  ['bare body without address', ['request', body]],
  ['missing file', ['checklist', 'no/such/file.json']],
  ['a directory', ['session', 'tests']],
  ['missing checklist', ['session', HAR, '--checklist', 'missing.json']],
  ['session, invalid UTF-8', ['session', notUtf8]],
];

test('every command gives the same exit code, stdout and stderr through npx and natively', (t) => {
  const native = nativeCli(t);
  if (!native) return;
  const npx = npmCli();
  const codes = new Set();
  for (const [name, args, input] of CASES) {
    const expected = run(native, args, { input: input ?? '' });
    const actual = run(npx, args, { input: input ?? '' });
    assert.deepEqual(actual, expected, `${name}: mews-connector-validator ${args.join(' ')}`);
    codes.add(expected.code);
    if (expected.code === 2) assert.ok(expected.stdout === '' && expected.stderr !== '', `${name}: a usage error says why on stderr`);
  }
  assert.deepEqual([...codes].sort(), [0, 1, 2], 'the cases cover every exit code');
});

test('a reader that goes away (`| head`) ends the output quietly, with the exit code', async (t) => {
  const native = nativeCli(t);
  if (!native) return;
  for (const cli of [native, npmCli()]) {
    const shell = spawnSync('bash', ['-c', `set -o pipefail; "${cli}" operations --format json | head -c 20 >/dev/null; echo "\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    assert.equal(shell.stderr, '0\n', cli);
    // And with the reader closing early while the CLI still writes:
    const child = spawn(cli, ['operations', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, cli);
    assert.equal(stderr, '', cli);
  }
});

test('on a terminal, both draw the progress bar of a session review', (t) => {
  const native = nativeCli(t);
  if (!native) return;
  const outputs = [native, npmCli()].map((cli) => {
    // `script` runs the command on a pseudo-terminal (stdout and stderr both go to it).
    const result = spawnSync('script', ['-qec', `"${cli}" session ${HAR} --date ${DATE}`, '/dev/null'], { encoding: 'utf8' });
    return result.stdout;
  });
  for (const output of outputs) {
    assert.match(output, /\r\[#{30}\] 100%  0\.0\/0\.0 MB  4 calls/);
    assert.match(output, /calls \(5 entries, 1 ignored, 0 unreadable\), 3 operations/);
  }
  assert.equal(outputs[1], outputs[0]);
});
