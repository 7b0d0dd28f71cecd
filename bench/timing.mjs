// In-process timing for `make bench`: warm-up until the JIT settles, then batches of calls timed
// in aggregate (small workloads take microseconds), contenders interleaved batch by batch so
// that drift on this shared machine hits them alike. Results are medians of the batches, in wall
// time and in CPU time of the process (user + system, all threads): on a machine whose cores are
// oversubscribed, wall time grows with the queue and CPU time much less.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value at fraction `q` (0…1) of the sorted values. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

// Holds the last result so the engines cannot skip work whose result is unused.
export let sink;

/** Milliseconds of CPU time since `since` (a `process.cpuUsage()`), or the total without it. */
export function cpuMs(since) {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

function timeBatch(fn, calls) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) sink = fn();
  return { wall: (performance.now() - started) / calls, cpu: cpuMs(cpu) / calls };
}

/**
 * Milliseconds per call of each contender (`{ name: () => result }`), wall (`ms`) and CPU
 * (`cpuMs`): the median of `samples`
 * batches. A batch is `minBatch` calls or more, enough to last `batchMs`, estimated from the
 * warm-up (at least `minWarmup` calls and `warmupMs`).
 */
export function race(
  contenders,
  { warmupMs = 200, minWarmup = 5, batchMs = 50, minBatch = 1, samples = 11 } = {},
) {
  const names = Object.keys(contenders);
  const batch = {};
  for (const name of names) {
    const fn = contenders[name];
    const started = performance.now();
    let calls = 0;
    while (calls < minWarmup || performance.now() - started < warmupMs) {
      sink = fn();
      calls += 1;
    }
    const estimate = (performance.now() - started) / calls;
    batch[name] = Math.max(minBatch, Math.ceil(batchMs / Math.max(estimate, 1e-6)));
  }
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let sample = 0; sample < samples; sample += 1) {
    for (const name of names) times[name].push(timeBatch(contenders[name], batch[name]));
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        ms: median(times[name].map((t) => t.wall)),
        cpuMs: median(times[name].map((t) => t.cpu)),
        calls: batch[name] * samples,
      },
    ]),
  );
}
