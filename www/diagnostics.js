// Renders a report's diagnostics as a list; each item selects its range in the editor (when
// `onSelect` is given: a session's findings are located in their call's body, not in the editor).

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderDiagnostics(list, report, onSelect) {
  const items = report.diagnostics.map((diagnostic) => {
    const item = element('li', `diagnostic ${diagnostic.severity}`);
    item.dataset.rule = diagnostic.rule;
    item.dataset.line = String(diagnostic.line);
    item.dataset.column = String(diagnostic.column);
    item.append(
      element('span', 'severity', diagnostic.severity),
      element('span', 'where', where(diagnostic)),
      element('span', 'message', diagnostic.message),
    );
    const meta = element('span', 'meta');
    const rule = element('a', 'rule', diagnostic.rule);
    rule.href = diagnostic.docs;
    rule.target = '_blank';
    rule.rel = 'noopener noreferrer';
    rule.title = `Documentation: ${diagnostic.docs}`;
    meta.append(rule);
    if (diagnostic.pointer) meta.append(element('span', 'pointer', diagnostic.pointer));
    item.append(meta);
    if (!onSelect) return item;
    item.tabIndex = 0;
    item.classList.add('selectable');
    const select = (event) => {
      if (event.target.closest('a')) return;
      onSelect(diagnostic);
    };
    item.addEventListener('click', select);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(event);
      }
    });
    return item;
  });
  if (items.length === 0) items.push(element('li', 'empty', 'No findings: this request passes every check.'));
  list.replaceChildren(...items);
}

function where({ call, line, column }) {
  return call === undefined ? `line ${line}:${column}` : `call ${call + 1} · line ${line}:${column}`;
}

/** One-line summary of a report, e.g. "2 errors, 1 warning". */
export function summarize(report) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { severity } of report.diagnostics) counts[severity] += 1;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  if (report.valid) return parts.length ? `Valid · ${parts.join(', ')}` : 'Valid';
  return `Invalid · ${parts.join(', ')}`;
}
