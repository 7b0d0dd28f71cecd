// "Format document": pretty-prints JSON keeping every token as written (numbers such as 1.50 or
// 12345678901234567890, escapes, key order and duplicate keys stay exactly as typed, which
// JSON.parse/stringify would not), and the JSON body inside a pasted cURL command or HTTP request
// in place.

const INDENT = '  ';

/** Thrown when the text (or the body in it) cannot be formatted; `message` says why. */
export class FormatError extends Error {}

/** The JSON text pretty-printed with two-space indentation; throws FormatError when not JSON. */
export function formatJson(text) {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new FormatError(`Not formatted: the JSON is not valid (${error.message}).`);
  }
  const out = [];
  let depth = 0;
  let at = 0;
  const newline = () => `\n${INDENT.repeat(depth)}`;
  while (at < text.length) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      at += 1;
    } else if (c === '"') {
      const end = stringEnd(text, at);
      out.push(text.slice(at, end));
      at = end;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      const next = nextToken(text, at + 1);
      if (text[next] === close) {
        out.push(c + close);
        at = next + 1;
      } else {
        depth += 1;
        out.push(c, newline());
        at += 1;
      }
    } else if (c === '}' || c === ']') {
      depth -= 1;
      out.push(newline(), c);
      at += 1;
    } else if (c === ',') {
      out.push(',', newline());
      at += 1;
    } else if (c === ':') {
      out.push(': ');
      at += 1;
    } else {
      let end = at;
      while (end < text.length && !' \t\n\r,:{}[]"'.includes(text[end])) end += 1;
      out.push(text.slice(at, end));
      at = end;
    }
  }
  return `${out.join('')}\n`;
}

function stringEnd(text, start) {
  let at = start + 1;
  while (at < text.length) {
    if (text[at] === '\\') at += 2;
    else if (text[at] === '"') return at + 1;
    else at += 1;
  }
  return text.length;
}

function nextToken(text, at) {
  while (at < text.length && ' \t\n\r'.includes(text[at])) at += 1;
  return at;
}

/** The options after which a cURL command's next word is the request body. */
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--json']);

/** Words of a shell command with their spans and how they were quoted (as far as one word goes). */
function shellWords(text) {
  const words = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      at += 1;
      continue;
    }
    if (c === '\\' && (text[at + 1] === '\n' || text.startsWith('\r\n', at + 1))) {
      at += text[at + 1] === '\n' ? 2 : 3;
      continue;
    }
    const start = at;
    const parts = [];
    while (at < text.length && !' \t\n\r'.includes(text[at])) {
      const part = shellPart(text, at);
      parts.push(part);
      at = part.end;
    }
    words.push({ start, end: at, parts, value: parts.map((p) => p.value).join('') });
  }
  return words;
}

/** One quoted or bare part of a shell word starting at `at`. */
function shellPart(text, at) {
  if (text[at] === "'") {
    const end = text.indexOf("'", at + 1);
    const close = end < 0 ? text.length : end;
    return { quote: "'", value: text.slice(at + 1, close), end: Math.min(close + 1, text.length) };
  }
  if (text.startsWith("$'", at)) return ansiPart(text, at);
  if (text[at] === '"') {
    let value = '';
    let i = at + 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\' && '"\\$`\n'.includes(text[i + 1] ?? '')) {
        if (text[i + 1] !== '\n') value += text[i + 1];
        i += 2;
      } else {
        value += text[i];
        i += 1;
      }
    }
    return { quote: '"', value, end: Math.min(i + 1, text.length) };
  }
  let value = '';
  let i = at;
  while (i < text.length && !" \t\n\r'\"".includes(text[i]) && !text.startsWith("$'", i)) {
    if (text[i] === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else {
      value += text[i];
      i += 1;
    }
  }
  return { quote: '', value, end: i };
}

const ANSI_ESCAPES = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** A `$'…'` part: ANSI-C escapes decoded (Chromium's "Copy as cURL" writes bodies this way). */
function ansiPart(text, at) {
  let value = '';
  let i = at + 2;
  while (i < text.length && text[i] !== "'") {
    if (text[i] !== '\\') {
      value += text[i];
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? '';
    const hex = { x: 2, u: 4, U: 8 }[next];
    if (hex) {
      const digits = /^[0-9a-fA-F]+/.exec(text.slice(i + 2, i + 2 + hex))?.[0] ?? '';
      if (digits) {
        value += String.fromCodePoint(parseInt(digits, 16));
        i += 2 + digits.length;
        continue;
      }
    }
    value += ANSI_ESCAPES[next] ?? `\\${next}`;
    i += 2;
  }
  return { quote: "$'", value, end: Math.min(i + 1, text.length) };
}

/** `value` as one shell word in the quoting it had ('…' for $'…', which cannot hold newlines readably). */
function quote(value, style) {
  if (style === '"') return `"${value.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** A cURL command with the JSON of its body argument pretty-printed in place. */
export function formatCurl(text) {
  const words = shellWords(text);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    let body;
    let prefix = '';
    if (DATA_OPTIONS.has(word.value)) {
      body = words[i + 1];
    } else {
      const attached = [...DATA_OPTIONS].find((option) => option.startsWith('--') && word.value.startsWith(`${option}=`));
      if (attached) {
        body = word;
        prefix = `${attached}=`;
      }
    }
    if (!body) continue;
    const style = body.parts.find((part) => part.quote)?.quote ?? "'";
    const json = body.value.slice(prefix.length);
    if (!/^\s*[[{]/.test(json)) throw new FormatError('Not formatted: the body of the cURL command is not JSON (a file reference or form data?).');
    const formatted = formatJson(json).trimEnd();
    return text.slice(0, body.start) + prefix + quote(formatted, style) + text.slice(body.end);
  }
  throw new FormatError('Not formatted: the cURL command has no -d / --data body.');
}

/** An HTTP request (REST client syntax) with its JSON body, after the first blank line, pretty-printed. */
export function formatHttp(text) {
  const blank = /\r?\n[ \t]*\r?\n/.exec(text);
  if (!blank) throw new FormatError('Not formatted: the HTTP request has no body (it follows the first blank line).');
  const start = blank.index + blank[0].length;
  return text.slice(0, start) + formatJson(text.slice(start));
}

/** The document formatted as its kind (`data-input-kind`) needs. */
export function formatDocument(text, kind) {
  if (kind === 'curl') return formatCurl(text);
  if (kind === 'http') return formatHttp(text);
  if (kind === 'url') throw new FormatError('Not formatted: a URL alone has nothing to format.');
  if (kind === 'ndjson') {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => JSON.stringify(JSON.parse(line)))
      .join('\n')
      .concat('\n');
  }
  return formatJson(text);
}
