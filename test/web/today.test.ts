/**
 * The demo workspace on its last day, in a real browser: Today shows ranked actions with their
 * principles, evidence and an opener to edit and copy; a person opened from Today takes a note
 * with a reminder, which can be edited and removed;
 * Done and Snooze remove an action for good; and the pages fit a 375 px wide screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_AT, DEMO_HISTORY, openSession, type BrowserSession } from './browser-session.js';

describe('Today on the demo workspace', () => {
  let session: BrowserSession;
  before(async () => {
    session = await openSession({ history: DEMO_HISTORY, at: DEMO_AT });
  });
  after(async () => {
    await session?.close();
  });

  it('shows ranked actions, each with the person, its principles, the evidence and an editable opener', async () => {
    const { page } = session;
    const response = await page.goto(session.url('#/today'));
    assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'self'/, 'the pages run under a strict CSP');
    const actions = page.locator('ol.actions > li');
    await actions.first().waitFor();
    assert.ok((await actions.count()) > 3, 'the demo has several things to do on its last day');

    const first = actions.first();
    assert.match((await first.locator('h2 a').getAttribute('href')) ?? '', /^#\/people\/\d+$/);
    assert.ok((await first.locator('.badge.principle').count()) >= 1, 'every action names a principle');
    assert.notEqual((await first.locator('.explain').first().innerText()).trim(), '', 'each principle is explained in a sentence');
    assert.ok((await first.locator('.evidence li').count()) >= 1, 'and shows its evidence');
    const opener = first.getByLabel(/Suggested opener/);
    assert.notEqual(await opener.inputValue(), '');
    await opener.fill('Thank you so much — what did you think of the rye?');
    assert.equal(await opener.inputValue(), 'Thank you so much — what did you think of the rye?');
    await first.getByRole('button', { name: 'Copy' }).click();
    await first.getByText('Copied.').waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), 'Thank you so much — what did you think of the rye?');
    await session.screenshot('today');
    assert.deepEqual(session.problems, []);
  });

  it('opens a person from Today, adds a note with a reminder, edits it and removes it', async () => {
    const { page } = session;
    await page.goto(session.url('#/today'));
    const link = page.locator('ol.actions > li h2 a').first();
    const name = await link.innerText();
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator('.chart canvas').waitFor();
    assert.ok((await page.locator('.timeline li').count()) >= 1, 'the timeline lists what happened');

    await page.getByLabel('New note').fill('Starting a baking course in January: ask how it goes');
    await page.getByLabel('Remind me on (optional)').fill('2027-01-15');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.locator('ul.notes li', { hasText: 'Starting a baking course in January' });
    await note.waitFor();
    assert.match(await note.innerText(), /remind Jan 15, 2027/);
    await session.screenshot('person');

    // Still there when the card is loaded again: it is in the workspace, not only on screen.
    await page.reload();
    await note.waitFor();

    await note.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Note', { exact: true }).fill('Starting a pastry course in February: ask how it goes');
    await page.getByLabel('Remind me on (empty: no reminder)').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    const edited = page.locator('ul.notes li', { hasText: 'Starting a pastry course in February' });
    await edited.waitFor();
    assert.doesNotMatch(await edited.innerText(), /remind/);

    await edited.getByRole('button', { name: 'Remove' }).click();
    await edited.getByRole('button', { name: 'Really remove' }).click();
    await edited.waitFor({ state: 'detached' });
    assert.deepEqual(session.problems, []);
  });

  it('removes an action marked done, and it stays gone after a reload', async () => {
    const { page } = session;
    await page.goto(session.url('#/today'));
    const first = page.locator('ol.actions > li').first();
    await first.waitFor();
    const name = await first.locator('h2 a').innerText();
    await first.getByRole('button', { name: 'Done' }).click();
    await page.locator('ol.actions > li h2 a', { hasText: name }).waitFor({ state: 'detached' });

    await page.reload();
    await page.locator('ol.actions > li').first().waitFor();
    assert.equal(await page.locator('ol.actions > li h2 a', { hasText: name }).count(), 0);
  });

  it('snoozes a person until a chosen day', async () => {
    const { page } = session;
    await page.goto(session.url('#/today'));
    const first = page.locator('ol.actions > li').first();
    await first.waitFor();
    const name = await first.locator('h2 a').innerText();
    await first.getByLabel('Snooze until').fill('2026-12-01');
    await first.getByRole('button', { name: 'Snooze' }).click();
    await page.locator('ol.actions > li h2 a', { hasText: name }).waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('ol.actions > li').first().waitFor();
    assert.equal(await page.locator('ol.actions > li h2 a', { hasText: name }).count(), 0);
  });

  it('shows every action on request, not only the first twenty', async () => {
    const { page } = session;
    await page.goto(session.url('#/today'));
    const actions = page.locator('ol.actions > li');
    await actions.first().waitFor();
    const shown = await actions.count();
    await page.getByRole('button', { name: /^Show all \d+$/ }).click();
    await page.getByRole('button', { name: /^Show all/ }).waitFor({ state: 'detached' });
    assert.ok((await actions.count()) > shown);
  });

  it('fits a 375 px wide screen without sideways scrolling', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await page.goto(session.url('#/today'));
      const person = (await page.locator('ol.actions > li h2 a').first().getAttribute('href')) ?? '';
      for (const hash of ['#/today', '#/people', person, '#/composer', '#/audit', '#/import']) {
        await page.goto(session.url(hash));
        await page.locator('main h1').waitFor();
        if (hash === '#/today') await page.locator('ol.actions > li').first().waitFor();
        if (hash === '#/people') await page.locator('table.people tbody tr').first().waitFor();
        if (hash === person) await page.locator('.chart canvas').waitFor();
        if (hash === '#/audit') await page.locator('ol.figures canvas').first().waitFor();
        const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
        assert.ok(width <= 375, `${hash} is ${width}px wide`);
      }
      await page.goto(session.url('#/today'));
      await page.locator('ol.actions > li').first().waitFor();
      await session.screenshot('today-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
