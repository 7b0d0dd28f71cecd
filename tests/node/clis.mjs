// The two CLIs the Node tests run: the native binary (cargo) and the npm package's bin (the
// same commands on the wasm engine, as `npx mews-connector-validator` runs them).
//
// The native binary's path comes from MEWS_CLI (the Makefile sets it from `cargo metadata`, so
// CARGO_TARGET_DIR is followed); without it, target/debug. A missing binary fails the test when
// CI is set, and otherwise skips it with a visible line.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The native binary's path, or `null` after skipping `t` (failing it on CI). */
export function nativeCli(t) {
  const path = process.env.MEWS_CLI || join(REPO, 'target', 'debug', 'mews-connector-validator');
  if (existsSync(path)) return path;
  const why = `no native CLI at ${path} (run \`cargo build\`, or set MEWS_CLI to the binary)`;
  if (process.env.CI) assert.fail(`${why}; CI is set, so this is a failure, not a skip`);
  console.error(`SKIPPED: ${why}`);
  t.skip(why);
  return null;
}

/** The installed package's bin, through the `node_modules/.bin` link npm made for it. */
export function npmCli() {
  const manifestPath = createRequire(import.meta.url).resolve('mews-connector-validator/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.bin['mews-connector-validator'], 'bin/cli.mjs');
  const link = join(dirname(dirname(manifestPath)), '.bin', 'mews-connector-validator');
  assert.ok(existsSync(link), `npm linked the bin at ${link}`);
  return link;
}

/** Runs a CLI in the repository: `{ code, stdout, stderr }` (stdout and stderr as text). */
export function run(cli, args, { input, cwd = REPO, env } = {}) {
  const result = spawnSync(cli, args, {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
