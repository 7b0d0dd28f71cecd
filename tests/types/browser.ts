// Type-checks the package's declarations as a browser (or bundler) consumer sees them (tsc --strict).
import init, { validateRequest, type Report } from 'mews-connector-validator';

await init();
const body = document.querySelector('textarea')?.value ?? '{}';
const report: Report = validateRequest('/api/connector/v1/customers/getAll', body, { environment: 'demo' });
const lines: string[] = report.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message} ${d.docs}`);
export { lines };
