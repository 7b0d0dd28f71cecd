// One fresh process of `make bench`'s cold measurements; prints one JSON line.
//   node bench/child.cjs <ours|ajv> <cold|ready> <docs-examples.json> <date> [address]
// cold:  module load → the first report of ONE operation's docs example (`address`)
// ready: module load → every operation's docs example validated once (ours compiles each
//        validator on its first call; Ajv compiles all 200 schemas, then validates and locates)
// The clocks (wall and this process's CPU time) start after the bodies are read, right before
// the first `require`.

const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const [peer, mode, examplesFile, date, address] = process.argv.slice(2);
const all = JSON.parse(readFileSync(examplesFile, 'utf8'));
const examples = mode === 'cold' ? all.filter((example) => example.address === address) : all;
if (examples.length === 0) throw new Error(`no docs example for ${address}`);

const cpuStart = process.cpuUsage();
const cpuMs = () => {
  const { user, system } = process.cpuUsage(cpuStart);
  return (user + system) / 1000;
};

function ours() {
  const started = performance.now();
  const validator = require(join(__dirname, '..', 'pkg'));
  let errors = 0;
  for (const { address: at, body } of examples) {
    const report = validator.validateRequest(at, body, { date });
    errors += report.diagnostics.filter((d) => d.severity === 'error').length;
  }
  return { total: performance.now() - started, cpu: cpuMs(), errors };
}

function ajv() {
  const started = performance.now();
  const { createAjv, compileSchema, validateAndLocate } = require('./ajv-peer.cjs');
  const instance = createAjv();
  const validators = examples.map(({ schema }) => compileSchema(instance, schema));
  const compiled = performance.now() - started;
  const compiledCpu = cpuMs();
  let errors = 0;
  examples.forEach(({ body }, index) => {
    errors += validateAndLocate(validators[index], body).errors.length;
  });
  return { total: performance.now() - started, cpu: cpuMs(), compiled, compiledCpu, errors };
}

const result = peer === 'ours' ? ours() : ajv();
process.stdout.write(`${JSON.stringify({ ...result, operations: examples.length })}\n`);
