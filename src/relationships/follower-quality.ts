/**
 * Who among your followers is probably real (DESIGN §1 `quality-over-quantity`): a likely-bot
 * score per follower from profile signals (no avatar, no bio, following far more than followed,
 * a new account, no posts, arriving in a burst of follows), and the workspace's figures: the raw
 * follower count next to the likely-fake count and the share of followers who ever engaged.
 * Pure: everything comes from the snapshot and `asOf`; every signal says what it saw.
 */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import type { Identity, Interaction } from '../domain/views.js';
import type { Playbook } from '../playbook/playbook.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Inbound kinds that show a follower engaged with you (a like is a touch, not engagement). */
export const ENGAGING_KINDS: ReadonlySet<string> = new Set(['reply', 'share', 'quote', 'mention', 'dm']);

export type FollowerInput = Pick<WorkspaceSnapshot, 'people' | 'interactionsByPerson' | 'playbook'>;

export interface Follower {
  readonly personId: number;
  /** Their latest follow of you that was not undone by an unfollow. */
  readonly followedAt: string;
  /** The identity that followed (its profile is what the signals read). */
  readonly identity: Identity;
  /** Whether they ever replied, shared, quoted, mentioned or DMed you (up to `asOf`). */
  readonly engaged: boolean;
}

export type QualitySignalName = 'no-avatar' | 'no-bio' | 'following-far-more' | 'new-account' | 'no-posts' | 'burst';

export interface QualitySignal {
  readonly signal: QualitySignalName;
  readonly evidence: string;
  readonly weight: number;
}

export interface FollowerQuality {
  readonly principle: 'quality-over-quantity';
  /** In [0, 1]: how likely the follower is a bot or a bought account. */
  readonly score: number;
  readonly likelyFake: boolean;
  readonly signals: readonly QualitySignal[];
  /** One plain sentence. */
  readonly explanation: string;
}

export interface FollowerSummary {
  readonly principle: 'quality-over-quantity';
  readonly at: string;
  /** People following you as of `at` (the raw count). */
  readonly followers: number;
  readonly likelyFake: number;
  /** Followers who ever replied, shared, quoted, mentioned or DMed you. */
  readonly engaged: number;
  /** engaged / followers (0 when you have none). */
  readonly engagedShare: number;
  readonly explanation: string;
}

/** Everyone following you as of `asOf`, newest follow first. */
export function followersAsOf(input: FollowerInput, asOf: string): Follower[] {
  const out: Follower[] = [];
  for (const person of input.people) {
    const interactions = input.interactionsByPerson.get(person.id);
    if (!interactions) continue;
    let follow: Interaction | undefined;
    let engaged = false;
    for (const i of interactions) {
      if (i.at > asOf) break;
      if (i.direction !== 'in') continue;
      if (i.kind === 'follow') follow = i;
      else if (i.kind === 'unfollow') follow = undefined;
      else if (ENGAGING_KINDS.has(i.kind)) engaged = true;
    }
    if (!follow) continue;
    const followId = follow.actorId;
    const identity = person.identities.find((id) => id.id === followId) ?? person.identities[0];
    if (identity) out.push({ personId: person.id, followedAt: follow.at, identity, engaged });
  }
  return out.sort((a, b) => b.followedAt.localeCompare(a.followedAt) || a.personId - b.personId);
}

/** The likely-bot score of each follower as of `asOf`, keyed by person id. */
export function followerQualities(input: FollowerInput, asOf: string, followers = followersAsOf(input, asOf)): Map<number, FollowerQuality> {
  const config = input.playbook.followers;
  const bursts = burstsOf(followers, config.burstMinutes * MINUTE_MS);
  const result = new Map<number, FollowerQuality>();
  for (const follower of followers) {
    result.set(follower.personId, qualityOf(follower, bursts.get(follower.personId), input.playbook));
  }
  return result;
}

