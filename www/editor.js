// The body editor: a textarea with a line-number gutter. Its interface (getText, setText,
// select, mark, onChange) is what app.js relies on, so a CodeMirror editor can replace it.

/** Offset (UTF-16 code units) in `text` of a 1-based line and UTF-16 column, clamped to the text. */
export function offsetOf(text, line, column) {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(column - 1, 0), end);
}

export function createEditor(container, { onChange }) {
  const gutter = document.createElement('pre');
  gutter.className = 'gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.spellcheck = false;
  textarea.wrap = 'off';
  textarea.setAttribute('aria-label', 'Request: JSON body, cURL command, HTTP request or HAR export');
  textarea.placeholder = 'Paste a JSON body, a cURL command, an HTTP request or a HAR export';
  textarea.autocapitalize = 'off';
  container.append(gutter, textarea);

  let lineCount = 0;
  let marks = new Map();

  function renderGutter() {
    const count = textarea.value.split('\n').length;
    if (count === lineCount) return;
    lineCount = count;
    const fragment = document.createDocumentFragment();
    for (let line = 1; line <= count; line += 1) {
      const number = document.createElement('span');
      number.textContent = String(line);
      const severity = marks.get(line);
      if (severity) {
        number.className = `has-${severity}`;
        number.title = `${severity} on line ${line}`;
      }
      fragment.append(number);
    }
    gutter.replaceChildren(fragment);
    gutter.scrollTop = textarea.scrollTop;
  }

  textarea.addEventListener('input', () => {
    renderGutter();
    onChange(textarea.value);
  });
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  // Tab indents instead of leaving the editor.
  textarea.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    textarea.setRangeText('  ', textarea.selectionStart, textarea.selectionEnd, 'end');
    textarea.dispatchEvent(new Event('input'));
  });

  return {
    element: textarea,
    getText: () => textarea.value,
    setText(text) {
      textarea.value = text;
      textarea.scrollTop = 0;
      renderGutter();
      onChange(text);
    },
    /** Selects a diagnostic's range ({line, column, endLine, endColumn}) and scrolls it into view. */
    select({ line, column, endLine, endColumn }) {
      const text = textarea.value;
      const start = offsetOf(text, line, column);
      let end = offsetOf(text, endLine, endColumn);
      // An empty range would be invisible: show at least the character at the position.
      if (end <= start) end = Math.min(start + 1, text.length);
      textarea.focus();
      textarea.setSelectionRange(start, end);
      const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
      const top = (line - 1) * lineHeight;
      if (top < textarea.scrollTop || top > textarea.scrollTop + textarea.clientHeight - 2 * lineHeight) {
        textarea.scrollTop = Math.max(top - textarea.clientHeight / 3, 0);
      }
    },
    /** Marks lines in the gutter with the most severe finding on each ({line, severity}[]). */
    mark(findings) {
      const rank = { info: 1, warning: 2, error: 3 };
      marks = new Map();
      for (const { line, severity } of findings) {
        if ((rank[severity] ?? 0) > (rank[marks.get(line)] ?? 0)) marks.set(line, severity);
      }
      lineCount = -1; // forces a redraw
      renderGutter();
    },
  };
}
