// The page's side of the engine worker (www/worker.js): promises for one-off requests, and a
// checker that never queues stale work. While a check runs, newer text only replaces the one
// waiting; when the check answers, the waiting text (if any) is sent, and a result is handed on
// only when it is about the newest text.

export function createEngine(url = new URL('worker.js', document.baseURI)) {
  const pending = new Map();
  let nextId = 0;
  let worker = start();

  function start() {
    const started = new Worker(url, { type: 'module' });
    started.onmessage = ({ data }) => {
      const waiter = pending.get(data.id);
      if (!waiter) return;
      if (data.progress) {
        waiter.onProgress?.(data.progress);
        return;
      }
      pending.delete(data.id);
      if ('error' in data) waiter.reject(new Error(data.error));
      else waiter.resolve(data.result);
      // The worker's engine trapped and the worker closed itself: what it still held fails with
      // the same error, and the next request goes to a new worker.
      if (data.stopped && worker === started) {
        worker = start();
        for (const other of pending.values()) other.reject(new Error(data.error));
        pending.clear();
      }
    };
    started.onerror = (event) => {
      const error = new Error(`the engine worker failed: ${event.message ?? 'unknown error'}`);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    return started;
  }

  function request(type, payload = {}, onProgress) {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, type, ...payload });
    });
  }

  return { request };
}

/**
 * Checks the latest submitted input, one run at a time. `onResult(result, input)` is called only
 * for the newest input; `onProgress` while a session is being read.
 */
export function createChecker(engine, { onResult, onError, onProgress }) {
  let running = false;
  let waiting = null; // the newest input not sent yet
  let latest = 0; // sequence number of the newest input

  async function run(input) {
    running = true;
    try {
      const result = await engine.request('check', input.payload, (progress) => {
        if (input.seq === latest) onProgress?.(progress);
      });
      if (input.seq === latest) onResult(result, input);
    } catch (error) {
      if (input.seq === latest) onError(error, input);
    } finally {
      running = false;
      if (waiting) {
        const next = waiting;
        waiting = null;
        run(next);
      }
    }
  }

  return {
    /**
     * Submits a new input (`payload`: {text, address, mode, options, checklist}; `context`: what
     * the caller needs back with the result); returns its sequence number.
     */
    submit(payload, context) {
      const input = { seq: ++latest, payload, context };
      if (running) waiting = input;
      else run(input);
      return input.seq;
    },
    /** Marks every submitted input as outdated (its result will not be shown). */
    invalidate() {
      latest += 1;
      waiting = null;
    },
    get busy() {
      return running || waiting !== null;
    },
  };
}
