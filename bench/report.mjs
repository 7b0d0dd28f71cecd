// What every benchmark section of BENCHMARKS.md states about its run, and how a section is
// rewritten in place: each command owns the text between its two markers, the rest of the file
// (method, baseline, history) is written by hand and kept.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { repo } from './workloads.mjs';

export const BENCHMARKS = join(repo, 'BENCHMARKS.md');

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line ? line.split(':')[1].trim() : 'unknown';
  } catch {
    return 'unknown';
  }
}

function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    // Only the engine decides our figures: flag uncommitted changes there.
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock'], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} + uncommitted engine changes` : head;
  } catch {
    return 'unknown';
  }
}

export function version(packageDir) {
  const file = join(packageDir, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : 'missing';
}

/** The machine and software lines of a section. */
export function machine() {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cores: availableParallelism(),
    cpu: cpuModel(),
    node: process.version,
    commit: commit(),
    // The machine is shared: a load above the core count means the figures are inflated.
    load: loadavg()[0].toFixed(1),
  };
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` (appends the section when missing). */
export function writeSection(name, markdown) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(BENCHMARKS, next);
}

/** A markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Milliseconds as µs below 1 ms, else ms; three significant digits (whole ms from 100 ms). */
export function duration(ms) {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  return ms < 100 ? `${ms.toPrecision(3)} ms` : `${Math.round(ms)} ms`;
}

export const bytes = (n) => n.toLocaleString('en-US');
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
