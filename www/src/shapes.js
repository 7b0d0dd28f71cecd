// What a text is, by its shape, from its first 64 KB: cheap on any size. Shared by the page
// (which files to review as recordings) and the engine worker (what to check a text as).

const HEAD = 64 * 1024;
const AUTH_KEY = /"(?:ClientToken|AccessToken|Client)"\s*:/;

/** A HAR export: an object whose first member is `log`. */
export function isHar(text) {
  return /^\uFEFF?\s*\{\s*"log"\s*:/.test(text.slice(0, 4096));
}

/** An NDJSON call log: its first line is a whole JSON object with `time` and `address`. */
export function isNdjson(text) {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end < 0 ? text.length : end);
  if (line.length > HEAD) return false;
  try {
    const record = JSON.parse(line);
    return typeof record?.time === 'string' && typeof record?.address === 'string';
  } catch {
    return false;
  }
}

export const isRecording = (text) => isHar(text) || isNdjson(text);

/** A certification checklist: its schema named in `$schema`, or its `integrationKind` and no credentials. */
export function isChecklist(text) {
  const head = text.slice(0, HEAD);
  return (
    /"\$schema"\s*:\s*"[^"]*certification-checklist/.test(head) ||
    (/^\s*\{/.test(head) && /"integrationKind"\s*:/.test(head) && !AUTH_KEY.test(head))
  );
}

/** True when the text's start sends no credentials (ClientToken, AccessToken, Client). */
export const hasNoCredentials = (text) => !AUTH_KEY.test(text.slice(0, HEAD));

/** The first key of a top-level object, as far as the text shows it. */
export function firstKey(text) {
  return /^\s*\{\s*"((?:[^"\\]|\\.)*)"/.exec(text.slice(0, HEAD))?.[1];
}
