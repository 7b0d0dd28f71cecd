// The call rate of one AccessToken as an SVG chart: requests in the sliding 30 s window over time
// (computed exactly from the recorded call times, the way the engine counts them: a call counts
// from its start until 30 s later, exclusive), the limit drawn across, every burst above it
// shaded and every 429 response marked.

const SVG = 'http://www.w3.org/2000/svg';
const WINDOW_MS = 30_000;
const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 18, right: 14, bottom: 34, left: 44 };

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The window count after each change: [{at, count}] in time order, from +1/−1 events. */
export function windowSteps(times) {
  const events = [];
  for (const at of times) events.push([at, 1], [at + WINDOW_MS, -1]);
  // At equal times a call leaving the window is removed before one entering it is added.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const steps = [];
  let count = 0;
  for (const [at, change] of events) {
    count += change;
    if (steps.length && steps[steps.length - 1].at === at) steps[steps.length - 1].count = count;
    else steps.push({ at, count });
  }
  return steps;
}

const clock = (ms) => new Date(ms).toISOString().slice(11, 23);
const shortClock = (ms) => new Date(ms).toISOString().slice(11, 19);

/**
 * A `<figure data-chart="rate">` for `profile` (a RateProfile of the readiness report) and its
 * calls (RecordedCall[] of this profile, in recording order).
 */
