// The peer a JavaScript developer would pick to check Connector API bodies with locations: Ajv 8
// (draft 2020-12, allErrors, ajv-formats) on the committed per-operation schemas, and
// json-source-map to turn each error's instancePath into a line and column of the text.
// CommonJS so the cold-process children measure its `require` like any Node user's.

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const jsonMap = require('json-source-map');

const schemas = join(__dirname, '..', 'schemas');

// OpenAPI formats that neither Ajv nor ajv-formats define (jsonschema, our engine's validator,
// ignores them too): accepted as annotations instead of failing the compile.
const ANNOTATION_FORMATS = ['int32', 'int64', 'double', 'float', 'currency', 'postal-code', 'tel'];

/** An Ajv instance configured like ours validates: every error, formats asserted. */
function createAjv(options = {}) {
  // strict: false accepts the schemas' `x-…` annotations (x-schema-id, x-enumNames, …).
  const ajv = new Ajv2020({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  for (const format of ANNOTATION_FORMATS) ajv.addFormat(format, true);
  return ajv;
}

/** The committed request schema of an operation (`schema` as in the catalog: `requests/….schema.json`). */
function readSchema(schema) {
  return JSON.parse(readFileSync(join(schemas, schema), 'utf8'));
}

/** The validator of a committed request schema, compiled once per Ajv instance. */
function compileSchema(ajv, schema) {
  const parsed = readSchema(schema);
  return ajv.getSchema(parsed.$id) ?? ajv.compile(parsed);
}

/** What a developer runs per body: parse, validate, and locate every error when there are any. */
function validateAndLocate(validate, text) {
  const valid = validate(JSON.parse(text));
  if (valid) return { valid, errors: [] };
  const { pointers } = jsonMap.parse(text);
  const errors = validate.errors.map((error) => {
    const at = pointers[error.instancePath];
    return {
      keyword: error.keyword,
      pointer: error.instancePath,
      line: at ? at.value.line + 1 : null,
      column: at ? at.value.column + 1 : null,
    };
  });
  return { valid, errors };
}

module.exports = { createAjv, readSchema, compileSchema, validateAndLocate };
