// Service staff in Tasklist, end to end in a real browser (README: The browser test).
//
// Starts the application from the jar that `mvn package` (or `mvn verify`) built, on a free port with an
// in-memory database, and works one complaint as the agent sam would: log in, find the complaint in the
// group filter, claim it, try to complete it without a date, complete it, see its next step; then take a
// phone complaint with Tasklist's start form. Screenshots go to target/e2e/.
//
//   cd src/test/e2e && npm ci && npm test                   # starts and stops the application itself
//   ROOTFIX_URL=http://localhost:8080 npm test              # or against one already running
//
// Needs Chromium (CHROMIUM, default /usr/bin/chromium); Playwright never downloads a browser here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SHOTS = join(ROOT, 'target/e2e');
const AGENT = 'sam';
const LEAD = 'lea';
const STARTUP_SECONDS = Number(process.env.STARTUP_SECONDS ?? 240); // more on a machine busy with other work

// One run's customers, so the cards of this run are told apart from any others in the list.
const RUN = Date.now().toString(36);
const WEB_CUSTOMER = `Eva de Wit ${RUN}`;
const PHONE_CUSTOMER = `Kees Klein ${RUN}`;

let app; // the application process, when this test started it
let baseUrl;
let profile; // the browser's fresh user data directory
let context;
let page;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  baseUrl = process.env.ROOTFIX_URL ?? await startApplication();
  await untilReady();
  profile = mkdtempSync(join(tmpdir(), 'rootfix-e2e-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1100 },
  });
  context.setDefaultTimeout(30_000);
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', error => console.log('[browser error]', error.message));
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  stopApplication();
  if (app && app.exitCode === null && app.signalCode === null) {
    await new Promise(done => { app.once('exit', done); setTimeout(done, 30_000).unref(); });
  }
});

// The trap: whatever happens, the application started here does not outlive the test.
process.on('exit', stopApplication);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { stopApplication(); process.exit(1); });
}

test('the login page and Tasklist are Rootfix, without the Camunda 8 banner', async () => {
  await page.goto(`${baseUrl}/camunda/app/tasklist/`);
  await page.getByPlaceholder('Username').waitFor();
  await shot('01-login');
  assert.equal(await page.title(), 'Rootfix Tasklist');
  assert.match(await backgroundOf('.login-logo'), /rootfix-logo\.svg/);

  await logIn(AGENT);
  await shot('02-tasklist-start');
  assert.equal(await page.title(), 'Rootfix Tasklist');
  assert.equal((await page.locator('.navbar-brand .brand-name').innerText()).trim(), 'Rootfix Tasklist');
  assert.match(await backgroundOf('.navbar-brand .brand-logo'), /rootfix-mark\.svg/);
  assert.equal(await page.locator('.navbar-brand .brand-logo svg').isVisible(), false, "Camunda's logo is hidden");
  assert.equal(await page.locator('.ce-eol-banner').isVisible(), false, 'the Camunda 8 banner is hidden');
  assert.equal(await page.getByText('It is time to migrate to Camunda 8').isVisible(), false);
  // Agents start on the promises that break today unless someone acts.
  assert.match(await page.locator('.task-filter.active h4.name').innerText(), /^\s*Promises at risk today/);
});

test('an agent agrees the expectation of a complaint from the intake API, then sees its next step', async () => {
  const trackingNumber = await postComplaint(WEB_CUSTOMER);

  await openFilter('Complaints for my groups');
  await openTask('Agree expectation', trackingNumber);
  await page.locator('.fjs-form').getByText(`complaint ${trackingNumber}`).waitFor();
  const claim = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
  await claim.click();
  // Claimed: Tasklist shows the assignee instead of "Claim" and opens the form for input.
  await claim.waitFor({ state: 'hidden' });
  const date = field('Answer promised by').locator('input').first();
  await until(() => date.isEditable(), 'the form is open for input');
  await until(() => completeButton().isEnabled(), 'Complete is enabled');
  await shot('03-agree-expectation-claimed');

  // The date proposed by the policy is cleared: completing is refused with the form's message.
  const submitted = [];
  const onRequest = request => { if (/\/submit-form$/.test(request.url())) submitted.push(request.url()); };
  page.on('request', onRequest);
  await date.fill('');
  await completeButton().click();
  await field('Answer promised by').getByText('Field is required.').waitFor();
  await shot('04-agree-expectation-date-required');
  assert.deepEqual(submitted, [], 'nothing is submitted without the date');
  page.off('request', onRequest);

  await date.fill(usDate(daysFromNow(14)));
  await date.press('Enter');
  await choose('How does the customer want to hear from us?', 'E-mail');
  await field('Anything else agreed with the customer').locator('textarea').fill('Call only in the afternoon.');
  await shot('05-agree-expectation-filled');
  // The refused attempt left an error notice over the Complete button; a person closes it first.
  await dismissNotifications();
  const completed = page.waitForResponse(response => /\/submit-form$/.test(response.url()));
  await completeButton().click();
  assert.equal((await completed).status(), 204);

  await openFilter('My complaints');
  await openTask('Patch the symptom', trackingNumber);
  await page.locator('.fjs-form').getByText('What did you do to relieve', { exact: false }).first().waitFor();
  await shot('06-my-complaints-patch-the-symptom');
});

