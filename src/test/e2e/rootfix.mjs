// What every browser test of Rootfix needs: the application (started from the jar `mvn package` built, on a free
// port with an in-memory database, or ROOTFIX_URL), a fresh Chromium, and Tasklist as a person uses it.
// A test file calls useApplication() once; `page`, `context` and `baseUrl` are live bindings.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHOTS = join(ROOT, 'target/e2e');
export const AGENT = 'sam';
export const LEAD = 'lea';
/** The other team lead: four eyes (a review, a verification, an approval) need a second person. */
export const SECOND_LEAD = 'ivo';
const STARTUP_SECONDS = Number(process.env.STARTUP_SECONDS ?? 240); // more on a machine busy with other work

// One run's customers, so the cards of this run are told apart from any others in the list.
export const RUN = Date.now().toString(36);

let app; // the application process, when this test started it
let logName; // the application's log, one per test file
export let baseUrl;
let profile; // the browser's fresh user data directory
export let context;
export let page;

/** Starts the application (unless ROOTFIX_URL names one) and the browser before the file's tests, stops both after. */
export function useApplication(testFile) {
  logName = `${basename(fileURLToPath(testFile)).replace(/\.e2e\.mjs$/, '')}-application.log`;
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
}

// --- the application ------------------------------------------------------------------------------

