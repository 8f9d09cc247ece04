/**
 * The composer: a premature pitch to someone who only just followed gets `wait` with the
 * principle it breaks, and the verdict follows the draft as it is rewritten.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, openSession, type BrowserSession } from './browser-session.js';
import { BEN, smallShopStory, STORY_AT } from './story.js';

describe('The composer', () => {
  let session: BrowserSession;
  before(async () => {
    session = await openSession({ history: smallShopStory(), at: STORY_AT });
  });
  after(async () => {
    await session?.close();
  });

  it('says wait, naming no-first-date-proposal, to a pitch for someone only connected; go once it is a real question', async () => {
    const { page } = session;
    await page.goto(session.url('#/composer'));
    assert.match(await page.locator('.notice').innerText(), /Nothing is sent from here/);

    // Pick Ben from the people list by typing part of his name.
    await page.getByLabel('To (a name or handle)').fill('Ben');
    await eventually('the picker offers Ben', async () => (await page.locator(`#composer-people option[value="${BEN}"]`).count()) === 1);
    await page.getByLabel('To (a name or handle)').fill(BEN);
    await page.getByLabel('Channel').selectOption('dm');
    await page.getByLabel('Your draft').fill('Hi Ben! Buy our new sourdough subscription, 20% off this week only: https://crumb.example/shop');

    const verdict = page.locator('.verdict');
    await eventually('the verdict is wait', async () => (await verdict.getAttribute('data-verdict').catch(() => null)) === 'wait');
    assert.match(await verdict.innerText(), /Wait/);
    const reasons = page.locator('ul.reasons');
    assert.match(await reasons.innerText(), /no-first-date-proposal/);
    assert.match(await reasons.innerText(), /connected/);
    assert.ok((await page.locator('ul.suggestions li').count()) >= 1, 'it suggests what to do instead');
    await session.screenshot('composer');

    await page.getByLabel('Your draft').fill('Welcome Ben, thanks for the follow! Which cinnamon bun have you liked best so far?');
    await eventually('the verdict is go', async () => (await verdict.getAttribute('data-verdict').catch(() => null)) === 'go');
    assert.doesNotMatch(await page.locator('.coach').innerText(), /no-first-date-proposal/);
    assert.deepEqual(session.problems, []);
  });

  it('checks once the typing pauses, not on every key', async () => {
    const { page } = session;
    await page.goto(session.url(`#/composer?to=${encodeURIComponent(BEN)}`));
    const checks: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/check')) checks.push(request.postData() ?? '');
    });
    await page.getByLabel('Your draft').pressSequentially('Hello Ben, how was your weekend?', { delay: 20 });
    await page.locator('.verdict').waitFor();
    await eventually('the last check is for the whole draft', async () => checks.at(-1)?.includes('how was your weekend?') ?? false);
    // Keys 20 ms apart are one burst; a slow machine may see a gap or two, never a check per key.
    assert.ok(checks.length <= 8, `${checks.length} checks for 32 keystrokes`);
  });

  it('opens with the person and the draft filled in when reached from Today or a card', async () => {
    const { page } = session;
    const draft = 'Welcome Ben! What brought you to our buns?';
    await page.goto(session.url(`#/composer?to=${encodeURIComponent(BEN)}&text=${encodeURIComponent(draft)}`));
    assert.equal(await page.getByLabel('To (a name or handle)').inputValue(), BEN);
    assert.equal(await page.getByLabel('Your draft').inputValue(), draft);
    await page.locator('.verdict').waitFor();
  });
});
