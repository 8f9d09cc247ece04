/**
 * Why someone probably followed you, with the evidence for each reason (DESIGN §3): people you
 * both know, the same place, a bio that fits your audience, engagement with your posts around the
 * follow, or a habit of following almost everyone back. Never a guess about feelings: each reason
 * names what was seen. Pure: gather (context from the snapshot) → rules (one per reason) → present.
 */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { displayName, type Identity, type Interaction, type Person } from '../domain/views.js';
import { tokenize } from '../language/index.js';
import { STOPWORDS } from '../language/lexicons.js';
import { followerQualities, followersAsOf, type Follower, type FollowerQuality } from './follower-quality.js';
import { topicsOf } from './topics.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export type FollowReasonName = 'mutual-connections' | 'same-place' | 'fits-audience' | 'engaged-with-topic' | 'follows-everyone-back';

export interface FollowReason {
  readonly reason: FollowReasonName;
  readonly evidence: string;
  /** In [0, 1]: how strongly the evidence explains the follow. */
  readonly weight: number;
}

/** What the reasons of every follower are judged against, gathered once per snapshot. */
export interface FollowReasonContext {
  readonly snapshot: WorkspaceSnapshot;
  readonly audienceKeywords: readonly string[];
  /** Where the keywords came from: the user's setting, or your own bios and posts. */
  readonly audienceSource: 'setting' | 'derived';
  /** Normalised place → how it was found ("your profile", "23 of your people"). */
  readonly places: ReadonlyMap<string, string>;
  readonly personOfIdentity: ReadonlyMap<number, Person>;
  readonly personById: ReadonlyMap<number, Person>;
  /** Person id → other people they exchanged with (not you), with the kinds of exchange. */
  readonly links: ReadonlyMap<number, ReadonlyMap<number, ReadonlySet<string>>>;
  /** People with at least one interaction with you (your contacts). */
  readonly contacts: ReadonlySet<number>;
  readonly ownPosts: ReadonlyMap<string, Interaction>;
  readonly followers: ReadonlyMap<number, Follower>;
}

export interface FollowReasonOptions {
  /** Your audience in words, when the user set them (setting `audience.keywords`); else derived. */
  readonly audienceKeywords?: readonly string[] | undefined;
}