test('an agent takes a phone complaint with the start form', async () => {
  await page.getByText('Start process', { exact: true }).click();
  await page.locator('.modal-content ul.processes a', { hasText: 'Complaint' }).first().click();
  await page.locator('.modal-content').getByText('Phone intake').first().waitFor();
  await field('Customer name').locator('input').fill(PHONE_CUSTOMER);
  await field('Phone number').locator('input').fill('+31 10 123 4567');
  await choose('What is the complaint about?', 'Product quality');
  await field("What happened, in the customer's words").locator('textarea').fill('The kettle leaks.');
  await choose('What does the customer want?', 'A repair');
  await shot('07-phone-intake-filled');
  const started = page.waitForResponse(response => /\/submit-form$/.test(response.url()));
  await page.locator('.modal-content button', { hasText: 'Start' }).last().click();
  assert.equal((await started).status(), 200);

  await openFilter('Complaints for my groups');
  await openTask('Agree expectation', PHONE_CUSTOMER);
  await page.locator('.fjs-form').getByText(PHONE_CUSTOMER).first().waitFor();
  await shot('08-phone-complaint-to-agree');
});

test('a team lead who fixed a root cause cannot verify it: Tasklist says why, the task stays open', async () => {
  // The complaint and the fix through the API, as the agent and the team lead lea would in Tasklist.
  const trackingNumber = await postComplaint(`Fenna Fix ${RUN}`, `fenna.${RUN}@example.com`);
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'email' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase' });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', {
    rootCauseDescription: `Vases packed without corners ${RUN}`, oneOff: false });
  const rootCause = await rootCauseKeyOf(`Vases packed without corners ${RUN}`);
  await completeAs(LEAD, rootCause, 'Task_Investigate', { willFix: true, fixDeadline: isoDate(daysFromNow(10)) });
  await completeAs(LEAD, rootCause, 'Task_FixRootCause', { fixDescription: 'Corner protectors on every vase' });

  // lea in a fresh page: sam's session and Tasklist's state stay behind.
  await context.clearCookies();
  await page.close();
  page = await context.newPage();
  await page.goto(`${baseUrl}/camunda/app/tasklist/`);
  // The login form is re-rendered while the webapp starts: type once it has settled.
  await page.getByPlaceholder('Username').waitFor();
  await page.waitForLoadState('networkidle');
  await logIn(LEAD);
  await openFilter('Complaints for my groups');
  await openTask('Verify the fix', 'Verify the fix');
  await page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ }).click();
  await page.locator('.fjs-form').getByText('Yes, it works').click();
  const refused = page.waitForResponse(response => /\/submit-form$/.test(response.url()));
  await completeButton().click();
  const response = await refused;
  await page.locator('.page-notifications').getByText('someone other than the one who fixed it', { exact: false })
    .waitFor();
  await shot('10-verify-own-fix-refused');
  assert.equal(response.status(), 400, 'a refusal the person can act on, not a server error');
  const open = await (await fetch(`${baseUrl}/engine-rest/task?processInstanceBusinessKey=${rootCause}`
    + '&taskDefinitionKey=Task_VerifyFix', { headers: basic(LEAD) })).json();
  assert.equal(open.length, 1, 'Verify the fix is still open');
});

