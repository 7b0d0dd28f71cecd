// Type-checks the package's declarations as a browser (or bundler) consumer sees them (tsc --strict).
import init, { validateRequest, type Report } from 'mews-connector-validator';
import { recordFetch } from 'mews-connector-validator/fetch';

await init();
const body = document.querySelector('textarea')?.value ?? '{}';
const report: Report = validateRequest('/api/connector/v1/customers/getAll', body, { environment: 'demo' });
const lines: string[] = report.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message} ${d.docs}`);
// In a browser the recording goes to a function (there is no file to append to).
const recording: string[] = [];
const checkedFetch: typeof fetch = recordFetch(fetch, { record: (line) => void recording.push(line), mode: 'throw' });
export { lines, checkedFetch };
