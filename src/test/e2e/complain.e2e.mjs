// The public complaint page in a real browser (docs/mail-and-web-intake.md): a customer files a complaint with a
// photo in Dutch and in English, meets the errors next to the fields first, gets the tracking number; the agent
// then sees the photo on the complaint's form in Tasklist and opens it. Screenshots go to target/e2e/complain-*.png.
//
//   cd src/test/e2e && npm ci && node --test complain.e2e.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT, RUN, baseUrl, freshLogIn, openFilter, openTask, page, shot, useApplication } from './rootfix.mjs';

// A real 1x1 PNG: the server recognises it by its bytes, whatever the name says.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const filed = {};

useApplication(import.meta.url);

async function fillComplaint(language, name, email) {
  const labels = language === 'nl'
    ? { name: 'Uw naam', email: 'Uw e-mailadres', category: 'Waar gaat uw klacht over?', what: 'Wat is er gebeurd?',
        outcome: 'Wat wilt u dat wij doen?', files: "Foto's of documenten", categoryOption: 'Kwaliteit van het product',
        outcomeOption: 'Een vervanging' }
    : { name: 'Your name', email: 'Your e-mail address', category: 'What is your complaint about?',
        what: 'What happened?', outcome: 'What would you like us to do?', files: 'Photos or documents',
        categoryOption: 'Product quality', outcomeOption: 'A replacement' };
  await page.getByLabel(labels.name).fill(name);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.category).selectOption({ label: labels.categoryOption });
  await page.getByLabel(labels.what).fill(language === 'nl' ? 'De vaas kwam gebarsten aan.' : 'The vase arrived cracked.');
  await page.getByLabel(labels.outcome).selectOption({ label: labels.outcomeOption });
  await page.getByLabel(labels.files).setInputFiles({ name: 'vaas.png', mimeType: 'image/png', buffer: PHOTO });
}

test('in Dutch: the errors stand next to their fields, then the complaint with a photo gets its tracking number', async () => {
  await page.goto(`${baseUrl}/complain?lang=nl`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await page.getByRole('heading', { name: 'Een klacht indienen' }).waitFor();
  await shot('complain-01-nl-form');

  // Sent empty, only by keyboard: the summary names each field, the first wrong field has the focus.
  await page.getByLabel('Uw naam').focus();
  await page.keyboard.press('Enter');
  await page.locator('#errors').waitFor();
  await shot('complain-02-nl-errors');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'customerName');
  assert.equal(await page.getByLabel('Uw naam').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#customerName-error').innerText(), /Vul uw naam in/);
  assert.match(await page.getByLabel('Uw naam').getAttribute('aria-describedby'), /customerName-error/);

  await fillComplaint('nl', `Eva de Wit ${RUN}`, `eva.nl.${RUN}@example.com`);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await page.getByRole('heading', { name: /Dank u wel/ }).waitFor();
  filed.nl = (await page.locator('#trackingNumber').innerText()).trim();
  assert.match(filed.nl, /^RF-\d{4}-\d{6}$/);
  assert.match(await page.locator('#nextStep').innerText(), /medewerker van onze klantenservice/);
  await shot('complain-03-nl-thanks');
});

test('in English, by the language switch: the complaint with a photo gets its tracking number', async () => {
  await page.goto(`${baseUrl}/complain?lang=nl`);
  await page.getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'File a complaint' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await fillComplaint('en', `Emma Stone ${RUN}`, `emma.en.${RUN}@example.com`);
  await shot('complain-04-en-filled');
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.getByRole('heading', { name: /Thank you/ }).waitFor();
  filed.en = (await page.locator('#trackingNumber').innerText()).trim();
  assert.match(filed.en, /^RF-\d{4}-\d{6}$/);
  assert.match(await page.locator('#nextStep').innerText(), /agree what you need/);
  await shot('complain-05-en-thanks');
});

test('the agent sees the photo on the complaint form in Tasklist and opens it', async () => {
  await freshLogIn(AGENT);
  await openFilter('Complaints for my groups');
  await openTask('Agree expectation', filed.en);
  // Claimed, as an agent works it: the form is open for input, its links too.
  const claim = page.locator('a, button').filter({ hasText: /^\s*Claim\s*$/ });
  await claim.click();
  await claim.waitFor({ state: 'hidden' });
  const link = page.locator('.fjs-form a', { hasText: 'vaas.png' });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /^\/attachments\/\d+$/);
  await shot('complain-06-agent-form-with-photo');

  // Signed in to Tasklist is enough: the file comes as a download, with the bytes the customer sent.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'vaas.png');
  const { readFile } = await import('node:fs/promises');
  assert.deepEqual(await readFile(await download.path()), PHOTO);
});
