// The engine's findings as @codemirror/lint diagnostics: the exact range (from the engine's 1-based
// line and UTF-16 column), a tooltip with message, rule id and docs link, and each of the finding's
// quick fixes (`fixes: [{title, start, end, replacement}]`, UTF-16 offsets into the checked text)
// as an action that applies the replacement.

/** Offset in `doc` (a CodeMirror Text) of a 1-based line and UTF-16 column, clamped to the text. */
export function offsetAt(doc, line, column) {
  if (line > doc.lines) return doc.length;
  const { from, to } = doc.line(Math.max(line, 1));
  return Math.min(from + Math.max(column - 1, 0), to);
}

/** The editor range of an engine diagnostic. */
export function rangeOf(doc, diagnostic) {
  const from = offsetAt(doc, diagnostic.line, diagnostic.column);
  const to = Math.max(from, offsetAt(doc, diagnostic.endLine, diagnostic.endColumn));
  return { from, to };
}

export function toLintDiagnostics(doc, diagnostics) {
  return diagnostics.map((diagnostic) => {
    const { from, to } = rangeOf(doc, diagnostic);
    return {
      from,
      to,
      severity: diagnostic.severity,
      message: `${diagnostic.message} [${diagnostic.rule}]`,
      renderMessage: () => renderMessage(diagnostic),
      actions: (diagnostic.fixes ?? []).map((fix) => fixAction(fix, from, doc)),
    };
  });
}

/**
 * A fix as a lint action. CodeMirror hands the action the diagnostic's current range, which moves
 * with edits made since the check: the fix moves with it (its offsets are relative to the
 * diagnostic's start when checked). A fix whose text was edited meanwhile is not applied.
 */
function fixAction(fix, checkedFrom, doc) {
  const original = doc.sliceString(fix.start, fix.end);
  return {
    name: fix.title,
    apply(view, from) {
      const shift = from - checkedFrom;
      const start = fix.start + shift;
      const end = fix.end + shift;
      if (start < 0 || end > view.state.doc.length || view.state.sliceDoc(start, end) !== original) return;
      view.dispatch({
        changes: { from: start, to: end, insert: fix.replacement },
        selection: { anchor: start + fix.replacement.length },
        userEvent: 'input.fix',
        scrollIntoView: true,
      });
      view.focus();
    },
  };
}

function renderMessage(diagnostic) {
  const box = document.createElement('div');
  box.className = 'lint-message';
  const message = document.createElement('p');
  message.textContent = diagnostic.message;
  const meta = document.createElement('p');
  meta.className = 'lint-meta';
  const rule = document.createElement('code');
  rule.className = 'lint-rule';
  rule.textContent = diagnostic.rule;
  const docs = document.createElement('a');
  docs.href = diagnostic.docs;
  docs.target = '_blank';
  docs.rel = 'noopener noreferrer';
  docs.textContent = 'Docs';
  docs.title = diagnostic.docs;
  meta.append(rule, ' · ', docs);
  box.append(message, meta);
  return box;
}
