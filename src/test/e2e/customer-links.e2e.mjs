// The customer's side in a real browser (docs/customer-links.md): the customer opens the personal link from our
// message (read from the outbox through /api/messages, as an agent sends calls by hand), answers our question in
// Dutch, says "not resolved" and then "resolved" in English, and tells how much effort it took. A tampered link
// gets a clear page. Screenshots go to target/e2e/customer-links-*.png.
//
//   cd src/test/e2e && npm ci && node --test customer-links.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, LEAD, RUN, SECOND_LEAD, answerSent, api, baseUrl, basic, completeAs, daysFromNow, field,
  freshLogIn, isoDate, openFilter, openTask, page, rootCauseKeyOf, shot, stateOf, until, useApplication,
  waitForTask } from './rootfix.mjs';

useApplication(import.meta.url);

/** A web complaint in this language; its tracking number. */
async function complain(customerName, language) {
  const response = await fetch(`${baseUrl}/api/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      customerName, customerEmail: `${customerName.split(' ')[0].toLowerCase()}.${RUN}@example.com`, channel: 'web',
      category: 'delivery', description: 'The vase arrived broken.', desiredOutcome: 'replacement', language,
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).trackingNumber;
}

/** Agreed to hear from us by phone, so our messages wait in the outbox for an agent, where the test reads them. */
async function agreeAndPatch(trackingNumber) {
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'phone' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase' });
}

/** The link in our latest message of this kind, on this application's address. */
async function linkIn(trackingNumber, kind) {
  let message;
  await until(async () => {
    const messages = await (await fetch(`${baseUrl}/api/messages`, { headers: basic(AGENT) })).json();
    message = messages.filter(m => m.trackingNumber === trackingNumber && m.kind === kind).at(-1);
    return message !== undefined;
  }, `${kind} for ${trackingNumber}`, 60);
  const path = message.body.match(/https?:\/\/[^/\s]+(\/reply\/\S+)/)?.[1];
  assert.ok(path, `a link in ${message.body}`);
  return `${baseUrl}${path}`;
}

test('a Dutch customer answers our question through the link, once', async () => {
  const trackingNumber = await complain(`Eva Vraag ${RUN}`, 'nl');
  await agreeAndPatch(trackingNumber);
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', {
    needCustomerInformation: true, informationRequest: 'Welk ordernummer stond op het pakket?' });
  const link = await linkIn(trackingNumber, 'INFORMATION_REQUEST');

  await page.goto(link);
  await page.getByRole('heading', { name: 'Uw antwoord op onze vraag' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await page.getByText('Welk ordernummer stond op het pakket?').waitFor();
  await shot('customer-links-01-question-nl');

  // By keyboard, as a customer without a mouse would: the field has its label, the button follows it.
  await page.getByLabel('Uw antwoord').focus();
  await page.keyboard.type('Order 4711');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Dank u' }).waitFor();
  await shot('customer-links-02-answered-nl');
  await until(async () => await stateOf(trackingNumber) !== 'WAITING_FOR_CUSTOMER', 'the process went on');

  await page.goto(link);
  await page.getByText('Er is niets veranderd', { exact: false }).waitFor();
  await shot('customer-links-03-used-again-nl');
});

test('an English customer says "not resolved", then "resolved", then how much effort it took', async () => {
  const trackingNumber = await complain(`John Answer ${RUN}`, 'en');
  await agreeAndPatch(trackingNumber);
  const cause = `Vases without corners ${RUN}`;
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { rootCauseDescription: cause, oneOff: false });
  const rootCause = await rootCauseKeyOf(cause);
  await completeAs(LEAD, rootCause, 'Task_Investigate', { willFix: true, fixDeadline: isoDate(daysFromNow(10)) });
  await completeAs(LEAD, rootCause, 'Task_FixRootCause', { fixDescription: 'Corner protectors on every vase' });
  await completeAs(SECOND_LEAD, rootCause, 'Task_VerifyFix', { fixVerified: 'true' });

  // The agent writes only the body; the form shows the letter as the customer will get it, while they type.
  await waitForTask(AGENT, trackingNumber, 'Task_ReportBack');
  await freshLogIn(AGENT);
  await openFilter('My complaints');
  await openTask('Report back', trackingNumber);
  await field('Your answer to the customer').locator('textarea').fill('Your vase broke in our packing.');
  const preview = page.locator('.fjs-form pre');
  await until(async () => (await preview.innerText()).includes('Your vase broke in our packing.'), 'the preview follows');
  const letter = await preview.innerText();
  assert.match(letter, /^Our answer to your complaint RF-/);
  assert.match(letter, new RegExp(`Dear John Answer ${RUN},`));
  assert.match(letter, /Kind regards,\s+Sam Jansen\s+Customer Service\s*$/);
  assert.equal(letter.split('Dear ').length, 2, 'one greeting');
  assert.ok(!/\bsam\b/.test(letter), 'never the login');
  await preview.scrollIntoViewIfNeeded();
  await shot('customer-links-00-report-preview');
  await completeAs(AGENT, trackingNumber, 'Task_ReportBack', { answerText: 'Your vase broke in our packing.' });
  await answerSent(trackingNumber);

  const report = await linkIn(trackingNumber, 'REPORT');
  await page.goto(report);
  await page.getByRole('heading', { name: 'Is your complaint resolved?' }).waitFor();
  await page.getByText('Your vase broke in our packing.').waitFor();
  await shot('customer-links-04-confirm-en');
  await page.getByLabel('No, it is not resolved').check();
  await page.getByLabel('Comment (optional)').fill('The new vase has a crack too.');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('We pick your complaint up again').waitFor();
  await shot('customer-links-05-not-resolved-en');
  await until(async () => await stateOf(trackingNumber) === 'REOPENED', 'reopened');

  // Reopened: back to the root cause; the same cause is fixed already, so the answer goes out again.
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { rootCauseDescription: `${cause} (again)`, oneOff: false });
  const second = await rootCauseKeyOf(`${cause} (again)`);
  await completeAs(LEAD, second, 'Task_Investigate', { willFix: true, fixDeadline: isoDate(daysFromNow(10)) });
  await completeAs(LEAD, second, 'Task_FixRootCause', { fixDescription: 'Thicker walls' });
  await completeAs(SECOND_LEAD, second, 'Task_VerifyFix', { fixVerified: 'true' });
  await completeAs(AGENT, trackingNumber, 'Task_ReportBack', { answerText: 'We replaced it with a stronger vase.' });
  await answerSent(trackingNumber);

  const again = await linkIn(trackingNumber, 'REPORT');
  await page.goto(again);
  await page.getByLabel('Yes, it is resolved').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('We are glad it is resolved').waitFor();
  await until(async () => await stateOf(trackingNumber) === 'CLOSED', 'closed', 60);

  // The first link, after closing: nothing to do, nothing changed.
  await page.goto(report);
  await page.getByText('Nothing was changed', { exact: false }).waitFor();
  assert.equal(await stateOf(trackingNumber), 'CLOSED');

  const effort = await linkIn(trackingNumber, 'CLOSING');
  await page.goto(effort);
  await page.getByText('How much effort did it take you').waitFor();
  await shot('customer-links-06-effort-en');
  await page.getByLabel('2', { exact: true }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('Thank you for your answer').waitFor();
  await shot('customer-links-07-effort-thanks-en');
  const insight = await api('/api/insights/customer-effort');
  assert.ok(insight.answered >= 1);
  assert.ok(insight.scores['2'] >= 1);
});

test('a tampered link gets a clear page in the customer\'s words', async () => {
  await page.goto(`${baseUrl}/reply/1-1-answer-9999999999-${'A'.repeat(43)}?lang=en`);
  await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
  await shot('customer-links-08-tampered-en');
});
