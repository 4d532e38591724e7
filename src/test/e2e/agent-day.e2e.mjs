// An agent's day in Tasklist without traps (issue #20 items 10-12): the phone intake tells the tracking number and
// opens Agree expectation; the date picker reads dd-MM-yyyy; the footer names Rootfix's zone; the answer box on
// Report back is full width. Screenshots agent-day-*.png in target/e2e/.
//
//   cd src/test/e2e && node --test agent-day.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AGENT, RUN, api, baseUrl, basic, choose, completeAs, daysFromNow, field, isoDate, logIn, page, pickerDate,
  postComplaint, shot, until, useApplication,
} from './rootfix.mjs';

const CALLER = `Kees Klein ${RUN}`;

useApplication(import.meta.url);


test('the phone intake tells the tracking number and opens Agree expectation, claimed by the agent', async () => {
  await page.goto(`${baseUrl}/camunda/app/tasklist/`);
  await page.getByPlaceholder('Username').waitFor();
  await page.waitForLoadState('networkidle');
  await logIn(AGENT);

  await page.getByText('Start process', { exact: true }).click();
  await page.locator('.modal-content ul.processes a', { hasText: 'Complaint' }).first().click();
  await page.locator('.modal-content').getByText('Phone intake').first().waitFor();
  await field('Customer name').locator('input').fill(CALLER);
  await field('Phone number').locator('input').fill(`+31 10 ${RUN.slice(-3).replace(/\D/g, '1').padStart(3, '1')} 4567`);
  await choose('What is the complaint about?', 'Product quality');
  await field("What happened, in the customer's words").locator('textarea').fill('The kettle leaks.');
  await choose('What does the customer want?', 'A repair');
  const submitted = page.waitForResponse(response => /\/submit-form$/.test(response.url()));
  await page.locator('.modal-content button', { hasText: 'Start' }).last().click();
  const processInstanceId = (await (await submitted).json()).id;

  const notice = page.locator('#rootfix-started');
  await notice.getByText(/RF-\d{4}-\d+/).waitFor();
  const trackingNumber = (await notice.locator('strong').innerText()).trim();
  const complaint = await api(`/api/complaints/${trackingNumber}`);
  assert.equal(complaint.customer.name, CALLER, 'the notice names the complaint just taken');

  // Agree expectation opens, claimed by sam, with the new complaint on it.
  await page.locator('.fjs-form').getByText(CALLER).first().waitFor();
  await until(async () => /task=/.test(page.url()), 'the task is opened');
  const tasks = await (await fetch(`${baseUrl}/engine-rest/task?processInstanceId=${processInstanceId}`,
    { headers: basic(AGENT) })).json();
  assert.equal(tasks.length, 1);
  assert.equal(tasks[0].taskDefinitionKey, 'Task_AgreeExpectation');
  assert.equal(tasks[0].assignee, AGENT, 'claimed by the agent who took the call');
  assert.ok(page.url().includes(tasks[0].id), 'the task open in Tasklist is the new complaint\'s');
  await shot('agent-day-01-tracking-number');

  // The notice stays (not a toast) until the agent closes it.
  assert.equal(await notice.isVisible(), true);

  // 11: the date picker shows and takes dd-MM-yyyy; the footer names Rootfix's zone.
  const date = field('Answer promised by').locator('input').first();
  const inTwoWeeks = daysFromNow(14);
  await date.fill(pickerDate(inTwoWeeks));
  await date.press('Enter');
  assert.equal(await date.inputValue(), pickerDate(inTwoWeeks));
  assert.match(await page.locator('#footer-timezone').innerText(), /Europe\/Amsterdam/);
  assert.doesNotMatch(await page.locator('#footer-timezone').innerText(), /local timezone/i);
  await shot('agent-day-02-dutch-date');
  await choose('How does the customer want to hear from us?', 'E-mail');
  const completed = page.waitForResponse(response => /\/task\/[^/]+\/submit-form$/.test(response.url()),
    { timeout: 120_000 });
  await page.locator('button', { hasText: 'Complete' }).click();
  const answer = await completed;
  assert.equal(answer.status(), 204, 'the date in dd-MM-yyyy is taken');
  const agreed = await api(`/api/complaints/${trackingNumber}`);
  assert.equal(agreed.agreedAnswerDate, isoDate(inTwoWeeks), 'the picker submitted the date the agent meant');
});

test('Report back: the answer box is as wide as the form', async () => {
  const trackingNumber = await postComplaint(`Ria Ruim ${RUN}`, `ria.${RUN}@example.com`);
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'answer', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'email' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Explained the invoice' });
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { oneOff: true, oneOffReason: 'HUMAN_ERROR',
    oneOffNote: 'A typing error on one invoice' });
  let tasks = [];
  await until(async () => {
    tasks = await (await fetch(`${baseUrl}/engine-rest/task?processInstanceBusinessKey=${trackingNumber}`
      + '&taskDefinitionKey=Task_ReportBack', { headers: basic(AGENT) })).json();
    return tasks.length === 1;
  }, 'Report back is open');
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${tasks[0].id}`);
  await page.locator('.fjs-form').waitFor();
  const answerBox = field('Your answer to the customer');
  const form = page.locator('.fjs-form').first();
  const [boxWidth, formWidth] = [await answerBox.boundingBox(), await form.boundingBox()].map(box => box.width);
  await shot('agent-day-03-report-back');
  // The agreed date in the same convention as the picker, not the ISO date the process keeps.
  const agreement = await page.locator('.fjs-form p').filter({ hasText: 'Answer promised by:' }).first().innerText();
  assert.match(agreement, new RegExp(`Answer promised by: ${pickerDate(daysFromNow(14))}`));
  assert.ok(boxWidth > formWidth * 0.9, `the answer box is ${boxWidth}px of the form's ${formWidth}px`);
});
