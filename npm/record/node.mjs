// The recorder in Node: the nodejs build of the engine, node:crypto, and a file sink.

import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';

import { validateRequest } from '../node/index.mjs';

export const platform = {
  validate: async () => validateRequest,
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  // One synchronous append per call: the recording is complete even if the tests crash, and
  // parallel test processes appending to one file never interleave a line.
  fileSink: (path) => async (line) => appendFileSync(path, line),
};
