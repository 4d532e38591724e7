// Queues (issue 23): a process owner gives billing a queue of its own (a group in Admin, a routing.dmn version from
// the Modeler); a billing complaint is then in the queue's Tasklist only. The agent outside the queue does not see
// it in Due soonest and cannot claim it when they open it by its address; the agent in the queue works it.
// Screenshots queues-*.png in target/e2e/.
//
//   cd src/test/e2e && node --test queues.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENT, ROOT, RUN, baseUrl, basic, freshLogIn, openFilter, page, shot, tasksOf, until, useApplication,
} from './rootfix.mjs';

const QUEUE_AGENT = 'noor';
const CUSTOMER = `Bea Betaal ${RUN}`;

useApplication(import.meta.url);

async function asAdmin(path, method, body) {
  const response = await fetch(`${baseUrl}/engine-rest${path}`, {
    method, headers: { ...basic('demo'), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${await response.text()}`);
}

/** The ids of the tasks a shared filter lists for the user, as Tasklist asks for them. */
async function offered(user, filter) {
  const [{ id }] = await (await fetch(`${baseUrl}/engine-rest/filter?name=${encodeURIComponent(filter)}`,
    { headers: basic(user) })).json();
  const listed = await fetch(`${baseUrl}/engine-rest/filter/${id}/list?maxResults=1000`, {
    method: 'POST', headers: { ...basic(user), 'Content-Type': 'application/json' }, body: '{}',
  });
  assert.equal(listed.status, 200);
  return (await listed.json()).map(task => task.id);
}

test('a billing queue: its agent sees and works the complaint, the agent outside it neither sees nor takes it',
  async () => {
    // Camunda Admin's calls: the group, and the agent in it.
    await asAdmin('/group/create', 'POST', { id: 'queue-billing', name: 'Billing queue', type: 'WORKFLOW' });
    await asAdmin(`/group/queue-billing/members/${QUEUE_AGENT}`, 'PUT');

    // The process owner deploys routing.dmn with billing's rule naming the queue, as Camunda Modeler does.
    const shipped = readFileSync(join(ROOT, 'processes/routing.dmn'), 'utf8');
    const routing = shipped.replace(/(Rule_Billing_Queue">\s*<text>)"service-agents"/, '$1"queue-billing"');
    assert.notEqual(routing, shipped, 'the billing rule is changed');
    const form = new FormData();
    form.append('deployment-name', 'routing');
    form.append('deployment-source', 'Camunda Modeler');
    form.append('routing.dmn', new Blob([routing], { type: 'application/xml' }), 'routing.dmn');
    const deployed = await fetch(`${baseUrl}/engine-rest/deployment/create`,
      { method: 'POST', headers: basic('owen'), body: form });
    assert.equal(deployed.status, 200, await deployed.text());

    const received = await fetch(`${baseUrl}/api/complaints`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerName: CUSTOMER, customerEmail: `bea.${RUN}@example.com`, channel: 'web',
        category: 'billing', description: 'I was charged twice for one order.', desiredOutcome: 'refund' }),
    });
    assert.equal(received.status, 201);
    const trackingNumber = (await received.json()).trackingNumber;

    // The queue's agent: Due soonest shows it.
    await freshLogIn(QUEUE_AGENT);
    await openFilter('Due soonest');
    const card = page.locator('ol.tasks-list > li').filter({ hasText: CUSTOMER });
    await card.first().waitFor();
    await shot('queues-01-queue-agent-due-soonest');

    // The agent outside the queue: not in Due soonest, nor in Complaints for my groups. Either may be empty for
    // them, so the filter is also asked as Tasklist asks it (its list, as them), not only looked for on the page.
    const [task] = await tasksOf(AGENT, trackingNumber, 'Task_AgreeExpectation');
    await freshLogIn(AGENT);
    for (const filter of ['Due soonest', 'Complaints for my groups']) {
      assert.ok((await offered(QUEUE_AGENT, filter)).includes(task.id), `${QUEUE_AGENT} is offered it in ${filter}`);
      assert.ok(!(await offered(AGENT, filter)).includes(task.id), `${AGENT} is not offered it in ${filter}`);
      await openFilter(filter);
      await page.locator('ol.tasks-list').or(page.getByText('No task matching filters found')).first().waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('ol.tasks-list > li').filter({ hasText: CUSTOMER }).count(), 0,
        `${AGENT} does not see it in ${filter}`);
    }
    await shot('queues-02-other-agent-due-soonest');

    // Opened by its address, it cannot be claimed by them, and stays free for the queue.
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${task.id}`);
    await page.locator('.fjs-form').waitFor();
    const claim = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
    const refused = page.waitForResponse(response => /\/claim$/.test(response.url()));
    await claim.click();
    assert.equal((await refused).status(), 403, 'the claim is refused');
    // Told why, in Rootfix's words.
    await page.locator('.page-notifications .alert').filter({ hasText: 'in the queue queue-billing, which you are not in' })
      .first().waitFor();
    await shot('queues-03-other-agent-cannot-claim');
    const [after] = await tasksOf(AGENT, trackingNumber, 'Task_AgreeExpectation');
    assert.equal(after.assignee, null, 'still free');

    // The queue's agent claims it in Tasklist.
    await freshLogIn(QUEUE_AGENT);
    await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${task.id}`);
    await page.locator('.fjs-form').waitFor();
    const own = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
    await own.click();
    await own.waitFor({ state: 'hidden' });
    await until(async () => (await tasksOf(QUEUE_AGENT, trackingNumber, 'Task_AgreeExpectation'))[0].assignee
      === QUEUE_AGENT, 'claimed by the queue\'s agent');
    await page.locator('.fjs-form').getByText(`complaint ${trackingNumber}`).first().waitFor();
    await shot('queues-04-queue-agent-claimed');
  });
