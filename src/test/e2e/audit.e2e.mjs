// The auditors' page in a real browser: a complaint worked from intake to closing tells its story to an auditor,
// with the figures of the API; an agent, and a browser not signed in, get a page saying who may see it.
//
//   mvn -B -o -q package -DskipTests && cd src/test/e2e && npm ci && node --test audit.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AGENT, LEAD, RUN, SECOND_LEAD, SHOTS, baseUrl, basic, completeAs, context, daysFromNow, isoDate,
  postComplaint, rootCauseKeyOf, useApplication } from './rootfix.mjs';

const AUDITOR = 'ada';

useApplication(import.meta.url);

/** The story as the API gives it to the auditor. */
async function story(trackingNumber) {
  const response = await fetch(`${baseUrl}/api/audit/complaints/${trackingNumber}/story`, { headers: basic(AUDITOR) });
  assert.equal(response.status, 200);
  return response.json();
}

test('an auditor reads a closed complaint\'s story, with the figures of the API; an agent is refused', async () => {
  const trackingNumber = await postComplaint(`Eva de Wit ${RUN}`, `eva.audit.${RUN}@example.com`);
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(7)), contactPreference: 'email' });
  await completeAs(AGENT, trackingNumber, 'Task_PatchSymptom', { patchDescription: 'Sent a new vase' });
  const cause = `Vases packed loose ${RUN}`;
  await completeAs(AGENT, trackingNumber, 'Task_FindRootCause', { rootCauseDescription: cause, oneOff: false });
  const rootCause = await rootCauseKeyOf(cause);
  await completeAs(LEAD, rootCause, 'Task_Investigate', { willFix: true, fixDeadline: isoDate(daysFromNow(10)) });
  await completeAs(LEAD, rootCause, 'Task_FixRootCause', { fixDescription: 'Every vase in a moulded box' });
  await completeAs(SECOND_LEAD, rootCause, 'Task_VerifyFix', { fixVerified: 'true' });
  await completeAs(AGENT, trackingNumber, 'Task_ReportBack', { answerText: 'Every vase now ships in a moulded box.' });
  await completeAs(AGENT, trackingNumber, 'Task_RecordCustomerConfirmation', { resolved: 'true' });
  let told = await story(trackingNumber);
  for (const deadline = Date.now() + 60_000; told.state !== 'CLOSED' && Date.now() < deadline;) {
    await new Promise(done => setTimeout(done, 500));
    told = await story(trackingNumber);
  }
  assert.equal(told.state, 'CLOSED');

  const auditor = await context.newPage();
  await auditor.setExtraHTTPHeaders(basic(AUDITOR));
  const response = await auditor.goto(`${baseUrl}/audit/complaints/${trackingNumber}`);
  assert.equal(response.status(), 200);
  await auditor.screenshot({ path: join(SHOTS, 'audit-01-story.png'), fullPage: true });
  // Every milestone of the API, in its order, with its local time and who did it.
  const shown = await auditor.locator('ol.timeline li').evaluateAll(items => items.map(item => [
    item.querySelector('time').textContent, item.querySelector('strong').textContent,
    item.querySelector('.by').textContent]));
  assert.deepEqual(shown, told.timeline.map(m => [m.localTime, m.what, m.by]));
  const whats = told.timeline.map(m => m.what);
  for (const milestone of ['Complaint received', 'Expectation agreed', 'Acknowledged with the tracking number',
    'Symptom patched', 'Root cause found', 'Root cause fixed', 'Answer drafted', 'Answer sent',
    'Customer\'s reply recorded', 'Complaint closed']) {
    assert.ok(whats.includes(milestone), `the story tells: ${milestone}`);
  }
  assert.equal(told.timeline.find(m => m.what === 'Root cause fixed').by, 'Lea de Vries (lea)');
  assert.match(told.timeline.find(m => m.what === 'Root cause fixed').details, /verified by Ivo Mulder \(ivo\)$/);
  assert.match(told.timeline[0].localTime, /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  // The promises and messages tables say what the API says.
  const rows = id => auditor.locator(`#${id} tbody tr`).evaluateAll(trs => trs.map(tr => [...tr.cells].map(c => c.textContent)));
  assert.deepEqual((await rows('promises')).map(r => [r[0], r[3], r[4]]),
    told.promises.map(p => [`${p.type}: ${p.text}`, p.dueAt, p.outcome + (p.endedBy ? `, by ${p.endedBy}` : '')]));
  assert.deepEqual((await rows('messages')).map(r => r[1]), told.messages.map(m => m.kind));

  // The full trail, one click away: a life recorded today holds no working values of the engine (no option lists,
  // no emptied values), so nothing is folded and no cell reads "null".
  await auditor.getByRole('link', { name: 'The full engine trail' }).click();
  await auditor.locator('h1', { hasText: 'The full trail of' }).waitFor();
  assert.equal(await auditor.locator('details').count(), 0);
  assert.equal(await auditor.locator('td', { hasText: /^null$/ }).count(), 0);
  await auditor.screenshot({ path: join(SHOTS, 'audit-02-trail.png'), fullPage: true });
  await auditor.close();

  const agent = await context.newPage();
  await agent.setExtraHTTPHeaders(basic(AGENT));
  const refused = await agent.goto(`${baseUrl}/audit/complaints/${trackingNumber}`);
  assert.equal(refused.status(), 403);
  assert.match(refused.headers()['content-type'], /^text\/html/);
  assert.equal(await agent.locator('h1').textContent(), 'Not for you');
  assert.match(await agent.locator('main').textContent(), /for auditors.*signed in as sam/s);
  await agent.screenshot({ path: join(SHOTS, 'audit-03-agent-refused.png'), fullPage: true });
  await agent.close();

  // Not signed in: Chromium answers a Basic challenge it cannot meet with an error page of its own, so the page
  // comes as a browser asks for it, and is shown from there.
  const asked = await fetch(`${baseUrl}/audit`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  assert.equal(asked.status, 401);
  assert.match(asked.headers.get('www-authenticate'), /^Basic/);
  assert.match(asked.headers.get('content-type'), /^text\/html/);
  const stranger = await context.newPage();
  await stranger.goto(`${baseUrl}/audit.css`);
  await stranger.setContent(await asked.text());
  assert.equal(await stranger.locator('h1').textContent(), 'Please sign in');
  assert.match(await stranger.locator('main').textContent(), /for auditors/);
  await stranger.screenshot({ path: join(SHOTS, 'audit-04-not-signed-in.png'), fullPage: true });
  await stranger.close();
});
