// The promise watch as Cockpit draws it (issue #24: the watch one subprocess, "Kept" and "New date agreed" once
// each on its border): nothing drawn on top of anything else, every label clear of the shapes and the other labels.
//
//   mvn -B -o -q package -DskipTests && cd src/test/e2e && node --test promise-watch.e2e.mjs
//
// Screenshot: target/e2e/promise-watch-01-definition.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AGENT, RUN, baseUrl, basic, completeAs, daysFromNow, freshLogIn, isoDate, logInToCockpit, openFilter, openTask, page,
  postComplaint, shot, until, useApplication,
} from './rootfix.mjs';

useApplication(import.meta.url);

test('Cockpit draws promise.bpmn with the watch as one subprocess and no element or label overlapping another', async () => {
  await logInToCockpit('demo');

  const definition = await (await fetch(`${baseUrl}/engine-rest/process-definition/key/promise`,
    { headers: basic('demo') })).json();
  const xml = (await (await fetch(`${baseUrl}/engine-rest/process-definition/${definition.id}/xml`,
    { headers: basic('demo') })).json()).bpmn20Xml;
  // What may overlap by design: a boundary event its host's border, a subprocess what it contains.
  const attachedTo = Object.fromEntries([...xml.matchAll(/<bpmn:boundaryEvent id="([^"]+)"[^>]*attachedToRef="([^"]+)"/g)]
    .map(([, id, host]) => [id, host]));
  assert.deepEqual(Object.keys(attachedTo).filter(id => attachedTo[id] === 'SubProcess_Watch').sort(),
    ['Event_DeadlinePassed', 'Event_Kept', 'Event_NewDateAgreed']);

  await page.goto(`${baseUrl}/camunda/app/cockpit/default/#/process-definition/${definition.id}/runtime`);
  await page.getByText(`${definition.name} : Runtime`).waitFor();
  await page.locator('.djs-container [data-element-id="SubProcess_Watch"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Fit the whole diagram into view, so the screenshot shows all of it.
  await page.locator('button[title="reset zoom"]').click();
  await page.waitForTimeout(500);
  await shot('promise-watch-01-definition');

  // The drawn boxes of every shape and label (a label's element id ends in _label).
  const boxes = await page.locator('.djs-container .djs-element').evaluateAll(elements => elements
    .filter(element => !element.classList.contains('djs-connection') && !element.closest('.djs-connection'))
    .map(element => {
      const box = element.querySelector('.djs-visual').getBoundingClientRect();
      return { id: element.getAttribute('data-element-id'), x: box.x, y: box.y, width: box.width, height: box.height };
    })
    .filter(box => box.width > 0 && box.height > 0 && !box.id.startsWith('promise') && !box.id.startsWith('__')));
  const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
  const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const owner = id => id.replace(/_label$/, '');
  const clashes = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (!overlap(a, b) || owner(a.id) === owner(b.id) || inside(a, b) || inside(b, a)) continue;
      if (attachedTo[a.id] === b.id || attachedTo[b.id] === a.id) continue;
      clashes.push(`${a.id} / ${b.id}`);
    }
  }
  assert.deepEqual(clashes, [], 'drawn on top of each other');
  assert.ok(boxes.some(box => box.id === 'Timer_Reminder'), 'the boxes were read');
});

// The watch stores no variable since 8 December: its task's card and form show the complaint's tracking number from
// a variable of the task, set from the promise row as the task is created.
test('Renegotiate in time shows its complaint on the Tasklist card and on the form', async () => {
  const trackingNumber = await postComplaint(`Rita Reminder ${RUN}`, `rita.${RUN}@example.com`);
  await completeAs(AGENT, trackingNumber, 'Task_AgreeExpectation', {
    desiredOutcome: 'replacement', agreedAnswerDate: isoDate(daysFromNow(14)), contactPreference: 'email' });
  const watches = await (await fetch(`${baseUrl}/engine-rest/process-instance?processDefinitionKey=promise`
    + `&businessKeyLike=${trackingNumber}/%25`, { headers: basic('demo') })).json();
  assert.equal(watches.length, 1, 'the answer promise is watched');
  const variables = await (await fetch(`${baseUrl}/engine-rest/process-instance/${watches[0].id}/variables`,
    { headers: basic('demo') })).json();
  assert.deepEqual(Object.keys(variables), [], 'the watch stores no variable');

  // The reminder, then "Deadline near", run now as an operator runs a job in Cockpit (the dates are two weeks ahead).
  for (const timer of ['Timer_Reminder', 'Timer_RenegotiateInTime']) {
    let jobs = [];
    await until(async () => {
      jobs = await (await fetch(`${baseUrl}/engine-rest/job?processInstanceId=${watches[0].id}&activityId=${timer}`,
        { headers: basic('demo') })).json();
      return jobs.length === 1;
    }, `${timer} waits`);
    const ran = await fetch(`${baseUrl}/engine-rest/job/${jobs[0].id}/execute`, { method: 'POST', headers: basic('demo') });
    assert.equal(ran.status, 204, `${timer} runs`);
  }

  await freshLogIn(AGENT);
  await openFilter('My complaints');
  await openTask('Renegotiate in time', trackingNumber);
  await page.locator('.fjs-form').getByText(`Renegotiate in time: complaint ${trackingNumber}`).waitFor();
  await shot('promise-watch-02-renegotiate-card');
});
