// The findings list: one item per diagnostic (severity, where, message, rule id linking to the
// docs); items carry `data-severity`, `data-rule`, `data-line`, `data-column` (page contract).
// A session's findings are grouped per recorded call.

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One finding; `onSelect(diagnostic)` makes it activatable by click, Enter or Space. */
function item(diagnostic, onSelect) {
  const node = element('li', `diagnostic ${diagnostic.severity}`);
  node.dataset.severity = diagnostic.severity;
  node.dataset.rule = diagnostic.rule;
  node.dataset.line = String(diagnostic.line);
  node.dataset.column = String(diagnostic.column);
  if (diagnostic.call !== undefined) node.dataset.call = String(diagnostic.call);
  node.append(
    element('span', 'severity', diagnostic.severity),
    element('span', 'where', `line ${diagnostic.line}:${diagnostic.column}`),
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
  if (diagnostic.fixes?.length) meta.append(element('span', 'has-fix', `fix: ${diagnostic.fixes[0].title}`));
  node.append(meta);
  if (!onSelect) return node;
  node.tabIndex = 0;
  node.classList.add('selectable');
  const select = (event) => {
    if (event.target.closest('a')) return;
    onSelect(diagnostic, node);
  };
  node.addEventListener('click', select);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(event);
    }
  });
  return node;
}

/** The findings of one checked text. */
export function renderDiagnostics(list, diagnostics, onSelect, emptyText) {
  const items = diagnostics.map((diagnostic) => item(diagnostic, onSelect));
  if (items.length === 0) items.push(element('li', 'empty', emptyText));
  list.replaceChildren(...items);
}

const time = (started) => started?.replace(/^\d{4}-\d{2}-\d{2}T/, '').replace(/(\.\d{3})\d*/, '$1') ?? '';

/**
 * A session's findings grouped per call: the checklist's and the recording-wide ones first, then
 * each call with its time, operation and status. `calls` are the RecordedCall[] of the recording.
 */
export function renderSessionDiagnostics(list, diagnostics, calls, onSelect, checklistFindings = [], checklistName = '') {
  const byCall = new Map();
  for (const diagnostic of diagnostics) {
    const key = diagnostic.call ?? -1;
    if (!byCall.has(key)) byCall.set(key, []);
    byCall.get(key).push(diagnostic);
  }
  const groups = [...byCall.entries()].sort((a, b) => a[0] - b[0]).map(([call, found]) => {
    const group = element('li', 'call-group');
    group.dataset.call = String(call);
    const recorded = calls[call];
    const heading = element('h3', 'call-heading');
    if (call < 0) {
      heading.textContent = 'The whole recording';
    } else {
      const operation = recorded?.address.replace('/api/connector/', '') ?? '';
      const status = recorded ? (recorded.status ? String(recorded.status) : 'no response') : '';
      heading.append(
        element('span', 'call-number', `Call ${call + 1}`),
        element('span', 'call-time', time(recorded?.started ?? found[0].time)),
        element('span', 'call-operation', operation),
        element('span', `call-status${recorded && (recorded.status < 200 || recorded.status >= 300) ? ' failed' : ''}`, status),
      );
    }
    const items = element('ol', 'call-findings');
    items.append(...found.map((diagnostic) => item(diagnostic, onSelect)));
    group.append(heading, items);
    return group;
  });
  if (checklistFindings.length) {
    const group = element('li', 'call-group checklist-group');
    group.dataset.call = 'checklist';
    const items = element('ol', 'call-findings');
    items.append(...checklistFindings.map((diagnostic) => item(diagnostic, onSelect)));
    group.append(element('h3', 'call-heading', `Checklist ${checklistName}`), items);
    groups.unshift(group);
  }
  if (groups.length === 0) groups.push(element('li', 'empty', 'No findings: the recording passes every check.'));
  list.replaceChildren(...groups);
}

/** One-line summary of a report, e.g. "Invalid · 2 errors, 1 warning". */
export function summarize(diagnostics, valid) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { severity } of diagnostics) counts[severity] += 1;
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 ? '' : 's'}`);
  if (valid) return parts.length ? `Valid · ${parts.join(', ')}` : 'Valid';
  return `Invalid · ${parts.join(', ')}`;
}
