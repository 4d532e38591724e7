// The insights page: every figure comes from Rootfix's JSON endpoints under /api/insights, is drawn with
// Chart.js and listed as a table with a CSV download. Text reaches the page only through textContent.
'use strict';

const TEAL = '#0d6e6e';
const COLOURS = ['#0d6e6e', '#e0a526', '#c0392b', '#5a6275', '#2e86c1', '#8e44ad', '#27ae60', '#d35400'];
const DAY = 24 * 60 * 60 * 1000;
const charts = [];

const count = (n) => String(n ?? 0);
const percent = (share) => (share === null || share === undefined ? '–' : (share * 100).toFixed(1) + ' %');
const euros = (amount) => Number(amount ?? 0).toFixed(2);
const isoDay = (date) => date.toISOString().slice(0, 10);

async function get(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(path.split('?')[0] + ' answered ' + response.status);
  }
  return response.json();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function csv(header, rows) {
  const cell = (value) => {
    const text = String(value);
    return /[",\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** One chart: its title, a note, the chart, and its numbers as a table with a CSV download. */
function section(id, title, note, chart, header, rows) {
  const box = element('section');
  box.id = id;
  box.append(element('h2', title));
  if (note) box.append(element('p', note, 'note'));
  const holder = element('div', undefined, 'chart');
  const canvas = element('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', title);
  holder.append(canvas);
  box.append(holder);
  const numbers = element('details');
  numbers.open = true;
  numbers.append(element('summary', 'Numbers'));
  const table = element('table');
  const head = table.createTHead().insertRow();
  header.forEach((h) => head.append(element('th', h)));
  const body = table.createTBody();
  rows.forEach((row) => {
    const tr = body.insertRow();
    row.forEach((value, i) => tr.append(element('td', String(value), i > 0 ? 'number' : undefined)));
  });
  numbers.append(table);
  const download = element('a', 'Download CSV');
  download.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv(header, rows));
  download.download = id + '.csv';
  numbers.append(download);
  box.append(numbers);
  document.getElementById('charts').append(box);
  charts.push(new Chart(canvas, {...chart, options: {maintainAspectRatio: false, animation: false, ...chart.options}}));
}

/** A bar chart; its count axis (y, or x when the bars lie) shows whole numbers only. */
function bar(labels, datasets, options = {}) {
  const counts = options.indexAxis === 'y' ? 'x' : 'y';
  const scales = {...options.scales, [counts]: {ticks: {precision: 0}, ...options.scales?.[counts]}};
  return {type: 'bar', data: {labels, datasets}, options: {...options, scales}};
}

/** [from, to) as instants: from the first day's start to the end of the last day (UTC). */
function period() {
  const from = new Date(document.getElementById('from').value + 'T00:00:00Z');
  const to = new Date(new Date(document.getElementById('to').value + 'T00:00:00Z').getTime() + DAY);
  return {from, to};
}

const range = (from, to) => 'from=' + from.toISOString() + '&to=' + to.toISOString();

async function show() {
  const problem = document.getElementById('problem');
  problem.hidden = true;
  const {from, to} = period();
  if (isNaN(from) || isNaN(to) || from >= to) {
    problem.textContent = 'The first date must not be after the last.';
    problem.hidden = false;
    return;
  }
  const weeks = [];
  for (let start = from; start < to; start = new Date(start.getTime() + 7 * DAY)) {
    weeks.push({start, end: new Date(Math.min(start.getTime() + 7 * DAY, to.getTime()))});
  }
  const inPeriod = range(from, to);
  let data;
  try {
    data = await Promise.all([
      get('/api/insights/promises'),
      get('/api/insights/contacts'),
      get('/api/insights/first-time-right?' + inPeriod),
      get('/api/insights/remedies?' + inPeriod),
      get('/api/insights/reasons?' + inPeriod),
      get('/api/insights/root-causes?' + inPeriod),
      get('/api/insights/open-complaints'),
      Promise.all(weeks.map((w) => get('/api/insights/first-time-right?' + range(w.start, w.end)))),
      Promise.all(weeks.map((w) => get('/api/insights/remedies?' + range(w.start, w.end)))),
      get('/api/insights/customer-effort'),
    ]);
  } catch (error) {
    problem.textContent = 'Could not load the figures: ' + error.message + '.';
    problem.hidden = false;
    return;
  }
  const [promises, contacts, ftr, remedies, reasons, causes, open, weeklyFtr, weeklyRemedies, effort] = data;
  charts.splice(0).forEach((c) => c.destroy());
  document.getElementById('charts').replaceChildren();

  section('promises', 'Promises: how they ended', 'All promises so far. Kept rate: ' + percent(promises.keptRate)
      + ' (kept and renegotiated in time, of those ended).',
      bar(['Kept', 'Renegotiated in time', 'Broken', 'Open'], [{label: 'Promises', backgroundColor: [COLOURS[0],
        COLOURS[1], COLOURS[2], COLOURS[3]], data: [promises.kept, promises.renegotiatedInTime, promises.broken,
        promises.open]}], {plugins: {legend: {display: false}}}),
      ['outcome', 'promises'], [['Kept', count(promises.kept)], ['Renegotiated in time',
        count(promises.renegotiatedInTime)], ['Broken', count(promises.broken)], ['Open', count(promises.open)],
        ['Kept rate', percent(promises.keptRate)]]);

  section('contacts', 'First-contact resolution and repeat contacts', 'All complaints so far.',
      bar(['First-contact resolution', 'Repeat-contact rate'], [{label: '%', backgroundColor: [COLOURS[0], COLOURS[2]],
        data: [contacts.firstContactResolution, contacts.repeatContactRate].map((s) => (s ?? 0) * 100)}],
      {plugins: {legend: {display: false}}, scales: {y: {min: 0, max: 100}}}),
      ['figure', 'value'], [['Contacts', count(contacts.contacts)], ['First contacts', count(contacts.firstContacts)],
        ['Repeat contacts', count(contacts.repeatContacts)], ['Repeat-contact rate', percent(contacts.repeatContactRate)],
        ['Closed complaints', count(contacts.closedComplaints)], ['Closed at first contact',
          count(contacts.closedAtFirstContact)], ['First-contact resolution', percent(contacts.firstContactResolution)]]);

  section('first-time-right', 'Right the first time, by category', 'Complaints closed in the period whose first '
      + 'answer settled them: ' + percent(ftr.share) + ' of ' + ftr.closed + '; reopened ' + ftr.reopened
      + ', came back after the answer ' + ftr.cameBackAfterAnswer + '.',
      bar(ftr.byCategory.map((c) => c.category), [{label: 'Right the first time (%)', backgroundColor: TEAL,
        data: ftr.byCategory.map((c) => (c.share ?? 0) * 100)}], {scales: {y: {min: 0, max: 100}}}),
      ['category', 'closed', 'right the first time', 'share'],
      [...ftr.byCategory.map((c) => [c.category, count(c.closed), count(c.firstTimeRight), percent(c.share)]),
        ['all', count(ftr.closed), count(ftr.firstTimeRight), percent(ftr.share)]]);

  section('remedies', 'Remedy cost by type', 'Refunds paid and replacements shipped in the period: '
      + euros(remedies.totalCost) + ' ' + remedies.currency + ' for ' + remedies.remedies + ' remedies.',
      {type: 'doughnut', data: {labels: remedies.byType.map((t) => t.type), datasets: [{data: remedies.byType
        .map((t) => Number(t.cost)), backgroundColor: COLOURS}]}},
      ['type', 'count', 'cost (' + remedies.currency + ')', 'share of cost'],
      remedies.byType.map((t) => [t.type, count(t.count), euros(t.cost), percent(t.shareOfTotal)]));

  const reasonRows = reasons.steps.flatMap((s) => s.reasons.map((r) => [s.step, r.label ?? r.code, count(r.count)]));
  section('reasons', 'Controlled reasons per step', 'Reasons given in the period: ' + reasons.total + '.',
      bar(reasonRows.map((r) => r[0] + ': ' + r[1]), [{label: 'Times given', backgroundColor: TEAL,
        data: reasonRows.map((r) => Number(r[2]))}], {indexAxis: 'y'}),
      ['step', 'reason', 'times given'], reasonRows);

  section('root-causes', 'Root causes (Pareto)', 'Complaints linked in the period, by root cause: '
      + causes.complaints + '.',
      bar(causes.rootCauses.map((c) => c.title), [
        {label: 'Complaints', backgroundColor: TEAL, data: causes.rootCauses.map((c) => c.complaints), yAxisID: 'y'},
        {type: 'line', label: 'Cumulative share (%)', borderColor: COLOURS[1], backgroundColor: COLOURS[1],
          data: causes.rootCauses.map((c) => c.cumulativeShare * 100), yAxisID: 'share'}],
      {scales: {y: {beginAtZero: true, ticks: {precision: 0}}, share: {position: 'right', min: 0, max: 100}}}),
      ['root cause', 'state', 'complaints', 'share', 'cumulative share'],
      causes.rootCauses.map((c) => [c.title, c.state, count(c.complaints), percent(c.share), percent(c.cumulativeShare)]));

  const states = Object.keys(open.byState);
  section('open-complaints', 'Open complaints by state', 'Now: ' + open.open + ' open, ' + open.overduePromises
      + ' of ' + open.openPromises + ' open promises past their deadline.',
      bar(states, [{label: 'Complaints', backgroundColor: TEAL, data: states.map((s) => open.byState[s])}],
        {plugins: {legend: {display: false}}}),
      ['state', 'complaints'], [...states.map((s) => [s, count(open.byState[s])]),
        ['Overdue promises', count(open.overduePromises)]]);

  const weekLabels = weeks.map((w) => isoDay(w.start));
  section('weekly', 'Weekly trend', 'Per week from the first date: complaints closed, of them right the first '
      + 'time, and what remedies cost.',
      bar(weekLabels, [
        {label: 'Closed', backgroundColor: COLOURS[3], data: weeklyFtr.map((w) => w.closed), yAxisID: 'y'},
        {label: 'Right the first time', backgroundColor: TEAL, data: weeklyFtr.map((w) => w.firstTimeRight), yAxisID: 'y'},
        {type: 'line', label: 'Remedy cost (EUR)', borderColor: COLOURS[1], backgroundColor: COLOURS[1],
          data: weeklyRemedies.map((w) => Number(w.totalCost)), yAxisID: 'cost'}],
      {scales: {y: {beginAtZero: true, ticks: {precision: 0}}, cost: {position: 'right', beginAtZero: true}}}),
      ['week from', 'closed', 'right the first time', 'remedy cost (EUR)'],
      weeks.map((w, i) => [weekLabels[i], count(weeklyFtr[i].closed), count(weeklyFtr[i].firstTimeRight),
        euros(weeklyRemedies[i].totalCost)]));

  const scores = [1, 2, 3, 4, 5, 6, 7];
  section('customer-effort', 'Customer effort', 'How much effort it took customers to get their complaint solved, '
      + 'asked once after closing (1 very little, 7 a great deal); all answers so far. Average: '
      + (effort.average ?? '–') + ' of ' + effort.answered + ' answers.',
      bar(scores.map(String), [{label: 'Customers', backgroundColor: COLOURS[0], data: scores.map((s) => effort.scores[s])}],
      {plugins: {legend: {display: false}}}),
      ['score', 'customers'], [...scores.map((s) => [String(s), count(effort.scores[s])]),
        ['Answers', count(effort.answered)], ['Average', effort.average ?? '–']]);
  document.body.dataset.loaded = 'true';
}

document.addEventListener('DOMContentLoaded', () => {
  const today = new Date();
  document.getElementById('to').value = isoDay(today);
  document.getElementById('from').value = isoDay(new Date(today.getTime() - 89 * DAY));
  document.getElementById('period').addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  show();
});