export function rateChart(profile, calls) {
  const figure = document.createElement('figure');
  figure.className = 'rate-chart';
  figure.dataset.chart = 'rate';
  figure.dataset.token = profile.accessToken;
  const times = calls.map((call) => call.startedMs).sort((a, b) => a - b);
  const steps = windowSteps(times);
  const rejected = calls.filter((call) => call.status === 429);
  const peak = steps.reduce((max, step) => Math.max(max, step.count), 0);

  const caption = document.createElement('figcaption');
  const bursts = profile.bursts.length;
  caption.textContent = `AccessToken ${profile.accessToken} · ${profile.calls} calls · peak ${profile.peak} per 30 s (limit ${profile.limit})${bursts ? ` · ${bursts} burst${bursts === 1 ? '' : 's'} above the limit` : ''}${rejected.length ? ` · ${rejected.length} × 429` : ''}`;
  figure.append(caption);
  if (!times.length) return figure;

  const start = times[0];
  const end = times[times.length - 1] + WINDOW_MS;
  const top = Math.max(profile.limit, peak, profile.declaredPeak ?? 0) * 1.12;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (at) => MARGIN.left + ((at - start) / Math.max(end - start, 1)) * plotWidth;
  const y = (count) => MARGIN.top + plotHeight - (count / top) * plotHeight;

  const chart = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `Requests in the sliding 30-second window for AccessToken ${profile.accessToken}, ${clock(start)} to ${clock(end)} UTC: peak ${peak} of the ${profile.limit} allowed, ${bursts} bursts above the limit, ${rejected.length} responses 429.`,
  });
  chart.append(svg('rect', { class: 'plot', x: MARGIN.left, y: MARGIN.top, width: plotWidth, height: plotHeight }));

  for (const burst of profile.bursts) {
    const from = Date.parse(burst.windowStart);
    if (Number.isNaN(from)) continue;
    const band = svg('rect', {
      class: 'burst',
      'data-burst': burst.count,
      x: x(from),
      y: MARGIN.top,
      width: Math.max(x(from + WINDOW_MS) - x(from), 2),
      height: plotHeight,
    });
    band.append(svg('title', {}, `Burst: ${burst.count} requests in the 30 s from ${clock(from)} (limit ${profile.limit})`));
    chart.append(band, svg('text', { class: 'burst-label', x: x(from) + 4, y: MARGIN.top + 12 }, `${burst.count} in 30 s`));
  }

  chart.append(svg('path', { class: 'window', d: areaPath(steps, x, y) }));

  const limitY = y(profile.limit);
  chart.append(
    svg('line', { class: 'limit', x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: limitY, y2: limitY }),
    svg('text', { class: 'limit-label', x: MARGIN.left + plotWidth - 4, y: limitY - 4, 'text-anchor': 'end' }, `limit ${profile.limit} / 30 s`),
  );
  if (profile.declaredPeak != null) {
    const declaredY = y(profile.declaredPeak);
    chart.append(
      svg('line', { class: 'declared', x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: declaredY, y2: declaredY }),
      svg('text', { class: 'declared-label', x: MARGIN.left + 4, y: declaredY - 4 }, `declared ${profile.declaredPeak}`),
    );
  }

  // The peak, labelled where it is reached (a low peak would otherwise be a hairline at the bottom).
  const peakStep = steps.find((step) => step.count === peak);
  if (peakStep) {
    const px = x(peakStep.at);
    const py = y(peak);
    chart.append(
      svg('circle', { class: 'peak', cx: px, cy: py, r: 3 }),
      svg('text', { class: 'peak-label', x: Math.min(px + 6, MARGIN.left + plotWidth - 60), y: Math.max(py - 6, MARGIN.top + 10) }, `peak ${peak}`),
    );
  }

  // Every 429: a line across the plot at its time, and a marker on the time axis.
  const base = MARGIN.top + plotHeight;
  for (const call of rejected) {
    const at = x(call.startedMs);
    const title = `429 Too Many Requests: call ${call.call + 1} at ${clock(call.startedMs)}`;
    const line = svg('line', { class: 'rejected-line', x1: at, x2: at, y1: MARGIN.top, y2: base });
    const marker = svg('path', { class: 'rejected', 'data-call': call.call, d: `M${at} ${base - 10} l6 10 h-12 z` });
    marker.append(svg('title', {}, title));
    line.append(svg('title', {}, title));
    chart.append(line, marker);
  }
  if (rejected.length && rejected.length <= 12) {
    const first = x(rejected[0].startedMs);
    chart.append(svg('text', { class: 'rejected-label', x: first + 4, y: base - 14 }, rejected.length === 1 ? '429' : `${rejected.length} × 429`));
  }

  // Axes: counts at 0, the peak and the limit; times at the start, middle and end.
  const axis = MARGIN.top + plotHeight;
  chart.append(svg('line', { class: 'axis', x1: MARGIN.left, x2: MARGIN.left + plotWidth, y1: axis, y2: axis }));
  for (const count of new Set([0, peak, profile.limit])) {
    chart.append(svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(count) + 4, 'text-anchor': 'end' }, String(count)));
  }
  for (const [at, anchor] of [[start, 'start'], [(start + end) / 2, 'middle'], [end, 'end']]) {
    chart.append(svg('text', { class: 'tick', x: x(at), y: axis + 16, 'text-anchor': anchor }, shortClock(at)));
  }
  chart.append(svg('text', { class: 'tick', x: MARGIN.left + plotWidth / 2, y: axis + 30, 'text-anchor': 'middle' }, 'UTC'));
  figure.append(chart);
  return figure;
}

/** The window count as a filled step area: one column per unit of width, at the column's maximum. */
function areaPath(steps, x, y) {
  const heights = new Map();
  // A count holds from its step to the next one; every column that interval touches sees it.
  for (let i = 0; i + 1 < steps.length; i += 1) {
    const first = Math.floor(x(steps[i].at));
    const last = Math.floor(x(steps[i + 1].at));
    for (let column = first; column <= last; column += 1) {
      heights.set(column, Math.max(heights.get(column) ?? 0, steps[i].count));
    }
  }
  const columns = [...heights.keys()].sort((a, b) => a - b);
  if (!columns.length) return '';
  const base = y(0);
  const d = [`M${columns[0]} ${base}`];
  for (const column of columns) {
    const top = y(heights.get(column));
    d.push(`L${column} ${top}`, `L${column + 1} ${top}`);
  }
  d.push(`L${columns[columns.length - 1] + 1} ${base}`, 'Z');
  return d.join(' ');
}
