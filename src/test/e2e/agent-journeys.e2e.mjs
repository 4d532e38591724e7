// The agent's journeys in a real browser (issue #20, docs/developers.md: The browser test): each one as the agent
// sam and the team lead ivo live it in Tasklist — open the filter, open the task, claim, fill, complete —
// and each ends by checking the state through the API: the promise kept or released, the message to the customer
// written, the remedy paid once or refused, the complaint reopened with the disputes committee named.
// Steps a journey is not about go through the engine REST API (completeAs), as the other browser tests do.
// Screenshots go to target/e2e/journeys-*.png.
//
//   mvn -B -o -q package -DskipTests && cd src/test/e2e && STARTUP_SECONDS=600 node --test agent-journeys.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AGENT, RUN, SECOND_LEAD, SHOTS, answerSent, api, baseUrl, basic, completeAs, completeButton,
  daysFromNow, dismissNotifications, freshLogIn, isoDate, openFilter, openTask, page, pickerDate, shot,
  stateOf, until, useApplication, waitForTask } from './rootfix.mjs';

useApplication(import.meta.url);

// --- the journeys -----------------------------------------------------------------------------------

test('an extra promise: a call-back promised on Agree expectation, marked kept on Patch the symptom', async () => {
  const trackingNumber = await complain(`Carla Callback ${RUN}`);

  await freshLogIn(AGENT);
  await openFilter('Complaints for my groups');
  await openTask('Agree expectation', trackingNumber);
  await claim();
  await fillDate(field('Answer promised by'), daysFromNow(14));
  await choose('How does the customer want to hear from us?', 'Phone call');
  await field('I promised the customer something else').locator('input[type=checkbox]').check();
  await choose('What did you promise?', 'A call back');
  await field('What exactly did you promise?').locator('input').fill('We call you back tomorrow before 17:00');
  await fillDate(field('By when'), daysFromNow(1), '16:45');
  await shot('journeys-01-callback-promised');
  await complete();

  const callback = await eventually(async () => (await promisesOf(trackingNumber)).find(p => p.type === 'CALLBACK'),
    'the call-back is recorded');
  assert.equal(callback.state, 'OPEN');
  assert.equal(callback.text, 'We call you back tomorrow before 17:00');
  assert.equal(callback.madeBy, AGENT);
  assert.equal(await watchesOf(trackingNumber), 2, 'the answer promise and the call-back are watched');

  // The next form lists the call-back under "Promises still open"; sam called back, and says so.
  await openFilter('My complaints');
  await openTask('Patch the symptom', trackingNumber);
  await claimIfOffered();
  const open = page.locator('.fjs-form-field-group').filter({ hasText: 'Promises still open' });
  await open.getByText('We call you back tomorrow', { exact: false }).first().waitFor();
  await choose('Did you keep one of them?', 'We call you back tomorrow');
  await field('What did you do to relieve').locator('textarea').fill('Called back: a new vase is on its way');
  await shot('journeys-02-callback-kept');
  await complete();

  await until(async () => (await promiseById(trackingNumber, callback.id)).state === 'KEPT', 'the call-back is kept');
  const kept = await promiseById(trackingNumber, callback.id);
  assert.equal(kept.keptBy, AGENT);
  assert.equal((await promisesOf(trackingNumber)).find(p => p.type === 'ANSWER').state, 'OPEN',
    'only the call-back ended: the answer promise still runs');
  assert.equal(await watchesOf(trackingNumber), 1, 'the call-back is no longer watched');
});

