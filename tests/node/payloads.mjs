// Real payloads shared by the Node tests: the page's sample (a customers/getAll request with
// mistakes) and its expected findings, verified against the native CLI.

import { readFileSync } from 'node:fs';

export const CUSTOMERS_GET_ALL = '/api/connector/v1/customers/getAll';
export const DATE = '2026-11-23';

/** The body the page preloads (www/sample.js), read as text so both stay one payload. */
export function sampleBody() {
  const source = readFileSync(new URL('../../www/sample.js', import.meta.url), 'utf8');
  return source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'));
}

const GUIDE = 'https://docs.mews.com/connector-api/guidelines';

/** The findings of sampleBody() in the demo environment: [rule, severity, pointer, line, column, endLine, endColumn, docs]. */
export const SAMPLE_FINDINGS = [
  ['demo-token', 'info', '/ClientToken', 2, 18, 2, 84, `${GUIDE}/environments#demo-environments`],
  ['demo-token', 'info', '/AccessToken', 3, 18, 3, 84, `${GUIDE}/environments#demo-environments`],
  ['client-not-unique', 'error', '/Client', 4, 13, 4, 34, 'https://docs.mews.com/connector-api/your-journey/private-integration#certification-instructions'],
  ['type-mismatch', 'error', '/Extent/Customers', 10, 18, 10, 23, 'https://docs.mews.com/connector-api/operations/customers#customer-extent'],
  ['limitation-count-range', 'error', '/Limitation/Count', 13, 14, 13, 18, `${GUIDE}/pagination#limitation`],
];

/** A diagnostic reduced to the fields SAMPLE_FINDINGS lists. */
export const located = (d) => [d.rule, d.severity, d.pointer, d.line, d.column, d.endLine, d.endColumn, d.docs];
