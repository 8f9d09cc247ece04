/**
 * People and the person card on a small shop's story: search, filters and sorting; the card's
 * chart, timeline and identities; merging Ana's Bluesky account into her and splitting it off
 * again; and the audit of the same months.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, openSession, type BrowserSession } from './browser-session.js';
import { ANA_ON_BLUESKY, smallShopStory, STORY_AT } from './story.js';

describe('People, a person card and the audit', () => {
  let session: BrowserSession;
  before(async () => {
    session = await openSession({ history: smallShopStory(), at: STORY_AT });
  });
  after(async () => {
    await session?.close();
  });

  const names = async () => session.page.locator('table.people tbody th a').allInnerTexts();

  it('lists everyone with stage, warmth and ledger; searches, filters and sorts', async () => {
    const { page } = session;
    await page.goto(session.url('#/people'));
    await page.locator('table.people tbody tr').first().waitFor();
    assert.deepEqual(await names(), ['Ana Ferreira', 'Cleo Martin', 'Ben Okafor', 'Ana F.'], 'closest first');
    const ana = page.locator('table.people tbody tr', { hasText: 'Ana Ferreira' });
    assert.match(await ana.innerText(), /trusted/);
    assert.match(await ana.innerText(), /warming/);

    await page.getByLabel('Search name or handle').fill('ben');
    await eventually('only Ben is listed', async () => (await names()).join() === 'Ben Okafor');
    await page.getByLabel('Search name or handle').fill('');

    await page.getByLabel('Only warm relationships going quiet').check();
    await eventually('only Cleo is going quiet', async () => (await names()).join() === 'Cleo Martin');
    await page.getByLabel('Only warm relationships going quiet').uncheck();

    await page.getByLabel('Stage', { exact: true }).selectOption('connected');
    await eventually('only the connected are listed', async () => (await names()).sort().join() === 'Ana F.,Ben Okafor');
    await page.getByLabel('Stage', { exact: true }).selectOption('');

    await page.getByRole('button', { name: 'Sort by name' }).click();
    await eventually('people are in name order', async () => (await names()).join() === 'Ana F.,Ana Ferreira,Ben Okafor,Cleo Martin');
    assert.equal(await page.locator('th[aria-sort]').innerText(), 'Name ▾');
    await session.screenshot('people');
    assert.deepEqual(session.problems, []);
  });

  it("shows a card with identities, stage history, warmth chart, topics and timeline", async () => {
    const { page } = session;
    await page.goto(session.url('#/people'));
    await page.getByRole('link', { name: 'Ana Ferreira' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Ferreira' }).waitFor();
    await page.locator('.chart canvas').waitFor();
    assert.equal(await page.title(), 'Ana Ferreira · rapport');
    assert.match(await page.locator('ol.history').innerText(), /connected[\s\S]*acquainted[\s\S]*engaged[\s\S]*trusted/);
    assert.ok((await page.locator('section[aria-labelledby="timeline-title"] li').count()) >= 10);
    assert.match(await page.locator('section[aria-labelledby="timeline-title"]').innerText(), /Lovely crumb! How long do you proof it\?/);
    assert.deepEqual(session.problems, []);
  });

  it('merges another handle into the person and unmerges it again', async () => {
    const { page } = session;
    await page.goto(session.url('#/people'));
    await page.getByRole('link', { name: 'Ana Ferreira' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Ferreira' }).waitFor();
    const identities = page.locator('ul.identities > li');
    assert.equal(await identities.count(), 1);

    await page.getByLabel(/Merge it in/).fill(ANA_ON_BLUESKY);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await eventually('the card has both identities', async () => (await identities.count()) === 2);
    assert.match(await page.locator('ul.identities').innerText(), /ana\.bsky\.social/);

    await page.getByRole('button', { name: `Unmerge ${ANA_ON_BLUESKY}` }).click();
    await eventually('the Bluesky identity is gone from the card', async () => (await identities.count()) === 1);
    await page.goto(session.url('#/people'));
    await eventually('Ana on Bluesky is a person of her own again', async () => (await names()).includes('Ana F.'));
  });

  it('works from the keyboard alone, with a visible focus ring', async () => {
    const { page } = session;
    await page.goto(session.url('#/people'));
    await page.reload(); // a fresh page: focus starts at the top
    await page.locator('table.people tbody tr').first().waitFor();
    const focused = async () => (await page.evaluate('document.activeElement?.textContent?.trim() ?? ""')) as string;

    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Skip to content');
    assert.equal(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle'), 'solid');

    // Tab on to the first person's link and open the card with Enter.
    for (let presses = 0; (await focused()) !== 'Ana F.' && presses < 40; presses++) await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Ana F.');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ana F.' }).waitFor();
  });

  it('shows the audit for the chosen months with a figure per principle, explained, and charts', async () => {
    const { page } = session;
    await page.goto(session.url('#/audit'));
    await page.getByLabel('From month').fill('2026-08');
    const figures = page.locator('ol.figures > li');
    await figures.first().waitFor();
    await eventually('the report covers August to November', async () => /Aug 1, 2026 to Nov 30, 2026/.test(await page.locator('main').innerText()));
    assert.ok((await figures.count()) >= 5);
    const questions = figures.filter({ hasText: 'ask-and-listen' }).first();
    assert.notEqual((await questions.locator('.explain').innerText()).trim(), '');
    await page.locator('ol.figures canvas').first().waitFor();
    await session.screenshot('audit');
    assert.deepEqual(session.problems, []);
  });
});
