// Renders the readiness summary of a pasted HAR export (analyzeSession's ReadinessReport):
// verdict, counts, what the recording held, and the per-operation table.

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (count, word, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

export function renderSession(container, report) {
  const verdict = element('p', `verdict ${report.verdict}`, report.verdict === 'ready' ? 'Ready for certification' : 'Not ready for certification');
  const { errors, warnings, infos } = report.counts;
  const counts = element('p', 'counts', `${plural(errors, 'error')} · ${plural(warnings, 'warning')} · ${plural(infos, 'info')}`);
  const { summary } = report;
  const held = [
    `${plural(summary.calls, 'Connector API call')} reviewed of ${plural(summary.entries, 'entry', 'entries')}`,
    summary.ignored ? `${summary.ignored} other entries skipped` : '',
    summary.firstCall ? `from ${summary.firstCall} to ${summary.lastCall}` : '',
    summary.clientNames.length ? `Client ${summary.clientNames.join(', ')}` : '',
  ].filter(Boolean);
  const facts = element('p', 'session-facts', held.join(' · '));

  const table = element('table', 'operations');
  const head = element('tr');
  for (const title of ['Operation', 'Calls', '2xx', 'Failed', 'Findings']) head.append(element('th', '', title));
  table.append(element('thead'));
  table.tHead.append(head);
  const body = element('tbody');
  for (const row of report.operations) {
    const tr = element('tr', row.diagnostics ? 'has-findings' : '');
    const name = element('td', 'operation');
    name.append(element('span', 'name', row.name ?? 'Unknown operation'), element('span', 'address', row.address));
    tr.append(
      name,
      element('td', 'number', String(row.calls)),
      element('td', 'number', String(row.successes)),
      element('td', 'number', String(row.failures)),
      element('td', 'number', String(row.diagnostics)),
    );
    body.append(tr);
  }
  table.append(body);
  container.replaceChildren(verdict, counts, facts, table);
}
