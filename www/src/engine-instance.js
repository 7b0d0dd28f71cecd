// The page's engine worker, created as soon as the page's first script runs, so the wasm engine
// loads while the rest of the page (CodeMirror) is still being fetched and parsed.

import { createEngine } from './engine.js';

export const engine = createEngine();
