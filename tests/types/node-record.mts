// Type-checks the recorders' declarations as a Node ES module consumer sees them (tsc --strict),
// with the real axios types.
import axios from 'axios';
import { recordAxios } from 'mews-connector-validator/axios';
import { MewsValidationError, recordFetch, type RecordOptions, type RecordedRequest } from 'mews-connector-validator/fetch';
import type { Report } from 'mews-connector-validator';

const seen: [Report, RecordedRequest][] = [];
const options: RecordOptions = {
  mode: 'throw',
  record: 'recording.ndjson',
  environment: 'demo',
  date: '2026-11-23',
  rules: { 'client-not-unique': 'off' },
  onReport: (report, request) => seen.push([report, request]),
};
const recorded: typeof fetch = recordFetch(fetch, options);
const response: Response = await recorded('https://api.mews-demo.com/api/connector/v1/configuration/get', { method: 'POST', body: '{}' });
recordFetch(fetch, { record: (line: string) => void line, revealTokens: true });
// @ts-expect-error mode is "warn" or "throw"
recordFetch(fetch, { mode: 'strict' });
// @ts-expect-error record is a path or a function of each line
recordFetch(fetch, { record: 5 });

const eject: () => void = recordAxios(axios.create({ baseURL: 'https://api.mews-demo.com' }), { record: 'axios.ndjson' });
recordAxios(axios);
eject();
// @ts-expect-error an axios instance is needed
recordAxios({});

try {
  await recorded('https://api.mews-demo.com/api/connector/v1/configuration/get', { method: 'POST', body: '{}' });
} catch (error) {
  if (error instanceof MewsValidationError) {
    const errors: number = error.report.diagnostics.filter((d) => d.severity === 'error').length;
    const url: string = error.request.url;
    console.log(errors, url);
  }
}
export { response };