test('closing settles the open promises on the form: one kept, the rest released with a note the customer gets', async () => {
  const trackingNumber = await complain(`Rob Release ${RUN}`);
  await agree(trackingNumber);
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase',
    ...promising('callback', 'We call you when the vase has shipped', 3) });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { ...oneOff(),
    ...promising('other', 'We send you a voucher for the next order', 10) });
  await reportBack(trackingNumber, 'The courier dropped your parcel; a new vase is with you.');
  const [callback, voucher] = (await promisesOf(trackingNumber)).filter(p => p.type !== 'ANSWER');

  await freshLogIn(AGENT);
  await openFilter('My complaints');
  await openTask("Record the customer's confirmation", trackingNumber);
  await claimIfOffered();
  const promiseMore = page.locator('.fjs-form').getByText('I promised the customer something else');
  assert.equal(await promiseMore.isVisible(), true, 'before the answer is chosen, a promise may still be made');
  await page.locator('.fjs-form').getByText('Yes, the customer confirms it is resolved').click();
  // The complaint closes from here: nothing new may be promised on it, so the form no longer offers it.
  await promiseMore.waitFor({ state: 'hidden' });
  const open = page.locator('.fjs-form-field-group').filter({ hasText: 'Promises still open' });
  await open.getByText('We send you a voucher', { exact: false }).first().waitFor();
  await choose('Did you keep one of them?', 'We call you when the vase has shipped');
  await page.locator('.fjs-form').getByText('Release them', { exact: false }).click();
  await field('Why are they released?').locator('textarea').fill('The customer does not want a voucher');
  await field('What do you tell the customer?').locator('textarea')
    .fill('As agreed on the phone, we do not send you a voucher.');
  await shot('journeys-03-closing-settles-promises');
  await complete();

  await until(async () => await stateOf(trackingNumber) === 'CLOSED', 'the complaint is closed');
  const settled = await promisesOf(trackingNumber);
  assert.deepEqual(settled.map(p => [p.type, p.state]), [['ANSWER', 'KEPT'], ['CALLBACK', 'KEPT'], ['OTHER', 'RELEASED']]);
  assert.equal(settled.find(p => p.id === callback.id).keptBy, AGENT);
  const released = settled.find(p => p.id === voucher.id);
  assert.equal(released.releasedBy, AGENT);
  assert.equal(released.releaseNote, 'The customer does not want a voucher');
  const message = await messageOf(trackingNumber, 'PROMISE_RELEASED');
  assert.match(message.body, /We send you a voucher for the next order/);
  assert.match(message.body, /As agreed on the phone, we do not send you a voucher\./);
  assert.doesNotMatch(message.body, /We call you when the vase has shipped/, 'the kept promise is not released');
  assert.equal(await watchesOf(trackingNumber), 0, 'no promise is watched after closing');
});

test('waiting for the customer: the question and the answer show on the next forms', async () => {
  const trackingNumber = await complain(`Wim Wacht ${RUN}`);
  await agree(trackingNumber);
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Apologised' });
  const question = 'Which order number is on the parcel label?';

  await freshLogIn(AGENT);
  await openFilter('My complaints');
  await openTask('Find the root cause', trackingNumber);
  await claimIfOffered();
  await field('I need information from the customer first').locator('input[type=checkbox]').check();
  await field('What do you ask the customer?').locator('textarea').fill(question);
  await shot('journeys-04-ask-the-customer');
  await complete();
  await until(async () => await stateOf(trackingNumber) === 'WAITING_FOR_CUSTOMER', 'waiting for the customer');

  await openFilter('My complaints');
  await openTask('Await customer information', trackingNumber);
  await page.locator('.fjs-form').getByText(question).first().waitFor();
  await shot('journeys-05-awaiting-the-customer');

  // The customer answers through the personal link in our question (an agent phones it through here: the
  // customer agreed to hear from us by phone, so the question waits in the outbox for the agent).
  const asked = await messageOf(trackingNumber, 'INFORMATION_REQUEST');
  assert.match(asked.body, new RegExp(question.replace('?', '\\?')));
  const customer = await page.context().newPage();
  await customer.goto(`${baseUrl}${asked.body.match(/https?:\/\/[^/\s]+(\/reply\/\S+)/)[1]}`);
  await customer.getByText(question).waitFor();
  await customer.getByLabel('Your answer').fill('ORD-8812');
  await customer.screenshot({ path: join(SHOTS, 'journeys-06-customer-answers.png'), fullPage: true });
  await customer.getByRole('button', { name: 'Send my answer' }).click();
  await customer.getByRole('heading', { name: 'Thank you' }).waitFor();
  await customer.close();
  await until(async () => await stateOf(trackingNumber) !== 'WAITING_FOR_CUSTOMER', 'the answer moved the complaint on');

  // Back to the list: the open "Await customer information" is gone now.
  await page.goto(`${baseUrl}/camunda/app/tasklist/`);
  await openFilter('My complaints');
  await openTask('Find the root cause', trackingNumber);
  const asking = page.locator('.fjs-form p').filter({ hasText: 'We asked the customer:' }).first();
  await asking.waitFor();
  assert.match(await asking.innerText(), new RegExp(`${question.replace('?', '\\?')}\\s*The customer answered: ORD-8812`));
  await asking.scrollIntoViewIfNeeded();
  await shot('journeys-07-answer-on-find-the-root-cause');

  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', oneOff());
  await waitForTask(AGENT, trackingNumber, 'Task_ReportBack');
  await openFilter('My complaints');
  await openTask('Report back', trackingNumber);
  const onReport = page.locator('.fjs-form p').filter({ hasText: 'We asked the customer:' }).first();
  await onReport.waitFor();
  assert.match(await onReport.innerText(), /The customer answered: ORD-8812/);
  await shot('journeys-08-answer-on-report-back');
});

