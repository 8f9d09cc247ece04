/**
 * A small shop's history for the browser tests, told as a story so each page has something
 * to show: Ana is a regular (engaged, months of conversation), Ben only just followed
 * (connected: too early for a pitch), Cleo was warm in the summer and has gone quiet, and Ana
 * also has a Bluesky account that rapport does not know is hers until you merge it.
 */
import { HistoryBuilder } from '../../src/test-support/history-builder.js';

export const STORY_AT = '2026-11-20T18:00:00Z';
export const ANA = '@ana@example.social';
export const BEN = '@ben@example.social';
export const CLEO = '@cleo@example.social';
export const ANA_ON_BLUESKY = 'ana.bsky.social';

export function smallShopStory(): HistoryBuilder {
  const h = new HistoryBuilder({ shopName: 'Crumb & Co' });
  h.profile(ANA, { name: 'Ana Ferreira', bio: 'Sourdough nerd', location: 'Porto', followers: 120, following: 310, posts: 800 });
  h.profile(BEN, { name: 'Ben Okafor', bio: 'Coffee and cinnamon buns', location: 'Leeds', followers: 40, following: 90, posts: 55 });
  h.profile(CLEO, { name: 'Cleo Martin', bio: 'Pastry chef', location: 'Lyon', followers: 900, following: 400, posts: 2000 });

  // A post a month, so the audit has a series to draw.
  const posts = ['2026-08-03', '2026-09-04', '2026-10-02', '2026-11-03'].map((day, i) =>
    h.post(`${day}T08:00:00Z`, ['Our first rye of the season', 'What bread do you bake on Sundays?', 'New oven, same crust', 'Cinnamon buns are back'][i] ?? ''),
  );

  // Ana: weeks of two-way conversation, on many days.
  h.inbound(ANA, 'follow', '2026-08-01T09:00:00Z');
  for (const [i, month] of ['08', '09', '10', '11'].entries()) {
    const theirs = h.inbound(ANA, 'reply', `2026-${month}-05T10:00:00Z`, { text: 'Lovely crumb! How long do you proof it?', inReplyTo: posts[i] });
    h.outbound(ANA, 'reply', `2026-${month}-05T12:00:00Z`, { text: 'Thank you Ana! About 14 hours. What flour do you use?', inReplyTo: theirs });
    h.inbound(ANA, 'reply', `2026-${month}-06T09:00:00Z`, { text: 'A local rye, I can send you the name' });
    h.outbound(ANA, 'like', `2026-${month}-06T10:00:00Z`);
  }
  h.inbound(ANA, 'share', '2026-11-04T09:00:00Z', { about: posts[3] });

  // Ben: a follow last week, nothing else yet.
  h.inbound(BEN, 'follow', '2026-11-15T17:00:00Z');

  // Cleo: warm in the summer, then silence.
  h.inbound(CLEO, 'follow', '2026-07-01T09:00:00Z');
  for (const day of ['2026-07-02', '2026-07-09', '2026-07-16', '2026-07-23']) {
    const theirs = h.inbound(CLEO, 'dm', `${day}T09:00:00Z`, { text: 'Do you ever swap recipes with other bakers?' });
    h.outbound(CLEO, 'dm', `${day}T11:00:00Z`, { text: 'Always! Cleo, what are you working on this week?', inReplyTo: theirs });
  }
  h.note(CLEO, '2026-07-23T12:00:00Z', 'Opening her own patisserie in the autumn', '2026-10-01');
  // Ana on Bluesky: a second identity, a person of its own until merged.
  h.raw({ type: 'account', platform: 'bluesky', handle: 'crumbandco.bsky.social' });
  h.raw({ type: 'profile', platform: 'bluesky', handle: ANA_ON_BLUESKY, name: 'Ana F.' });
  h.raw({ type: 'interaction', platform: 'bluesky', id: 'b-1', at: '2026-11-10T09:00:00Z', actor: ANA_ON_BLUESKY, target: 'crumbandco.bsky.social', kind: 'follow' });
  return h;
}