export function followReasonContext(snapshot: WorkspaceSnapshot, options: FollowReasonOptions = {}): FollowReasonContext {
  const own = new Set(snapshot.accounts.map((a) => a.id));
  const personOfIdentity = new Map<number, Person>();
  for (const person of snapshot.people) for (const id of person.identities) personOfIdentity.set(id.id, person);

  const contacts = new Set<number>();
  const links = new Map<number, Map<number, Set<string>>>();
  const link = (a: number, b: number, kind: string) => {
    let others = links.get(a);
    if (!others) links.set(a, (others = new Map()));
    let kinds = others.get(b);
    if (!kinds) others.set(b, (kinds = new Set()));
    kinds.add(kind);
  };
  for (const [personId, interactions] of snapshot.interactionsByPerson) {
    for (const i of interactions) {
      if (i.kind === 'post') continue;
      // An inbound event aimed at someone else is between two of your people, not with you.
      if (i.direction === 'out' || i.targetId === null || own.has(i.targetId)) {
        contacts.add(personId);
        continue;
      }
      const other = personOfIdentity.get(i.targetId);
      if (!other || other.id === personId) continue;
      link(personId, other.id, i.kind);
      link(other.id, personId, i.kind);
    }
  }

  const chosen = (options.audienceKeywords ?? []).map((k) => k.trim().toLowerCase().replace(/^#/, '')).filter(Boolean);
  return {
    snapshot,
    audienceKeywords: chosen.length > 0 ? chosen : audienceKeywordsOf(snapshot),
    audienceSource: chosen.length > 0 ? 'setting' : 'derived',
    places: placesOf(snapshot.accounts, snapshot.people, snapshot.playbook.followers.samePlaceMinPeople),
    personOfIdentity,
    personById: new Map(snapshot.people.map((p) => [p.id, p])),
    links,
    contacts,
    ownPosts: new Map(snapshot.ownPosts.map((p) => [`${p.platform}:${p.pid}`, p])),
    followers: new Map(followersAsOf(snapshot, snapshot.at).map((f) => [f.personId, f])),
  };
}

/** Your audience in words: your accounts' bios and the words and hashtags your posts use most. */
export function audienceKeywordsOf(snapshot: Pick<WorkspaceSnapshot, 'accounts' | 'ownPosts' | 'playbook'>): string[] {
  const bios = snapshot.accounts.map((a) => a.bio ?? '').filter(Boolean);
  const texts = snapshot.ownPosts.map((p) => p.text ?? '').filter(Boolean);
  // Ask for more than needed: generic words are dropped after counting.
  const limit = snapshot.playbook.followers.audienceKeywords;
  return topicsOf(bios, texts, limit * 3).filter((w) => !GENERIC.has(w)).slice(0, limit);
}

// Words frequent in anyone's posts that say nothing about who your audience is.
const GENERIC: ReadonlySet<string> = new Set([
  'early', 'late', 'weekend', 'week', 'month', 'year', 'keep', 'name', 'thing', 'things', 'free', 'welcome', 'remembers',
  'remember', 'come', 'came', 'team', 'home', 'country', 'counter', 'people', 'everyone', 'anyone', 'someone', 'little',
  'big', 'small', 'new', 'old', 'open', 'closed', 'soon', 'look', 'looking', 'find', 'made', 'making', 'take', 'taking',
  'give', 'sure', 'way', 'stop', 'start', 'ready', 'favourite', 'favorite', 'says', 'said', 'tell', 'friday', 'saturday',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'else', 'leave', 'divides', 'honest', 'suggestions', 'suggestion',
  'asking', 'guess', 'genuinely', 'pace', 'whole', 'almost', 'pretty', 'quite', 'warm', 'cold', 'hungry', 'trying', 'till', 'site',
]);

/** The reasons a follower probably followed you, strongest first; [] when they do not follow you. */
export function followReasonsFor(context: FollowReasonContext, personId: number): FollowReason[] {
  const follower = context.followers.get(personId);
  if (!follower) return [];
  const weights = context.snapshot.playbook.followers.reasonWeights;
  const reasons: FollowReason[] = [];
  // Counted evidence (people, words, posts) weighs 3/4 of its base with one item and the full base
  // from two; a single fact (a place, a following count) weighs its base.
  const add = (reason: FollowReasonName, base: number, evidence: string, n?: number) =>
    reasons.push({ reason, evidence, weight: round(n === undefined ? base : base * Math.min(1, (n + 2) / 4)) });

  const mutual = mutualConnections(context, personId);
  if (mutual.length > 0) {
    const named = mutual.slice(0, 3).map((m) => `${m.name} (${m.kinds.join(', ')})`).join(', ');
    const more = mutual.length > 3 ? ` and ${mutual.length - 3} more` : '';
    add('mutual-connections', weights.mutualConnections, `they talk with ${mutual.length === 1 ? 'someone' : `${mutual.length} people`} you know: ${named}${more}`, mutual.length);
  }

  const place = samePlace(context, follower.identity);
  if (place) add('same-place', weights.samePlace, place);

  const matched = audienceWordsIn(context.audienceKeywords, follower.identity.bio);
  if (matched.length > 0) {
    const source = context.audienceSource === 'setting' ? 'your audience keywords' : 'words from your own bio and posts';
    // A plural is the same word; "baker" for "bake" is shown, so the match can be checked.
    const words = matched.map((m) => (m.word === m.keyword || m.word === `${m.keyword}s` || `${m.word}s` === m.keyword ? m.keyword : `${m.keyword} ("${m.word}")`));
    add('fits-audience', weights.fitsAudience, `their bio mentions ${words.join(', ')}, ${source}`, matched.length);
  }

  const engaged = engagementAroundFollow(context, follower);
  if (engaged.length > 0) {
    const first = engaged[0]!;
    const more = engaged.length > 1 ? ` (and ${engaged.length - 1} more like it)` : '';
    add('engaged-with-topic', weights.engagedWithTopic, `${first}${more}`, engaged.length);
  }

  const everyone = followsEveryone(context, follower);
  if (everyone) add('follows-everyone-back', weights.followsEveryoneBack, everyone);

  return reasons.sort((a, b) => b.weight - a.weight || a.reason.localeCompare(b.reason));
}

export interface FollowerInsight {
  readonly followReasons: FollowReason[];
  /** Null when they do not follow you. */
  readonly followerQuality: FollowerQuality | null;
}

/** Follow reasons and follower quality for one person, as the person card shows them. */
export function followerInsight(snapshot: WorkspaceSnapshot, personId: number, options: FollowReasonOptions = {}): FollowerInsight {
  const context = followReasonContext(snapshot, options);
  if (!context.followers.has(personId)) return { followReasons: [], followerQuality: null };
  const qualities = followerQualities(snapshot, snapshot.at, [...context.followers.values()]);
  return { followReasons: followReasonsFor(context, personId), followerQuality: qualities.get(personId) ?? null };
}

function mutualConnections(context: FollowReasonContext, personId: number): { name: string; kinds: string[] }[] {
  const others = context.links.get(personId);
  if (!others) return [];
  const result: { name: string; kinds: string[] }[] = [];
  for (const [otherId, kinds] of others) {
    if (!context.contacts.has(otherId)) continue;
    const person = context.personById.get(otherId);
    if (person) result.push({ name: displayName(person), kinds: [...kinds].sort() });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** A location reduced to its first part, lower case: "Harrogate, North Yorkshire" → "harrogate". */
export function placeKey(location: string | null | undefined): string {
  return (location ?? '').split(/[,/|·•]/)[0]!.trim().toLowerCase().replace(/\s+/g, ' ');
}

// Places that say nothing about being near you.
const NOWHERE = new Set(['', 'worldwide', 'earth', 'internet', 'online', 'everywhere', 'global', 'the internet', 'remote']);

function placesOf(accounts: readonly Identity[], people: readonly Person[], minPeople: number): Map<string, string> {
  const places = new Map<string, string>();
  for (const account of accounts) {
    const key = placeKey(account.location);
    if (!NOWHERE.has(key)) places.set(key, `your profile says ${account.location}`);
  }
  const counts = new Map<string, number>();
  for (const person of people) {
    const keys = new Set(person.identities.map((i) => placeKey(i.location)).filter((k) => !NOWHERE.has(k)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (top && top[1] >= minPeople && !places.has(top[0])) {
    places.set(top[0], `the most common place among your people (${top[1]} of them)`);
  }
  return places;
}

function samePlace(context: FollowReasonContext, identity: Identity): string | undefined {
  const location = identity.location?.trim();
  if (!location) return undefined;
  const words = ` ${location.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  for (const [place, why] of context.places) {
    const placeWords = place.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (placeWords && words.includes(` ${placeWords} `)) return `their profile says "${location}"; ${place.replace(/^./, (c) => c.toUpperCase())} is ${why.startsWith('your profile') ? 'where you are' : why}`;
  }
  return undefined;
}

/** A light stem so "baker", "bakers", "baking" and "bakery" all meet "bake" (and "cyclist" "cycle"); roots stay 3+ letters. */
export function stem(word: string): string {
  let w = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  for (const suffix of ['ery', 'ing', 'ist', 'er', 'ed', 'e']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** The audience keywords a bio uses (whole words, plural or not), in keyword order. */
export function audienceMatches(keywords: readonly string[], bio: string | null | undefined): string[] {
  return audienceWordsIn(keywords, bio).map((m) => m.keyword);
}

/** Each audience keyword a bio uses, with the bio's own word for it ("bake" ← "baker"). */
export function audienceWordsIn(keywords: readonly string[], bio: string | null | undefined): { keyword: string; word: string }[] {
  if (!bio) return [];
  const used = new Map<string, string>();
  for (const token of tokenize(bio)) {
    const norm = token.norm.replace(/^#/, '');
    if ((token.kind === 'word' || token.kind === 'hashtag') && !STOPWORDS.has(norm) && !used.has(stem(norm))) used.set(stem(norm), norm);
  }
  return keywords.flatMap((keyword) => {
    const word = used.get(stem(keyword));
    return word === undefined ? [] : [{ keyword, word }];
  });
}

const VERB: Record<string, string> = { like: 'liked', share: 'shared', quote: 'quoted', reply: 'replied to' };

/** Their likes, shares, quotes and replies of your posts shortly before (or just after) the follow. */
function engagementAroundFollow(context: FollowReasonContext, follower: Follower): string[] {
  const { topicWindowBeforeDays, topicWindowAfterDays } = context.snapshot.playbook.followers;
  const followed = Date.parse(follower.followedAt);
  const result: string[] = [];
  for (const i of context.snapshot.interactionsByPerson.get(follower.personId) ?? []) {
    if (i.direction !== 'in' || !(i.kind in VERB)) continue;
    const postId = i.kind === 'reply' ? i.inReplyTo : i.about;
    const post = postId ? context.ownPosts.get(`${i.platform}:${postId}`) : undefined;
    if (!post) continue;
    const t = Date.parse(i.at);
    if (t < followed - topicWindowBeforeDays * DAY_MS || t > followed + topicWindowAfterDays * DAY_MS) continue;
    const when = t <= followed ? `${span(followed - t)} before following` : `${span(t - followed)} after following`;
    result.push(`${VERB[i.kind]} your post "${excerpt(post.text ?? post.pid, 60)}" (${i.at.slice(0, 10)}), ${when}`);
  }
  return result;
}

const FOLLOW_BACK_WORDS = /follow\s*back|#?followback|follow\s*for\s*follow|f4f|#?teamfollowback/i;

function followsEveryone(context: FollowReasonContext, follower: Follower): string | undefined {
  const config = context.snapshot.playbook.followers;
  const p = follower.identity;
  if (p.following === null || p.following < config.followsEveryoneMinFollowing) return undefined;
  if (p.following < config.followsEveryoneRatio * Math.max(p.followers ?? 0, 1)) return undefined;
  const parts = [`they follow ${p.following.toLocaleString('en-US')} accounts (${(p.followers ?? 0).toLocaleString('en-US')} follow them)`];
  if (p.bio && FOLLOW_BACK_WORDS.test(p.bio)) parts.push(`their bio says "${excerpt(p.bio, 60)}"`);
  // Your own follow just before theirs: the follow was reciprocity, not interest.
  const followed = Date.parse(follower.followedAt);
  const yours = (context.snapshot.interactionsByPerson.get(follower.personId) ?? [])
    .filter((i) => i.kind === 'follow' && i.direction === 'out' && Date.parse(i.at) <= followed && followed - Date.parse(i.at) <= config.followBackMinutes * MINUTE_MS)
    .at(-1);
  if (yours) parts.push(`they followed you ${span(followed - Date.parse(yours.at))} after you followed them`);
  return parts.join('; ');
}

function span(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
