// Cockpit opens the long complaint diagram at a readable scale (issue #20): on the process definition's page at its
// start, on a running instance's page at the activity it waits in (docs/operators.md: Cockpit's diagrams).
//
//   mvn -B -o -q package -DskipTests && cd src/test/e2e && node --test cockpit.e2e.mjs
//
// Screenshots go to target/e2e/cockpit-*.png: "fitted" is Cockpit's own fit (the reset zoom button), as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, basic, logInToCockpit, page, postComplaint, shot, until, useApplication } from './rootfix.mjs';

const READABLE = 0.75;

useApplication(import.meta.url);

async function engine(path) {
  const response = await fetch(`${baseUrl}/engine-rest${path}`, { headers: basic('demo') });
  assert.equal(response.status, 200, path);
  return response.json();
}

/** The diagram's scale as drawn: the first number of the viewport's transform matrix. */
async function scale() {
  const transform = await page.locator('.djs-container svg .viewport').first().getAttribute('transform');
  return transform ? Number(/matrix\(\s*([-\d.e]+)/.exec(transform)[1]) : NaN;
}

/** Whether the element's middle lies inside the diagram's visible area. */
async function inView(elementId) {
  const container = await page.locator('.djs-container').first().boundingBox();
  const element = await page.locator(`.djs-container .djs-element[data-element-id="${elementId}"]`).first().boundingBox();
  const x = element.x + element.width / 2;
  const y = element.y + element.height / 2;
  return x > container.x && x < container.x + container.width && y > container.y && y < container.y + container.height;
}

async function openDiagram(hash, waitForElement) {
  await page.goto(`${baseUrl}/camunda/app/cockpit/default/#${hash}`);
  await page.locator(`.djs-container .djs-element[data-element-id="${waitForElement}"]`).first().waitFor();
  await until(async () => (await scale()) >= READABLE, `a readable scale on ${hash}`);
}

test('Cockpit opens the complaint diagram readable, at its start and at a running instance\'s active task', async () => {
  await logInToCockpit('demo');

  const definition = await engine('/process-definition/key/complaint');
  const start = (await engine(`/process-definition/${definition.id}/xml`)).bpmn20Xml
    .match(/<bpmn:startEvent id="([^"]+)"/)[1];
  await openDiagram(`/process-definition/${definition.id}/runtime`, start);
  assert.ok(await inView(start), 'the start event is in view');
  await page.waitForLoadState('networkidle');
  await shot('cockpit-01-complaint-definition');

  // The problem as it was: Cockpit's fit shrinks the one-row diagram below a readable scale. The button still works.
  await page.locator('button[title="reset zoom"]').click();
  await until(async () => (await scale()) < READABLE, 'the fitted (small) scale after reset zoom');
  await shot('cockpit-02-complaint-definition-fitted');

  // A running complaint: the view opens where it waits.
  const trackingNumber = await postComplaint('Eva Cockpit');
  let active = [];
  let instance;
  await until(async () => {
    [instance] = await engine(`/process-instance?businessKey=${trackingNumber}&processDefinitionKey=complaint`);
    if (!instance) return false;
    active = (await engine(`/process-instance/${instance.id}/activity-instances`)).childActivityInstances.map(child => child.activityId);
    return active.length > 0 && !active.includes(start);
  }, 'the complaint waits in an activity');
  await openDiagram(`/process-instance/${instance.id}/runtime`, active[0]);
  await until(async () => {
    for (const id of active) if (await inView(id)) return true;
    return false;
  }, `one of ${active} in view`);
  await page.waitForLoadState('networkidle');
  await shot('cockpit-03-complaint-instance');
});
