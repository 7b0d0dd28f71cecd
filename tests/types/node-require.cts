// Type-checks the package's declarations as a Node CommonJS consumer sees them (tsc --strict).
import validator = require('mews-connector-validator');

const report: validator.Report = validator.validateRequest('/api/connector/v1/customers/getAll', '{}');
const valid: boolean = report.valid;
const ids: string[] = validator.rules().map((rule: validator.RuleInfo) => rule.id);
export { valid, ids };
