// The readiness review of a recorded session (analyzeSession's ReadinessReport): verdict, what the
// recording held, the per-operation table, one rate chart per AccessToken, and the exports.

import { rateChart } from './chart.js';
import { element } from './diagnostics.js';

const plural = (count, word, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

function button(text, onClick, className = 'secondary') {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/**
 * Renders `session` ({name, size, report, calls, checklist, origin}) into `container`. `actions`:
 * exportJson, exportMarkdown, addChecklist(file), removeChecklist, close.
 */
export function renderSession(container, session, actions) {
  const { report, calls } = session;
  const head = element('div', 'session-head');
  const title = element('p', 'session-name');
  title.append(element('strong', '', session.name), ` · ${formatSize(session.size)}`);
  if (session.checklist) title.append(` · checklist ${session.checklist.name}`);
  const tools = element('div', 'session-tools');
  const checklistInput = element('input');
  checklistInput.type = 'file';
  checklistInput.accept = '.json,application/json';
  checklistInput.hidden = true;
  checklistInput.id = 'checklist-file';
  checklistInput.addEventListener('change', () => {
    const [file] = checklistInput.files;
    if (file) actions.addChecklist(file);
  });
  tools.append(
    checklistInput,
    session.checklist
      ? button('Remove checklist', actions.removeChecklist)
      : button('Add checklist…', () => checklistInput.click()),
    button('Export JSON', actions.exportJson),
    button('Export Markdown', actions.exportMarkdown),
  );
  if (session.origin === 'file') tools.append(button('Close recording', actions.close));
  head.append(title, tools);

  const verdict = element(
    'p',
    `verdict ${report.verdict}`,
    report.verdict === 'ready' ? 'Ready for certification' : 'Not ready for certification',
  );
  verdict.dataset.verdict = report.verdict;
  const { errors, warnings, infos } = report.counts;
  const counts = element('p', 'counts', `${plural(errors, 'error')} · ${plural(warnings, 'warning')} · ${plural(infos, 'info')}`);
  const { summary } = report;
  const held = [
    `${plural(summary.calls, 'Connector API call')} reviewed of ${plural(summary.entries, 'entry', 'entries')}`,
    summary.ignored ? `${plural(summary.ignored, 'other entry', 'other entries')} skipped` : '',
    summary.unreadable ? `${summary.unreadable} unreadable` : '',
    summary.firstCall ? `from ${summary.firstCall} to ${summary.lastCall}` : '',
    summary.clientNames.length ? `Client ${summary.clientNames.join(', ')}` : '',
  ].filter(Boolean);
  const facts = element('p', 'session-facts', held.join(' · '));

  const parts = [head, verdict, counts, facts, operationsTable(report)];
  if (report.rateProfiles.length) {
    const charts = element('div', 'rate-charts');
    charts.append(element('h3', 'section-title', 'Requests per AccessToken in the sliding 30 s window'));
    report.rateProfiles.forEach((profile, index) => {
      charts.append(rateChart(profile, calls.filter((call) => call.profile === index)));
    });
    parts.push(charts);
  }
  container.replaceChildren(...parts);
}

function operationsTable(report) {
  const withChecklist = report.operations.some((row) => row.declared !== null);
  const table = element('table', 'operations');
  table.append(element('caption', '', 'Calls per operation; Findings counts the findings listed below for its calls.'));
  const head = element('tr');
  const titles = ['Operation', ...(withChecklist ? ['Declared'] : []), 'Calls', '2xx', 'Failed', 'Findings'];
  for (const title of titles) {
    const cell = element('th', '', title);
    cell.scope = 'col';
    head.append(cell);
  }
  table.createTHead().append(head);
  const body = element('tbody');
  for (const row of report.operations) {
    const tr = element('tr', row.diagnostics ? 'has-findings' : '');
    tr.dataset.address = row.address;
    const name = element('th', 'operation');
    name.scope = 'row';
    name.append(element('span', 'name', row.name ?? 'Unknown operation'), element('span', 'address', row.address));
    tr.append(name);
    if (withChecklist) tr.append(element('td', row.declared ? 'declared' : 'undeclared', row.declared ? 'yes' : 'no'));
    tr.append(
      element('td', 'number', String(row.calls)),
      element('td', 'number', String(row.successes)),
      element('td', `number${row.failures ? ' failed' : ''}`, String(row.failures)),
      element('td', 'number findings', String(row.diagnostics)),
    );
    body.append(tr);
  }
  if (!report.operations.length) {
    const tr = element('tr');
    const cell = element('td', 'empty', 'No Connector API calls in the recording.');
    cell.colSpan = titles.length;
    tr.append(cell);
    body.append(tr);
  }
  table.append(body);
  return table;
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
