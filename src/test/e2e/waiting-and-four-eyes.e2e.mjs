// Waiting for a fix, four eyes without traps and the customer's status page of a closed complaint, in a real
// browser (docs/developers.md: The browser tests; docs/service-staff.md: Waiting for a fix, Four eyes).
//
//   mvn -B -o -q package -DskipTests && cd src/test/e2e && node --test waiting-and-four-eyes.e2e.mjs
//
// Screenshots go to target/e2e/waiting-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, LEAD, RUN, SECOND_LEAD, baseUrl, basic, completeAs, completeButton, daysFromNow, field,
  freshLogIn, isoDate, logInToCockpit, openFilter, openTask, page, postComplaint, rootCauseKeyOf, shot,
  tasksOf, until, useApplication } from './rootfix.mjs';

const EMAIL = `eva.waiting.${RUN}@example.com`;
const TITLE = `Lids crack in the cold ${RUN}`;
const CAUSE = `The lids are moulded from a brittle plastic ${RUN}`;
const DEADLINE = daysFromNow(10);

useApplication(import.meta.url);

let trackingNumber;
let rootCause;

/** The open tasks of this key on the business key, as the engine lists them to the user. */
async function eventually(condition, what, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await new Promise(done => setTimeout(done, 500));
  }
}

test('a complaint waiting for its fix is in "Waiting for a fix" with the root cause and its deadline', async () => {
  trackingNumber = await postComplaint(`Eva de Wit ${RUN}`, EMAIL);
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'email' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new jar' });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { rootCauseTitle: TITLE, rootCauseDescription: CAUSE });
  rootCause = await rootCauseKeyOf(CAUSE);
  await completeAs(LEAD, rootCause, 'Task_Investigate', { willFix: true, fixDeadline: isoDate(DEADLINE) });

  await freshLogIn(AGENT);
  await openFilter('Waiting for a fix');
  const card = page.locator('ol.tasks-list > li').filter({ hasText: trackingNumber });
  await card.first().waitFor();
  const two = n => String(n).padStart(2, '0');
  const due = `${two(DEADLINE.getDate())}-${two(DEADLINE.getMonth() + 1)}-${DEADLINE.getFullYear()}`;
  const text = await card.first().innerText();
  assert.match(text, /Wait for the root cause's fix/);
  assert.ok(text.includes(TITLE), `the card names the root cause: ${text}`);
  assert.ok(text.includes(due), `the card shows the fix deadline ${due}: ${text}`);
  await shot('waiting-01-filter');

  await openTask("Wait for the root cause's fix", trackingNumber);
  await page.locator('.fjs-form').getByText('There is nothing to complete here').waitFor();
  await page.locator('.fjs-form').getByText(TITLE).waitFor();
  await shot('waiting-02-form');
});

test('the team lead who fixed it is not offered "Verify the fix"; another lead is and verifies it', async () => {
  await completeAs(LEAD, rootCause, 'Task_FixRootCause', { fixDescription: 'Lids from a cold-proof plastic' });

  await freshLogIn(LEAD);
  for (const filter of ['Root causes', 'Complaints for my groups', 'Due soonest']) {
    await openFilter(filter);
    await page.waitForLoadState('networkidle');
    const verify = page.locator('ol.tasks-list > li').filter({ hasText: 'Verify the fix' }).filter({ hasText: TITLE });
    assert.equal(await verify.count(), 0, `${LEAD} fixed it: no Verify the fix in ${filter}`);
  }
  await openFilter('Root causes');
  await shot('waiting-03-fixer-root-causes');

  await freshLogIn(SECOND_LEAD);
  await openFilter('Root causes');
  await openTask('Verify the fix', TITLE);
  await page.locator('.fjs-form').getByText('Fixed by:').waitFor();
  const claim = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
  await claim.click();
  await claim.waitFor({ state: 'hidden' });
  const yes = field('Does the fix remove the cause?').getByLabel('Yes, it works: tell the customers');
  await until(() => yes.isEditable(), 'the form is open for input');
  await yes.check();
  await shot('waiting-04-other-lead-verifies');
  await completeButton().click();
  await eventually(async () => (await tasksOf(AGENT, trackingNumber, 'Task_ReportBack')).length === 1,
    'the fix ends the wait and the complaint goes on to Report back');
  assert.equal((await tasksOf(AGENT, trackingNumber, 'Task_WaitForFix')).length, 0);
});

test('the status page of a closed complaint says it is closed and lists what we sent, in Rootfix colours', async () => {
  await completeAs(AGENT, trackingNumber, 'Task_ReportBack', { answerText: 'Our lids no longer crack in the cold.' });
  await eventually(async () => (await tasksOf(AGENT, trackingNumber, 'Task_RecordCustomerConfirmation')).length === 1,
    'the answer is sent');
  await completeAs(AGENT, trackingNumber, 'Task_RecordCustomerConfirmation', { resolved: 'true' });
  // Through the agents' API: the public status lookup is rate-limited (30 a minute per client), too few to poll.
  const state = async () => (await (await fetch(`${baseUrl}/api/complaints/${trackingNumber}`,
    { headers: basic(AGENT) })).json()).state;
  await eventually(async () => (await state()) === 'CLOSED', 'the complaint closes');

  await page.goto(`${baseUrl}/status?trackingNumber=${trackingNumber}`);
  await page.locator('#contact').fill(EMAIL);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('#status').waitFor();
  assert.equal(await page.locator('#agreedAnswerDate').isVisible(), false, 'no "Our answer comes by" once closed');
  assert.equal(await page.getByText('Our answer comes by').isVisible(), false);
  assert.equal(await page.locator('#closedAt').isVisible(), true);
  assert.match(await page.locator('#stateText').innerText(), /closed\. We closed it on /);
  assert.equal(await page.locator('#noMessages').isVisible(), false, 'not "Nothing yet"');
  assert.ok(await page.locator('#messages li').count() >= 3, 'acknowledgement, answer and closing');
  assert.equal(await page.locator('header.brand img[alt="Rootfix"]').evaluate(img => img.naturalWidth > 0), true,
    'the logo loads');
  await page.mouse.move(0, 0); // not hovering the button
  assert.equal(await page.locator('button[type=submit]').evaluate(b => getComputedStyle(b).backgroundColor),
    'rgb(13, 110, 110)', 'the Rootfix teal');
  await shot('waiting-05-status-closed');
});

test("a critical complaint's answer goes to another lead, whose form shows why, the one-off's note and the remedy from the ledger", async () => {
  const received = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customerName: `Eva de Wit ${RUN}`, customerEmail: `eva.review.${RUN}@example.com`, channel: 'web',
      category: 'delivery', severity: 'critical', description: 'The vase arrived broken, again.',
      desiredOutcome: 'refund', amount: 40, orderReference: `ORD-${RUN}`,
    }),
  });
  assert.equal(received.status, 201);
  const critical = (await received.json()).trackingNumber;
  await completeAs(AGENT, critical, 'Task_AgreeExpectation', {
    desiredOutcome: 'refund', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'email' });
  await completeAs(AGENT, critical, 'Task_PatchSymptom', { patchDescription: 'Apologised; the refund is on its way' });
  await completeAs(AGENT, critical, 'Task_FindRootCause', {
    oneOff: true, oneOffReason: 'PARTNER_SLIP', oneOffNote: 'The courier admitted dropping it' });
  await completeAs(AGENT, critical, 'Task_ReportBack', { answerText: 'Our courier dropped your vase; we refunded it.' });

  await freshLogIn(SECOND_LEAD);
  await openFilter('Complaints for my groups');
  await openTask('Review the answer', critical);
  const form = page.locator('.fjs-form');
  // Why a review: the policy's decision on the complaint row (the process keeps no copy of it).
  await form.getByText('Critical severity: always checked').waitFor();
  // A one-off's note, which only a one-off has (the flag itself went with the gateway that read it).
  assert.equal(await field('A one-off: why no fundamental fix was needed').locator('textarea').inputValue(),
    'The courier admitted dropping it');
  // The remedy line reads the ledger (the complaint keeps no copy of the remedy's type and amount).
  await form.getByText('Remedy: Refund of EUR 40,00', { exact: true }).waitFor();
  // shot() also fails on a template reading a name the task does not have ({{⚠}}).
  await shot('waiting-07-review-remedy-from-ledger');
});

test('Cockpit draws the complaint and promise diagrams (screenshots to read at default zoom)', async () => {
  await logInToCockpit('demo');
  for (const key of ['complaint', 'promise', 'root-cause']) {
    const definition = await (await fetch(`${baseUrl}/engine-rest/process-definition/key/${key}`,
      { headers: basic('demo') })).json();
    await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/process-definition/${definition.id}/runtime`);
    // Cockpit is one page: wait for this definition's breadcrumb and its diagram, not the last one's.
    await page.getByText(`${definition.name} : Runtime`).waitFor();
    await page.locator(`.djs-container [data-element-id="${definition.key === 'complaint' ? 'Task_WaitForFix'
      : definition.key === 'promise' ? 'Timer_Reminder' : 'Task_VerifyFix'}"]`).first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(`waiting-06-cockpit-${key}`);
  }
});
