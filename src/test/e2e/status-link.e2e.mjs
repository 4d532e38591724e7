// The status page sends the customer their personal link (docs/customer-links.md): a customer who looked up their
// complaint while we wait for their answer presses "Answer our question", the page says a link went to the contact
// we have on file (naming none), and the link in that message opens our question. Screenshots go to
// target/e2e/status-link-*.png.
//
//   cd src/test/e2e && npm ci && node --test status-link.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, RUN, baseUrl, basic, completeAs, daysFromNow, isoDate, page, postComplaint, shot, until,
  useApplication, waitForTask } from './rootfix.mjs';

useApplication(import.meta.url);

test('a customer who looked up their complaint asks for their link and it opens our question', async () => {
  const email = `eva.link.${RUN}@example.com`;
  const trackingNumber = await postComplaint(`Eva Link ${RUN}`, email);
  // By phone: our messages wait in the outbox for an agent, where the test reads them.
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'phone' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase' });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', {
    needCustomerInformation: true, informationRequest: 'Which order number was on the parcel?' });

  // Asking the customer is asynchronous; the status lookup is rate-limited (30 a minute per client), so the test
  // waits for the step through the engine and then looks up once, as the customer would.
  await waitForTask(AGENT, trackingNumber, 'Task_AwaitCustomerInformation');
  await page.goto(`${baseUrl}/status?trackingNumber=${trackingNumber}`);
  await page.getByLabel('Your e-mail address or phone number').fill(email);
  await page.getByRole('button', { name: 'Show' }).click();
  const button = page.getByRole('button', { name: 'Answer our question' });
  await button.waitFor();
  await shot('status-link-01-offered');

  await button.click();
  const sent = page.getByText('We have sent your personal link');
  await sent.waitFor();
  assert.ok(!(await page.locator('main').textContent()).includes(email), 'the page names no address');
  await shot('status-link-02-sent');

  let message;
  await until(async () => {
    const messages = await (await fetch(`${baseUrl}/api/messages`, { headers: basic(AGENT) })).json();
    message = messages.find(m => m.trackingNumber === trackingNumber && m.kind === 'YOUR_LINK');
    return message !== undefined;
  }, 'the link message', 60);
  const path = message.body.match(/https?:\/\/[^/\s]+(\/reply\/\S+)/)?.[1];
  assert.ok(path, message.body);
  await page.goto(`${baseUrl}${path}`);
  await page.getByText('Which order number was on the parcel?').waitFor();
  await shot('status-link-03-question');
});
