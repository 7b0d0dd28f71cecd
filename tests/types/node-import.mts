// Type-checks the package's declarations as a Node ES module consumer sees them (tsc --strict).
import init, {
  analyzeSession,
  completions,
  detectInput,
  sessionCallBody,
  operations,
  rules,
  validateChecklist,
  validateInput,
  validateRequest,
  validateResponse,
  version,
  type CertificationChecklist,
  type Completions,
  type DetectedInput,
  type Diagnostic,
  type InputKind,
  type Operation,
  type Progress,
  type ReadinessReport,
  type RecordedCallBody,
  type Options,
  type Report,
  type RuleInfo,
  type Severity,
} from 'mews-connector-validator';

await init();
const options: Options = { environment: 'production', date: '2026-11-23', rules: { 'invalid-json': 'warning' } };
const report: Report = validateRequest('/api/connector/v1/customers/getAll', '{}', options);
const first: Diagnostic | undefined = report.diagnostics[0];
const severity: Severity | undefined = first?.severity;
const where: string = first ? `${first.line}:${first.column}-${first.endLine}:${first.endColumn} ${first.pointer}` : '';
const operationName: string | null = report.operation ? report.operation.name : null;
const call: number | undefined = first?.call;
const all: Operation[] = operations();
const deprecated: Operation[] = all.filter((operation) => operation.deprecated && operation.discontinued !== null);
const known: RuleInfo[] = rules();
const text: string = version();
validateRequest('/api/connector/v1/customers/getAll', '{}');
// @ts-expect-error environment is "demo" or "production"
validateRequest('/api/connector/v1/customers/getAll', '{}', { environment: 'staging' });
// @ts-expect-error a level is off, info, warning or error
validateRequest('/api/connector/v1/customers/getAll', '{}', { rules: { 'invalid-json': 'fatal' } });
// @ts-expect-error the body is text, not an object
validateRequest('/api/connector/v1/customers/getAll', {});
const response: Report = validateResponse('/api/connector/v1/customers/getAll', '{}', options);
const checklist: Report = validateChecklist('{}');
const seen: Progress[] = [];
const readiness: ReadinessReport = analyzeSession('', null, options, (progress) => seen.push(progress));
const ready: boolean = readiness.verdict === 'ready';
const peaks: number[] = readiness.rateProfiles.map((profile) => profile.peak);
const listed: (boolean | null)[] = readiness.operations.map((row) => row.declared);
const checklistFindings: Diagnostic[] = readiness.checklist?.diagnostics ?? [];
analyzeSession('', '{}');
// @ts-expect-error the progress callback receives a Progress, not a number
analyzeSession('', null, {}, (progress: number) => progress);
const detected: DetectedInput = detectInput("curl 'https://api.mews-demo.com/api/connector/v1/customers/getAll' --json '{}'");
const kind: InputKind = detected.kind;
const pastedAddress: string | null = detected.address;
const pasted: Report = validateInput('curl https://api.mews-demo.com/api/connector/v1/customers/getAll', null, options);
validateInput('{}', '/api/connector/v1/customers/getAll');
validateInput('{}');
// @ts-expect-error the kind is one of the five InputKind values
const wrongKind: DetectedInput = { kind: 'json', address: null };
export { kind, pastedAddress, pasted, wrongKind };
export { response, checklist, ready, peaks, listed, checklistFindings };
export { severity, where, operationName, call, deprecated, known, text };
// The generated shapes are as precise as the schemas: a checklist document, session findings
// without fixes (their offsets would be into a call's body), the checklist's report about no operation.
const draft: CertificationChecklist = {
  integrationKind: 'public',
  partner: { id: 'P-104233', company: 'Brightkeep Hospitality Software Ltd' },
  application: { name: 'Brightkeep Housekeeping', client: 'Brightkeep Housekeeping 3.2.0' },
  purpose: 'Housekeeping scheduling.',
  flow: 'configuration/get, then resources/getAll every 5 minutes.',
  operations: [{ address: '/api/connector/v1/configuration/get', purpose: 'Time zone.' }],
  expectedLoad: { peakRequestsPer30s: 40, properties: 120 },
  webhookUrl: null,
  contact: { name: 'Ana Duarte', email: 'ana.duarte@brightkeep.example' },
};
const checked: Report = validateChecklist(JSON.stringify(draft));
// @ts-expect-error integrationKind is "public" or "private"
const wrongJourney: CertificationChecklist = { ...draft, integrationKind: 'internal' };
// @ts-expect-error session findings carry no fixes
const sessionFixes = readiness.diagnostics[0]?.fixes;
const checklistOperation: null | undefined = readiness.checklist?.operation;
const format: 'har' | 'ndjson' | null = readiness.summary.format;
const help: Completions = completions('/api/connector/v1/customers/getAll', '{"', 2);
const body: RecordedCallBody | null = sessionCallBody('', 0);
export { checked, wrongJourney, sessionFixes, checklistOperation, format, help, body };
