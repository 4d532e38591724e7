// Service staff in Tasklist, end to end in a real browser (docs/developers.md: The browser test).
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
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AGENT, LEAD, RUN, SHOTS, api, backgroundOf, baseUrl, basic, choose, completeButton, context,
  daysFromNow, dismissNotifications, field, logIn, openFilter, openTask, page, pickerDate, postComplaint, shot,
  table, until, useApplication } from './rootfix.mjs';

const WEB_CUSTOMER = `Eva de Wit ${RUN}`;
const PHONE_CUSTOMER = `Kees Klein ${RUN}`;

useApplication(import.meta.url);

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

  await date.fill(pickerDate(daysFromNow(14)));
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

  // Tasklist opens the new complaint's Agree expectation by itself (scripts/rootfix.js; agent-day.e2e.mjs).
  await page.locator('.fjs-form').getByText(PHONE_CUSTOMER).first().waitFor();
  await shot('08-phone-complaint-to-agree');
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
    'weekly', 'customer-effort'];
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

