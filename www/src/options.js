// The options panel: environment, evaluation date and per-rule severity, as the engine's Options
// ({environment, date, rules}). Initial values may come from the URL (?environment=production
// &date=2026-12-01&rules=demo-token:off,client-not-unique:error), so a link pins what it checks.
// Nothing is stored.

import { element } from './diagnostics.js';

const LEVELS = ['off', 'info', 'warning', 'error'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The options the URL asks for, limited to known rules and well-formed values. */
export function optionsFromUrl(params, rules) {
  const known = new Set(rules.map((rule) => rule.id));
  const options = { environment: params.get('environment') === 'production' ? 'production' : 'demo', rules: {} };
  const date = params.get('date');
  if (date && DATE.test(date)) options.date = date;
  for (const entry of (params.get('rules') ?? '').split(',')) {
    const [id, level] = entry.split(':');
    if (known.has(id) && LEVELS.includes(level)) options.rules[id] = level;
  }
  return options;
}

/** Today in local time, as the engine's default evaluation date. */
function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Fills `container` with the option controls; `onChange(options)` after each change. */
export function renderOptions(container, rules, initial, onChange) {
  const options = { ...initial, rules: { ...initial.rules } };
  const emit = () => {
    overrides.textContent = countText();
    onChange({ ...options, rules: { ...options.rules } });
  };

  const environment = element('select');
  environment.id = 'environment';
  for (const [value, label] of [['demo', 'Demo (certification)'], ['production', 'Production']]) {
    const option = element('option', '', label);
    option.value = value;
    environment.append(option);
  }
  environment.value = options.environment;
  environment.addEventListener('change', () => {
    options.environment = environment.value;
    emit();
  });

  const date = element('input');
  date.id = 'evaluation-date';
  date.type = 'date';
  date.value = options.date ?? today();
  date.required = true;
  date.addEventListener('change', () => {
    if (!DATE.test(date.value)) return;
    options.date = date.value;
    emit();
  });

  const fields = element('div', 'option-fields');
  fields.append(labelled('Environment', environment), labelled('Evaluation date', date, 'Deprecations and discontinuations are judged at this date.'));

  const rulesBox = element('details', 'rule-levels');
  const summary = element('summary', '', 'Rule severities ');
  const overrides = element('span', 'overrides');
  const countText = () => {
    const count = Object.keys(options.rules).length;
    return count ? `(${count} changed)` : '';
  };
  overrides.textContent = countText();
  summary.append(overrides);
  const filter = element('input');
  filter.type = 'search';
  filter.id = 'rule-filter';
  filter.placeholder = 'Filter rules';
  filter.setAttribute('aria-label', 'Filter rules');
  const table = element('table', 'rules');
  const body = element('tbody');
  for (const rule of rules) {
    const row = element('tr');
    row.dataset.rule = rule.id;
    const name = element('th', 'rule-id');
    name.scope = 'row';
    name.append(element('code', '', rule.id));
    const summaryCell = element('td', 'rule-summary', rule.summary);
    const select = element('select');
    select.dataset.rule = rule.id;
    select.setAttribute('aria-label', `Severity of ${rule.id}`);
    const byDefault = element('option', '', `default (${rule.severity})`);
    byDefault.value = '';
    select.append(byDefault, ...LEVELS.map((level) => Object.assign(element('option', '', level), { value: level })));
    select.value = options.rules[rule.id] ?? '';
    select.addEventListener('change', () => {
      if (select.value) options.rules[rule.id] = select.value;
      else delete options.rules[rule.id];
      emit();
    });
    const level = element('td', 'rule-level');
    level.append(select);
    row.append(name, summaryCell, level);
    body.append(row);
  }
  table.append(body);
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLowerCase();
    for (const row of body.rows) row.hidden = words !== '' && !row.textContent.toLowerCase().includes(words);
  });
  rulesBox.append(summary, filter, table);
  container.append(fields, rulesBox);
  return options;
}

function labelled(text, control, hint) {
  const label = element('label', 'option');
  label.htmlFor = control.id;
  label.append(element('span', 'option-name', text), control);
  if (hint) label.append(element('span', 'option-hint', hint));
  return label;
}