test('a team lead sees the insights, each chart with the numbers of the API; an agent is refused', async () => {
  const agent = await context.newPage();
  await agent.setExtraHTTPHeaders(basic(AGENT));
  assert.equal((await agent.goto(`${baseUrl}/insights`)).status(), 403);
  await agent.close();

  const lead = await context.newPage();
  await lead.setExtraHTTPHeaders(basic(LEAD));
  // A script refused by the page's Content-Security-Policy shows as a console error.
  const errors = [];
  lead.on('pageerror', error => errors.push(error.message));
  lead.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
  // The open complaints are read at most every few seconds: compare with the figures the page was given.
  const openFigures = lead.waitForResponse(response => response.url().includes('/api/insights/open-complaints'));
  const response = await lead.goto(`${baseUrl}/insights`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-security-policy'], /^default-src 'self';/);
  await lead.locator('body[data-loaded="true"]').waitFor();
  await lead.screenshot({ path: join(SHOTS, '09-insights.png'), fullPage: true });
  assert.equal(await lead.title(), 'Rootfix Insights');
  assert.deepEqual(errors, []);
  const ids = ['promises', 'contacts', 'first-time-right', 'remedies', 'reasons', 'root-causes', 'open-complaints',
    'weekly'];
  assert.deepEqual(await lead.locator('section').evaluateAll(sections => sections.map(s => s.id)), ids);
  assert.equal(await lead.evaluate(() => [...document.querySelectorAll('section canvas')]
    .filter(canvas => Chart.getChart(canvas) !== undefined).length), ids.length, 'every chart is drawn');

  const from = await lead.locator('#from').inputValue();
  const to = new Date(Date.parse(`${await lead.locator('#to').inputValue()}T00:00:00Z`) + 86_400_000);
  const period = `from=${new Date(`${from}T00:00:00Z`).toISOString()}&to=${to.toISOString()}`;
  const promises = await api('/api/insights/promises');
  assert.ok(promises.open + promises.finished > 0, 'the earlier steps made a promise');
  assert.deepEqual((await table(lead, 'promises')).slice(0, 4), [['Kept', `${promises.kept}`],
    ['Renegotiated in time', `${promises.renegotiatedInTime}`], ['Broken', `${promises.broken}`],
    ['Open', `${promises.open}`]]);
  const contacts = await api('/api/insights/contacts');
  assert.deepEqual((await table(lead, 'contacts')).slice(0, 3), [['Contacts', `${contacts.contacts}`],
    ['First contacts', `${contacts.firstContacts}`], ['Repeat contacts', `${contacts.repeatContacts}`]]);
  const remedies = await api(`/api/insights/remedies?${period}`);
  assert.deepEqual(await table(lead, 'remedies'), remedies.byType.map(t => [t.type, `${t.count}`,
    Number(t.cost).toFixed(2), t.shareOfTotal === null ? '–' : `${(t.shareOfTotal * 100).toFixed(1)} %`]));
  const firstTimeRight = await api(`/api/insights/first-time-right?${period}`);
  assert.deepEqual((await table(lead, 'first-time-right')).at(-1).slice(0, 3),
    ['all', `${firstTimeRight.closed}`, `${firstTimeRight.firstTimeRight}`]);
  const open = await (await openFigures).json();
  assert.ok(open.open >= 2, 'the complaints of the earlier steps are open');
  assert.deepEqual(await table(lead, 'open-complaints'), [...Object.entries(open.byState).map(([state, n]) => [state, `${n}`]),
    ['Overdue promises', `${open.overduePromises}`]]);
  const weeks = await table(lead, 'weekly');
  assert.equal(weeks.length, 13, 'the 90 days of the default period in weeks');
  assert.match(await lead.locator('#remedies a[download]').getAttribute('href'), /^data:text\/csv/);
  await lead.close();
});

// --- the application ------------------------------------------------------------------------------

async function startApplication() {
  const jar = readdirSync(join(ROOT, 'target'), { withFileTypes: true })
    .map(entry => entry.name).find(name => /^rootfix-.*\.jar$/.test(name));
  if (!jar) throw new Error('No target/rootfix-*.jar: run `mvn -B package -DskipTests` first');
  const port = await freePort();
  const log = createWriteStream(join(SHOTS, 'application.log'));
  app = spawn('java', ['-jar', join(ROOT, 'target', jar), `--server.port=${port}`,
    '--spring.datasource.url=jdbc:h2:mem:e2e'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  app.on('exit', (code, signal) => console.log(`[application] stopped (${signal ?? `exit code ${code}`})`));
  console.log(`[application] ${jar} on port ${port}, pid ${app.pid}, log target/e2e/application.log`);
  return `http://localhost:${port}`;
}

function stopApplication() {
  if (app && app.exitCode === null && app.signalCode === null) app.kill('SIGTERM');
}

/** Ready when the agent's Tasklist filters exist: they are created once the application has started. */
async function untilReady() {
  const deadline = Date.now() + STARTUP_SECONDS * 1000;
  const started = Date.now();
  while (Date.now() < deadline) {
    if (app && app.exitCode !== null) throw new Error('the application stopped: see target/e2e/application.log');
    try {
      const response = await fetch(`${baseUrl}/engine-rest/filter?resourceType=Task`, { headers: basic(AGENT) });
      if (response.ok && (await response.json()).length > 0) {
        console.log(`[application] ready after ${Math.round((Date.now() - started) / 1000)} s`);
        return;
      }
    } catch { /* not listening yet */ }
    await new Promise(done => setTimeout(done, 1000));
  }
  throw new Error(`the application was not ready within ${STARTUP_SECONDS} s`);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => done(port)); });
  });
}