test('a remedy above the limit: a team lead approves one (paid once) and refuses another (the reason reaches the customer)', async () => {
  const approved = await complain(`Anna Akkoord ${RUN}`, { desiredOutcome: 'refund', amount: 750, orderReference: 'ORD-750' });
  const refused = await complain(`Rens Refus ${RUN}`, { desiredOutcome: 'replacement', amount: 1200, orderReference: 'ORD-1200' });
  await agree(approved, 'refund');
  await agree(refused, 'replacement');
  for (const trackingNumber of [approved, refused]) {
    await waitForTask(SECOND_LEAD, trackingNumber, 'Task_ApproveRemedy');
    assert.equal((await remediesOf(trackingNumber))[0].state, 'AWAITING_APPROVAL');
  }

  await freshLogIn(SECOND_LEAD);
  await openFilter('Complaints for my groups');
  await openTask('Approve the remedy', approved);
  await claimIfOffered();
  assert.equal(await field('Grant the remedy').locator('input[type=checkbox]').isChecked(), true, 'granting is the default');
  await shot('journeys-09-approve-remedy');
  await complete();

  await openFilter('Complaints for my groups');
  await openTask('Approve the remedy', refused);
  await claimIfOffered();
  await field('Grant the remedy').locator('input[type=checkbox]').uncheck();
  await choose('Why do you refuse it?', 'Already compensated');
  await field('Note').locator('textarea').fill('Refunded in full last week, order ORD-1200');
  await shot('journeys-10-refuse-remedy');
  await complete();

  // Approved: paid by the service task, once.
  await until(async () => (await remediesOf(approved))[0].state === 'PAID', 'the refund is paid');
  const paid = await remediesOf(approved);
  assert.equal(paid.length, 1, 'one remedy');
  assert.equal(paid[0].approvedBy, SECOND_LEAD);
  assert.ok(paid[0].externalReference, 'the payout is recorded with its reference');
  assert.equal((await promisesOf(approved)).find(p => p.type === 'REFUND').state, 'KEPT');

  // Refused: nothing paid or shipped; the agent sees why on the next forms and tells the customer in the answer.
  const [refusal] = await remediesOf(refused);
  assert.equal(refusal.state, 'REFUSED');
  assert.equal(refusal.approvedBy, SECOND_LEAD);
  assert.equal(refusal.externalReference ?? null, null, 'nothing shipped');
  assert.match(refusal.refusalReason, /Refunded in full last week/);
  assert.equal((await promisesOf(refused)).some(p => p.type === 'DELIVERY'), false, 'no delivery promised');
  await completeAs(AGENT, refused, 'Task_PatchSymptom', { patchDescription: 'Explained the earlier refund' });
  await completeAs(AGENT, refused, 'Task_FindRootCause', oneOff());
  await waitForTask(AGENT, refused, 'Task_ReportBack');
  await freshLogIn(AGENT);
  await openFilter('My complaints');
  await openTask('Report back', refused);
  await page.locator('.fjs-form').getByText('Refunded in full last week', { exact: false }).first().waitFor();
  await field('Your answer to the customer').locator('textarea').fill(
    'We do not send a replacement: your order ORD-1200 was refunded in full last week.');
  await shot('journeys-11-report-the-refusal');
  await complete();
  await answerSent(refused);
  assert.match((await messageOf(refused, 'REPORT')).body, /was refunded in full last week/);
});

