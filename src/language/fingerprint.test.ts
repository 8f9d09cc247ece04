import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupTemplates, templateFingerprint } from './index.js';

test('the same greeting with the name changed has the same fingerprint', () => {
  const a = templateFingerprint('Hi Ana, thanks for the follow! Grab my free e-book: https://x.example/e?ref=1');
  const b = templateFingerprint('Hi Bruno, thanks for the follow!! Grab my free e-book: https://x.example/e?ref=2');
  const c = templateFingerprint('Hey @carla thanks for the follow! grab my free e-book: https://x.example/e?ref=3');
  assert.equal(a, b);
  assert.notEqual(a, templateFingerprint('Thanks for the lovely photos from the market, Ana!'));
  assert.match(c, /^[0-9a-f]{16}$/);
});

test('groupTemplates finds the blast sent to many people and leaves personal messages alone', () => {
  const names = ['Ana', 'Bruno', 'Carla', 'Dev', 'Emma', 'Farid', 'Gus', 'Hana'];
  const messages = names.map((n, i) => ({
    id: `t${i}`,
    recipient: `@${n.toLowerCase()}`,
    text: `Hi ${n}! Thanks so much for following us. We help small shops grow on social media${i % 2 ? ' - ' : ', '}want our free guide? https://x.example/g${i}`,
  }));
  messages.push({ id: 'p1', recipient: '@ana', text: 'Ana, how did the craft fair go on Saturday? Hope the weather held up!' });
  messages.push({ id: 'p2', recipient: '@bruno', text: 'Congrats on the new van, Bruno! Deliveries will be so much easier.' });
  // A near-duplicate with one word changed still joins the group.
  messages.push({ id: 't-near', recipient: '@iris', text: 'Hi Iris! Thanks so much for following us. We help small businesses grow on social media, want our free guide? https://x.example/g' });
  const groups = groupTemplates(messages);
  assert.equal(groups.length, 1);
  const [g] = groups;
  assert.equal(g?.recipients, 9);
  assert.equal(g?.count, 9);
  assert.ok(g?.ids.includes('t-near'));
  assert.ok(!g?.ids.includes('p1'));
  assert.match(g?.example ?? '', /^Hi Ana!/);
});

test('the same text sent twice to one person is not a template', () => {
  const groups = groupTemplates([
    { id: '1', recipient: '@ana', text: 'See you tomorrow!' },
    { id: '2', recipient: '@ana', text: 'See you tomorrow!' },
  ]);
  assert.deepEqual(groups, []);
});
