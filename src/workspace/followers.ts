/**
 * The real path of `rapport followers` and the web app's followers view: load the workspace as of
 * a moment, then ask the pure engines why each follower probably followed and whether they look
 * real (DESIGN §1 `quality-over-quantity`, §3 "understand why they followed").
 *
 * Audience keywords (what "their bio fits your audience" is judged against) come from the setting
 * `audience.keywords` (a JSON array of words) when the user set it, else from your own accounts'
 * bios and the words and hashtags your posts use most.
 */
import { z } from 'zod';
import { UserError } from '../domain/errors.js';
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { displayHandle, displayName, type Interaction, type Person } from '../domain/views.js';
import { followReasonContext, followReasonsFor, type FollowerInsight, type FollowReason, type FollowReasonOptions } from '../relationships/follow-reasons.js';
import { followerQualities, followerSummary, type FollowerQuality, type FollowerSummary } from '../relationships/follower-quality.js';
import type { Store } from '../store/store.js';
import { loadSnapshot } from './load-snapshot.js';

export const AUDIENCE_KEYWORDS_SETTING = 'audience.keywords';

const KeywordsSchema = z.array(z.string().trim().min(1)).max(200);

export interface FollowerRow {
  readonly personId: number;
  readonly name: string;
  readonly handle: string;
  readonly platform: string;
  readonly followedAt: string;
  /** They replied, shared, quoted, mentioned or wrote to you at least once. */
  readonly engaged: boolean;
  /** Likely reasons, strongest first, each with what was seen; [] when nothing explains the follow. */
  readonly reasons: readonly FollowReason[];
  readonly quality: FollowerQuality;
}

export interface FollowersReport {
  readonly at: string;
  /** Raw count, likely bots or bought accounts, engaged share. */
  readonly summary: FollowerSummary;
  readonly audience: { readonly keywords: readonly string[]; readonly source: 'setting' | 'derived' };
  /** Everyone following you as of `at`, newest follow first. */
  readonly followers: readonly FollowerRow[];
}

/** Everyone following you as of `at`, with follow reasons and a quality estimate each. */
export async function followersReport(store: Store, at: string): Promise<FollowersReport> {
  const snapshot = await loadSnapshot(store, at);
  return buildFollowersReport(snapshot, { audienceKeywords: await audienceKeywordsSetting(store) });
}

/** The report from an already loaded snapshot (pure). */
export function buildFollowersReport(snapshot: WorkspaceSnapshot, options: FollowReasonOptions = {}): FollowersReport {
  const context = followReasonContext(snapshot, options);
  const followers = [...context.followers.values()];
  const qualities = followerQualities(snapshot, snapshot.at, followers);
  const rows = followers.map((f): FollowerRow => {
    const person = context.personById.get(f.personId) as Person;
    return {
      personId: f.personId,
      name: displayName(person),
      handle: displayHandle(f.identity),
      platform: f.identity.platform,
      followedAt: f.followedAt,
      engaged: f.engaged,
      reasons: followReasonsFor(context, f.personId),
      quality: qualities.get(f.personId) as FollowerQuality,
    };
  });
  return {
    at: snapshot.at,
    summary: followerSummary(snapshot, snapshot.at, followers, qualities),
    audience: { keywords: context.audienceKeywords, source: context.audienceSource },
    followers: rows,
  };
}

/** Follow reasons and quality of one person, for the person card (empty when they do not follow you). */
export async function followInsightFor(store: Store, person: Person, at: string): Promise<FollowerInsight> {
  // Most people on a card do not follow you: skip loading the whole workspace for them.
  if (!isFollowing(await store.interactionsWith(person, { until: at }))) return { followReasons: [], followerQuality: null };
  const snapshot = await loadSnapshot(store, at);
  const context = followReasonContext(snapshot, { audienceKeywords: await audienceKeywordsSetting(store) });
  if (!context.followers.has(person.id)) return { followReasons: [], followerQuality: null };
  const qualities = followerQualities(snapshot, at, [...context.followers.values()]);
  return { followReasons: followReasonsFor(context, person.id), followerQuality: qualities.get(person.id) ?? null };
}

function isFollowing(interactions: readonly Interaction[]): boolean {
  let following = false;
  for (const i of interactions) {
    if (i.direction !== 'in') continue;
    if (i.kind === 'follow') following = true;
    else if (i.kind === 'unfollow') following = false;
  }
  return following;
}

/** The user's audience keywords, or undefined when they never set them (then they are derived). */
export async function audienceKeywordsSetting(store: Store): Promise<string[] | undefined> {
  const raw = await store.getSetting(AUDIENCE_KEYWORDS_SETTING);
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (cause) {
    throw badSetting(cause);
  }
  const result = KeywordsSchema.safeParse(parsed);
  if (!result.success) throw badSetting(result.error);
  return result.data.length > 0 ? result.data : undefined;
}

/** Saves the audience keywords (an empty list goes back to deriving them from your bios and posts). */
export async function setAudienceKeywords(store: Store, keywords: readonly string[]): Promise<void> {
  const words = [...new Set(keywords.map((k) => k.trim().toLowerCase().replace(/^#/, '')).filter(Boolean))];
  await store.setSetting(AUDIENCE_KEYWORDS_SETTING, words.length > 0 ? JSON.stringify(words) : undefined);
}

function badSetting(cause: unknown): UserError {
  return new UserError(`The setting ${AUDIENCE_KEYWORDS_SETTING} is not a list of words`, {
    hint: 'Set it again with `rapport followers --set-keywords "bread,sourdough,bakery"`, or clear it with `--reset-keywords`.',
    cause,
  });
}