test('reopened twice: the second time the customer is pointed to the disputes committee', async () => {
  const trackingNumber = await complain(`Dirk Dispuut ${RUN}`);
  await agree(trackingNumber);
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase' });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', oneOff());
  await reportBack(trackingNumber, 'The courier dropped your parcel.');

  await freshLogIn(AGENT);
  await notResolved(trackingNumber, 'The new vase is cracked as well.');
  await until(async () => await stateOf(trackingNumber) === 'REOPENED', 'reopened');
  assert.equal(await messageOf(trackingNumber, 'DISPUTES_COMMITTEE', 0), undefined, 'not after the first reopen');

  await openFilter('My complaints');
  await openTask('Find the root cause', trackingNumber);
  await page.locator('.fjs-form').getByText('Reopened', { exact: false }).first().waitFor();
  // What the agent recorded as still wrong on the closing form is what the next round starts from.
  assert.equal(await field('What the customer said when reopening').locator('textarea').inputValue(),
    'The new vase is cracked as well.');
  assert.equal(await disputesNotice().isVisible(), false, 'no disputes committee after the first reopen');
  await shot('journeys-12-reopened-once');
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', oneOff());
  await reportBack(trackingNumber, 'The second vase broke in the same van: we now ship by another courier.');

  await notResolved(trackingNumber, 'Still broken, I want my money back.');
  await until(async () => (await api(`/api/complaints/${trackingNumber}`)).reopenCount === 2, 'reopened again');
  const committee = await messageOf(trackingNumber, 'DISPUTES_COMMITTEE');
  assert.match(committee.body, /Geschillencommissie/);
  assert.match(committee.body, new RegExp(trackingNumber));
  assert.match(committee.body, /reopened 2 times/);

  await openFilter('My complaints');
  await openTask('Find the root cause', trackingNumber);
  await page.locator('.fjs-form').getByText('reopened 2 time', { exact: false }).first().waitFor();
  await disputesNotice().waitFor();
  await disputesNotice().scrollIntoViewIfNeeded();
  await shot('journeys-13-reopened-twice');
});

// --- steps --------------------------------------------------------------------------------------------

/** A web complaint of a customer of its own (a second one of the same customer would be a repeat contact). */
async function complain(customerName, { desiredOutcome = 'replacement', amount, orderReference } = {}) {
  const customerEmail = `${customerName.split(' ').join('.').toLowerCase()}@example.com`;
  const response = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customerName, customerEmail, channel: 'web', category: 'delivery', description: 'The vase arrived broken.',
      desiredOutcome, amount, orderReference, language: 'en',
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).trackingNumber;
}

/** Agreed with the customer: by phone, so every message to them waits in the outbox where the journey reads it. */
async function agree(trackingNumber, desiredOutcome = 'replacement') {
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome, agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'phone' });
}

/** The form values of one more promise, due at 17:00 that many days ahead. */
function promising(promiseType, promiseText, days) {
  return { makePromise: true, promiseType, promiseText, promiseDue: `${isoDate(daysFromNow(days))}T17:00` };
}

function oneOff() {
  return { oneOff: true, oneOffReason: 'PARTNER_SLIP', oneOffNote: 'The courier dropped the parcel' };
}

/** Report back sent, after a team lead's review where the policy asks for one. */
async function reportBack(trackingNumber, answerText) {
  await completeAs(AGENT, trackingNumber, 'Task_ReportBack', { answerText });
  await answerSent(trackingNumber);
  await waitForTask(AGENT, trackingNumber, 'Task_RecordCustomerConfirmation');
}

/** On "Record the customer's confirmation": the customer says it is not resolved. */
async function notResolved(trackingNumber, whatIsWrong) {
  await openFilter('My complaints');
  await openTask("Record the customer's confirmation", trackingNumber);
  await claimIfOffered();
  await page.locator('.fjs-form').getByText('No, the customer says it is not resolved').click();
  await choose('Why is it not resolved?', 'The problem is still there');
  await field('What exactly is still wrong?').locator('textarea').fill(whatIsWrong);
  await complete();
}

/** The line on "Find the root cause" telling the agent the customer was pointed to the disputes committee. */
function disputesNotice() {
  return page.locator('.fjs-form').getByText('independent disputes committee', { exact: false });
}

