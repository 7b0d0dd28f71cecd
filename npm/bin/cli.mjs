#!/usr/bin/env node
// `npx mews-connector-validator …`: the native CLI's commands, flags, output and exit codes, run
// on the engine compiled to wasm with the CLI (../cli/, built with the `cli` feature). This file
// only gives it Node's files and standard streams.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const { runCli } = createRequire(import.meta.url)('../cli/mews_connector_validator.js');

/**
 * Writes that stop once the reader went away (`… | head`) without a word, as the native CLI
 * does; another failure on stdout is reported on stderr (failures on stderr cannot be).
 */
function writer(stream) {
  let closed = false;
  stream.on('error', (error) => {
    closed = true;
    if (error.code !== 'EPIPE' && stream === process.stdout) {
      process.stderr.write(`error: cannot write the output: ${error.message}\n`);
    }
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

function readStdin() {
  try {
    return readFileSync(0);
  } catch (error) {
    // A non-blocking stdin (some shells and CI runners) cannot be read through fd 0 in one go.
    if (error.code === 'EAGAIN') return readFileSync('/dev/stdin');
    throw error;
  }
}

const io = {
  readFile: (path) => readFileSync(path),
  listDir: (path) => readdirSync(path),
  readStdin,
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  stderrIsTerminal: () => process.stderr.isTTY === true,
  today: () => new Date().toISOString().slice(0, 10),
};

process.exitCode = runCli(process.argv.slice(2), io);