/** The workspace's follower figures as of `asOf`. */
export function followerSummary(input: FollowerInput, asOf: string, followers = followersAsOf(input, asOf), qualities = followerQualities(input, asOf, followers)): FollowerSummary {
  const likelyFake = [...qualities.values()].filter((q) => q.likelyFake).length;
  const engaged = followers.filter((f) => f.engaged).length;
  const engagedShare = followers.length === 0 ? 0 : engaged / followers.length;
  const explanation = followers.length === 0
    ? 'No one follows you yet in the imported data.'
    : `${engaged} of your ${followers.length} followers (${percent(engagedShare)}) ever replied, shared, quoted, mentioned or wrote to you; ${likelyFake} look${likelyFake === 1 ? 's' : ''} like bots or bought accounts.`;
  return { principle: 'quality-over-quantity', at: asOf, followers: followers.length, likelyFake, engaged, engagedShare, explanation };
}

interface Burst {
  readonly size: number;
  readonly from: string;
  readonly to: string;
}

/** For each follower, the follows of you within `windowMs` either side of theirs, when a burst. */
function burstsOf(followers: readonly Follower[], windowMs: number): Map<number, Burst> {
  const sorted = followers.map((f) => ({ id: f.personId, t: Date.parse(f.followedAt), at: f.followedAt })).sort((a, b) => a.t - b.t);
  const result = new Map<number, Burst>();
  let lo = 0;
  let hi = 0;
  for (const f of sorted) {
    while ((sorted[lo]?.t ?? Infinity) < f.t - windowMs) lo++;
    while (hi < sorted.length && (sorted[hi]?.t ?? Infinity) <= f.t + windowMs) hi++;
    result.set(f.id, { size: hi - lo, from: sorted[lo]?.at ?? f.at, to: sorted[hi - 1]?.at ?? f.at });
  }
  return result;
}

function qualityOf(follower: Follower, burst: Burst | undefined, playbook: Playbook): FollowerQuality {
  const config = playbook.followers;
  const w = config.signalWeights;
  const p = follower.identity;
  const signals: QualitySignal[] = [];
  if (p.avatar === false) signals.push({ signal: 'no-avatar', evidence: 'no profile picture', weight: w.noAvatar });
  // Only a profile we know something about can be missing a bio: an unknown profile is not evidence.
  if (!p.bio?.trim() && (p.avatar !== null || p.followers !== null || p.posts !== null)) {
    signals.push({ signal: 'no-bio', evidence: 'an empty bio', weight: w.noBio });
  }
  if (p.following !== null && p.following >= config.farMoreFollowingMin && p.following >= config.farMoreFollowingRatio * Math.max(p.followers ?? 0, 1)) {
    signals.push({ signal: 'following-far-more', evidence: `follows ${count(p.following)} accounts but only ${count(p.followers ?? 0)} follow them`, weight: w.followingFarMore });
  }
  if (p.created) {
    const ageDays = (Date.parse(follower.followedAt) - Date.parse(p.created)) / DAY_MS;
    if (ageDays >= 0 && ageDays < config.newAccountDays) {
      signals.push({ signal: 'new-account', evidence: `the account was created ${Math.floor(ageDays)} days before it followed you`, weight: w.newAccount });
    }
  }
  if (p.posts === 0) signals.push({ signal: 'no-posts', evidence: 'has never posted', weight: w.noPosts });
  if (burst && burst.size >= config.burstMinFollows) {
    signals.push({
      signal: 'burst',
      evidence: `one of ${burst.size} accounts that followed you between ${clock(burst.from)} and ${clock(burst.to)}`,
      weight: w.burst,
    });
  }
  const score = Math.min(1, round(signals.reduce((s, x) => s + x.weight, 0)));
  const likelyFake = score >= config.likelyFakeScore;
  const explanation = signals.length === 0
    ? 'Nothing in their profile looks like a bot.'
    : `${likelyFake ? 'Likely a bot or a bought account' : 'Mostly looks real'}: ${signals.map((s) => s.evidence).join(', ')}.`;
  return { principle: 'quality-over-quantity', score, likelyFake, signals, explanation };
}

function clock(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