async function remediesOf(trackingNumber) {
  return api(`/api/complaints/${trackingNumber}/remedies`);
}

/** The latest message of this kind to the customer, waiting for the agent to send it; waited for up to `seconds`. */
async function messageOf(trackingNumber, kind, seconds = 60) {
  const latest = async () => (await (await fetch(`${baseUrl}/api/messages`, { headers: basic(AGENT) })).json())
    .filter(m => m.trackingNumber === trackingNumber && m.kind === kind).at(-1);
  return seconds === 0 ? latest() : eventually(latest, `${kind} for ${trackingNumber}`, seconds);
}

/**
 * A form field by the start of its label: the field itself, not the group around it (a group's text holds its
 * fields' labels too, so "What did you promise?" would otherwise find the group "Promise the customer something else").
 */
function field(label) {
  return page.locator('.fjs-form-field:not(:has(.fjs-form-field))').filter({ hasText: label }).first();
}

async function choose(label, option) {
  await field(label).locator('.fjs-input-group, .fjs-select-display, input').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** Claims the open task when it is not assigned yet (a complaint's later tasks go to its owner). */
async function claimIfOffered() {
  const button = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
  await page.locator('.fjs-form').waitFor();
  if (await button.isVisible()) await claim();
  else await until(() => completeButton().isEnabled(), 'Complete is enabled');
}

/** Claims the open task, as a person clicks "Claim", and waits until its form takes input. */
async function claim() {
  const button = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
  await button.click();
  await button.waitFor({ state: 'hidden' });
  await until(() => completeButton().isEnabled(), 'Complete is enabled');
}

/** Completes the open form and expects the server to take it. */
async function complete() {
  await dismissNotifications();
  const isSubmit = response => /\/submit-form$/.test(response.url());
  const submitted = page.waitForResponse(isSubmit, { timeout: 60_000 });
  const sent = page.waitForRequest(isSubmit, { timeout: 10_000 }).then(() => true, () => false);
  await completeButton().click();
  // A click while Tasklist still renders the form is lost now and then; a person clicks again.
  if (!await sent) {
    await shot('journeys-complete-clicked-again');
    await completeButton().click();
  }
  const response = await submitted;
  assert.equal(response.status(), 204, await response.text());
}

/**
 * Types a date (and a time) into a form's date field the way its picker asks for it: the placeholder says the
 * format, so the journey does not depend on one (Tasklist's date format may change).
 */
async function fillDate(dateField, date, time) {
  const dateInput = dateField.locator('input:visible').first();
  const placeholder = ((await dateInput.getAttribute('placeholder')) ?? 'mm/dd/yyyy').toLowerCase();
  const two = n => String(n).padStart(2, '0');
  const parts = { dd: two(date.getDate()), mm: two(date.getMonth() + 1), yyyy: String(date.getFullYear()) };
  const text = placeholder.includes('/') || placeholder.includes('-') || placeholder.includes('.')
    ? placeholder.replace(/dd|mm|yyyy/g, part => parts[part]) : pickerDate(date);
  await dateInput.fill(text);
  await dateInput.press('Enter');
  if (time) {
    const timeInput = dateField.locator('input:visible').nth(1);
    await timeInput.fill(time);
    await timeInput.press('Enter');
  }
}

/** The first value the lookup finds, waited for as a person waits for the page. */
async function eventually(lookup, what, seconds = 60) {
  let found;
  await until(async () => (found = await lookup()) !== undefined, what, seconds);
  return found;
}

async function promisesOf(trackingNumber) {
  return api(`/api/complaints/${trackingNumber}/promises`);
}

async function promiseById(trackingNumber, id) {
  return (await promisesOf(trackingNumber)).find(p => p.id === id);
}

/** The promise watches (promise.bpmn instances) still running for the complaint. */
async function watchesOf(trackingNumber) {
  const response = await fetch(`${baseUrl}/engine-rest/process-instance/count?processDefinitionKey=promise`
    + `&businessKeyLike=${encodeURIComponent(`${trackingNumber}/%`)}`, { headers: basic('demo') });
  assert.equal(response.status, 200);
  return (await response.json()).count;
}