function basic(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}` };
}

/** An /api answer as the team lead gets it. */
async function api(path) {
  const response = await fetch(`${baseUrl}${path}`, { headers: basic(LEAD) });
  assert.equal(response.status, 200, path);
  return response.json();
}

/** A chart's numbers as the page shows them: the rows of its table, cell by cell. */
function table(onPage, id) {
  return onPage.locator(`#${id} tbody tr`).evaluateAll(rows => rows.map(row => [...row.cells].map(cell => cell.textContent)));
}

/** A web complaint through the public intake API; its tracking number. */
async function postComplaint(customerName, customerEmail = `eva.${RUN}@example.com`) {
  const response = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customerName, customerEmail, channel: 'web', category: 'delivery',
      description: 'The vase arrived broken.', desiredOutcome: 'replacement',
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).trackingNumber;
}

/** Claims the one open task of this key on the business key as the user and submits its form values. */
async function completeAs(user, businessKey, taskKey, values) {
  // The task may follow an asynchronous step (the acknowledgement): wait for the job executor, as a person would.
  let tasks = [];
  const deadline = Date.now() + 60_000;
  while (tasks.length === 0 && Date.now() < deadline) {
    tasks = await (await fetch(`${baseUrl}/engine-rest/task?processInstanceBusinessKey=${businessKey}`
      + `&taskDefinitionKey=${taskKey}`, { headers: basic(user) })).json();
    if (tasks.length === 0) await new Promise(done => setTimeout(done, 500));
  }
  assert.equal(tasks.length, 1, `${taskKey} open on ${businessKey}`);
  const headers = { ...basic(user), 'Content-Type': 'application/json' };
  if (!tasks[0].assignee) {
    const claimed = await fetch(`${baseUrl}/engine-rest/task/${tasks[0].id}/claim`,
      { method: 'POST', headers, body: JSON.stringify({ userId: user }) });
    assert.equal(claimed.status, 204, `${user} claims ${taskKey}`);
  }
  const variables = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value }]));
  const submitted = await fetch(`${baseUrl}/engine-rest/task/${tasks[0].id}/submit-form`,
    { method: 'POST', headers, body: JSON.stringify({ variables }) });
  assert.equal(submitted.status, 204, `${taskKey}: ${await submitted.text()}`);
}

/** The business key (RC-…) of the root cause process investigating this description. */
async function rootCauseKeyOf(description) {
  const tasks = await (await fetch(`${baseUrl}/engine-rest/task?taskDefinitionKey=Task_Investigate`,
    { headers: basic(LEAD) })).json();
  for (const task of tasks) {
    const variables = await (await fetch(`${baseUrl}/engine-rest/task/${task.id}/form-variables`,
      { headers: basic(LEAD) })).json();
    if (variables.rootCauseDescription?.value === description) {
      const instance = await (await fetch(`${baseUrl}/engine-rest/process-instance/${task.processInstanceId}`,
        { headers: basic(LEAD) })).json();
      return instance.businessKey;
    }
  }
  throw new Error(`no root cause under investigation: ${description}`);
}

// --- Tasklist, as a person uses it ----------------------------------------------------------------

async function logIn(user) {
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(user);
  await page.keyboard.press('Enter');
  try {
    await page.getByText('Complaints for my groups').waitFor();
  } catch (notLoggedIn) {
    await shot(`failed-login-${user}`);
    throw notLoggedIn;
  }
}

async function openFilter(name) {
  await page.locator('.task-filter h4.name').filter({ hasText: name }).click();
}

/** Opens the task of this name whose card shows the text (a tracking number, a customer). */
async function openTask(taskName, cardText) {
  const card = page.locator('ol.tasks-list > li').filter({ hasText: taskName }).filter({ hasText: cardText });
  await card.first().waitFor();
  await card.first().locator('h4').first().click();
  await page.locator('.fjs-form').waitFor();
}

/** A form field by the start of its label. */
function field(label) {
  return page.locator('.fjs-form-field').filter({ hasText: label }).first();
}

async function choose(label, option) {
  await field(label).locator('.fjs-input-group, .fjs-select-display, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

async function dismissNotifications() {
  for (const close of await page.locator('.page-notifications .close').all()) {
    if (await close.isVisible()) await close.click();
  }
}

function completeButton() {
  return page.locator('button', { hasText: 'Complete' });
}

/** Waits until the condition holds, as a person waits for the page. */
async function until(condition, what, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await page.waitForTimeout(200);
  }
}

async function backgroundOf(selector) {
  return page.locator(selector).first().evaluate(element => getComputedStyle(element).backgroundImage);
}

async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function daysFromNow(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

function isoDate(date) {
  const two = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** The date as the form's date picker takes it (mm/dd/yyyy). */
function usDate(date) {
  const two = n => String(n).padStart(2, '0');
  return `${two(date.getMonth() + 1)}/${two(date.getDate())}/${date.getFullYear()}`;
}
