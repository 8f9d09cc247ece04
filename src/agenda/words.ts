/** Small helpers that turn evidence into plain words: days, quotes, names, what was closed. */
import type { Interaction } from '../domain/views.js';
import { intentOf } from '../relationships/message-reader.js';
import type { PersonContext } from './types.js';

export const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** What you write to someone: a reply, DM, mention, quote or a meeting all count as talking. */
export const TALK: ReadonlySet<string> = new Set(['reply', 'dm', 'mention', 'quote', 'meeting']);

/** `2026-11-18T…` → `18 Nov`. */
export function day(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

export function daysBetween(from: string | number, to: number): number {
  const t = typeof from === 'number' ? from : Date.parse(from);
  return Math.max(0, Math.floor((to - t) / DAY_MS));
}

/**
 * Calendar days (UTC, like every date rapport shows) from `from`'s day to `to`'s day: at 18:00 on
 * 20 Nov, something at 23:00 on 19 Nov was "yesterday", though fewer than 24 hours have passed.
 */
export function calendarDaysBetween(from: string | number, to: number): number {
  const t = typeof from === 'number' ? from : Date.parse(from);
  return Math.max(0, Math.floor(to / DAY_MS) - Math.floor(t / DAY_MS));
}

/** "today", "yesterday", "3 days ago", counted in calendar days so it agrees with the date beside it. */
export function ago(iso: string, now: number): string {
  const days = calendarDaysBetween(iso, now);
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/** Their words, short and on one line, for quoting back. */
export function snippet(text: string | null | undefined, max = 80): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

const KIND_WORDS: Record<string, string> = {
  share: 'shared', quote: 'quoted', mention: 'mentioned you in', reply: 'replied to', dm: 'sent you a DM', follow: 'followed you',
};

export function kindWord(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}

export function has(ctx: PersonContext, text: string | null, intent: 'gratitude' | 'compliment' | 'question'): boolean {
  return Boolean(text && intentOf(ctx.read(text), intent, ctx.playbook.language.intentThreshold));
}

/** Your messages to them after `t` (exclusive) that match. */
export function outboundAfter(ctx: PersonContext, t: string, match: (i: Interaction) => boolean): Interaction[] {
  return ctx.interactions.filter((i) => i.direction === 'out' && i.at > t && match(i));
}

/** The post of yours an interaction refers to, as "your post “…”", or "your post". */
export function yourPost(ctx: PersonContext, i: Interaction): string {
  const post = ctx.ownPost(i.about) ?? ctx.ownPost(i.inReplyTo);
  return post?.text ? `your post “${snippet(post.text, 60)}”` : 'your post';
}

/**
 * The best first topic to ask about: one of theirs, never one of yours. The relationship's topics
 * count every longer word of a bio, so a topic is only used when they tagged it or came back to
 * it in at least two of their own messages ("we see you are into permanently" must never happen).
 */
export function theirTopic(ctx: PersonContext): string | undefined {
  const theirs = ctx.interactions.filter((i) => i.direction === 'in' && i.text).map((i) => (i.text ?? '').toLowerCase());
  return ctx.relationship.topics.find((topic) => {
    const word = new RegExp(`(^|[^\\p{L}])#?${topic.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    const tagged = theirs.some((t) => t.includes(`#${topic}`));
    return tagged || theirs.filter((t) => word.test(t)).length >= 2;
  });
}