async function startApplication() {
  const jar = readdirSync(join(ROOT, 'target'), { withFileTypes: true })
    .map(entry => entry.name).find(name => /^rootfix-.*\.jar$/.test(name));
  if (!jar) throw new Error('No target/rootfix-*.jar: run `mvn -B package -DskipTests` first');
  const port = await freePort();
  const log = createWriteStream(join(SHOTS, logName));
  app = spawn('java', ['-jar', join(ROOT, 'target', jar), `--server.port=${port}`,
    '--spring.datasource.url=jdbc:h2:mem:e2e'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  app.on('exit', (code, signal) => console.log(`[application] stopped (${signal ?? `exit code ${code}`})`));
  console.log(`[application] ${jar} on port ${port}, pid ${app.pid}, log target/e2e/${logName}`);
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
    if (app && app.exitCode !== null) throw new Error(`the application stopped: see target/e2e/${logName}`);
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

export function basic(user) {
  return { Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}` };
}

/** An /api answer as the team lead gets it. */
export async function api(path) {
  const response = await fetch(`${baseUrl}${path}`, { headers: basic(LEAD) });
  assert.equal(response.status, 200, path);
  return response.json();
}

/** A chart's numbers as the page shows them: the rows of its table, cell by cell. */
export function table(onPage, id) {
  return onPage.locator(`#${id} tbody tr`).evaluateAll(rows => rows.map(row => [...row.cells].map(cell => cell.textContent)));
}

/** A web complaint through the public intake API; its tracking number. */
export async function postComplaint(customerName, customerEmail = `eva.${RUN}@example.com`) {
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

/** The open tasks of this key on the business key, as the user sees them, now (none is an answer too). */
export async function tasksOf(user, businessKey, taskKey) {
  return (await fetch(`${baseUrl}/engine-rest/task?processInstanceBusinessKey=${businessKey}`
    + `&taskDefinitionKey=${taskKey}`, { headers: basic(user) })).json();
}

/**
 * The one open task of this key on the business key, as the user sees it. The task may follow an asynchronous step
 * (the acknowledgement, asking the customer): waits up to a minute for the job executor, as a person would.
 */
export async function waitForTask(user, businessKey, taskKey) {
  let tasks = [];
  const deadline = Date.now() + 60_000;
  while (tasks.length === 0 && Date.now() < deadline) {
    tasks = await tasksOf(user, businessKey, taskKey);
    if (tasks.length === 0) await new Promise(done => setTimeout(done, 500));
  }
  assert.equal(tasks.length, 1, `${taskKey} open on ${businessKey}`);
  return tasks;
}

/** Claims the one open task of this key on the business key as the user and submits its form values. */
export async function completeAs(user, businessKey, taskKey, values) {
  const tasks = await waitForTask(user, businessKey, taskKey);
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

/** The complaint's state as the team lead's API gives it. */
export async function stateOf(trackingNumber) {
  return (await api(`/api/complaints/${trackingNumber}`)).state;
}

/** The answer goes out, after a team lead's review where the policy asks for one (a reopened complaint's does). */
export async function answerSent(trackingNumber) {
  await until(async () => {
    if (await stateOf(trackingNumber) === 'REPORTED') return true;
    const reviews = await tasksOf(SECOND_LEAD, trackingNumber, 'Task_ReviewAnswer');
    if (reviews.length > 0) await completeAs(SECOND_LEAD, trackingNumber, 'Task_ReviewAnswer', { answerApproved: 'true' });
    return false;
  }, 'the answer went out', 120);
}

/** The business key (RC-…) of the root cause process investigating this description. */
export async function rootCauseKeyOf(description) {
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

/** Signs the user in on a fresh page: another user's session and Tasklist's state stay behind. */
export async function freshLogIn(user) {
  await context.clearCookies();
  await page.close();
  page = await context.newPage();
  await page.goto(`${baseUrl}/camunda/app/tasklist/`);
  // The login form is re-rendered while the webapp starts: type once it has settled.
  await page.getByPlaceholder('Username').waitFor();
  await page.waitForLoadState('networkidle');
  await logIn(user);
}

/** Signs the user in to Cockpit on a clean session (a Tasklist session of another user stays behind). */
export async function logInToCockpit(user) {
  await context.clearCookies();
  await page.goto(`${baseUrl}/camunda/app/cockpit/`);
  // The login form is re-rendered while the webapp starts: type once it has settled.
  await page.getByPlaceholder('Username').waitFor();
  await page.waitForLoadState('networkidle');
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(user);
  await page.keyboard.press('Enter');
  await page.getByText('Processes').first().waitFor();
}

export async function logIn(user) {
  const loggedIn = page.getByText('Complaints for my groups');
  const username = page.getByPlaceholder('Username');
  for (let attempt = 1; ; attempt++) {
    await username.fill(user);
    await page.getByPlaceholder('Password').fill(user);
    await page.getByPlaceholder('Password').press('Enter');
    try {
      await loggedIn.waitFor({ timeout: 10_000 });
      return;
    } catch (notYet) {
      // The login form can be re-rendered while the webapp loads and lose what was typed (seen once in CI on a
      // loaded machine): while it is still there, type again; once it is gone, Tasklist is loading, so wait for it.
      if (attempt < 3 && await username.isVisible()) continue;
      try {
        await loggedIn.waitFor({ timeout: 30_000 });
        return;
      } catch (notLoggedIn) {
        await shot(`failed-login-${user}`);
        throw notLoggedIn;
      }
    }
  }
}

export async function openFilter(name) {
  await page.locator('.task-filter h4.name').filter({ hasText: name }).click();
}

/** Opens the task of this name whose card shows the text (a tracking number, a customer). */
export async function openTask(taskName, cardText) {
  const card = page.locator('ol.tasks-list > li').filter({ hasText: taskName }).filter({ hasText: cardText });
  await card.first().waitFor();
  await card.first().locator('h4').first().click();
  await page.locator('.fjs-form').waitFor();
}

/** A form field by the start of its label. */
export function field(label) {
  return page.locator('.fjs-form-field').filter({ hasText: label }).first();
}

export async function choose(label, option) {
  await field(label).locator('.fjs-input-group, .fjs-select-display, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

export async function dismissNotifications() {
  for (const close of await page.locator('.page-notifications .close').all()) {
    if (await close.isVisible()) await close.click();
  }
}

export function completeButton() {
  return page.locator('button', { hasText: 'Complete' });
}

/** Waits until the condition holds, as a person waits for the page. */
export async function until(condition, what, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await page.waitForTimeout(200);
  }
}

export async function backgroundOf(selector) {
  return page.locator(selector).first().evaluate(element => getComputedStyle(element).backgroundImage);
}

export async function shot(name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // A form's text whose template fails (a name it reads that the task does not have) shows "{{⚠}}" to the agent.
  const failed = await page.locator('.fjs-form').getByText('{{⚠}}').count();
  if (failed > 0) throw new Error(`${name}: ${failed} text(s) of the form show {{⚠}} instead of a value`);
}

export function daysFromNow(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date;
}

export function isoDate(date) {
  const two = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** The date as the form's date picker takes it: Rootfix's convention, dd-MM-yyyy (rootfix.locale.date-pattern). */
export function pickerDate(date) {
  const two = n => String(n).padStart(2, '0');
  return `${two(date.getDate())}-${two(date.getMonth() + 1)}-${date.getFullYear()}`;
}
