/**
 * The demo under construction: the cast, the bakery's accounts, and draft interactions that
 * refer to each other by object, not by id. Ids are given only at the end, in time order, so
 * they are stable and read like a platform's own increasing ids.
 */
import type { DemoKind, DemoPlatform } from './demo-records.js';
import { Random } from './random.js';
import { CASUAL_CLOSERS, CASUAL_OPENERS, fillText, HAND_CLOSERS, HAND_OPENERS, SITE, TOWN } from './text-bank.js';
import type { Timeline } from './timeline.js';

export type Role =
  | 'advocate'
  | 'regular'
  | 'gone-quiet'
  | 'neighbour-business'
  | 'acquaintance'
  | 'lurker'
  | 'follows-everyone'
  | 'bot';

export interface Person {
  platform: DemoPlatform;
  handle: string;
  name: string;
  first: string;
  bio: string;
  location: string;
  followers: number;
  following: number;
  posts: number;
  created: number;
  hasAvatar: boolean;
  role: Role;
  /** Key into PERSON_POSTS / BAKERY_ON_THEIR_POST. */
  interest: string;
  /** When they followed the bakery; undefined for people who never did. */
  followedAt?: number;
  /** When the bakery followed them. */
  followedBackAt?: number;
  unfollowedAt?: number;
  /** From this moment on nothing happens between them and the bakery (gone quiet). */
  quietFrom?: number;
  /** From this moment the bakery never replies or writes to them (their question stays open). */
  unansweredFrom?: number;
  /** Scenario names that already used this person, so two scenarios don't contradict. */
  uses: Set<string>;
  /** The same human on the other platform, if any. */
  twin?: Person;
}

export interface Draft {
  seq: number;
  platform: DemoPlatform;
  at: number;
  kind: DemoKind;
  actor: string;
  target?: string;
  text?: string;
  inReplyTo?: Draft;
  about?: Draft;
  /** The playbook situations this event illustrates (kept out of the JSONL, used by tests). */
  labels: string[];
  id?: string;
}

export interface DraftNote {
  seq: number;
  platform: DemoPlatform;
  handle: string;
  at: number;
  text: string;
  remind?: string;
  labels: string[];
}

export interface InteractionInput {
  at: number;
  kind: DemoKind;
  text?: string;
  inReplyTo?: Draft;
  about?: Draft;
  label?: string;
}

export const BAKERY_NAME = 'Crumb & Co';
export const BAKERY_HANDLES: Record<DemoPlatform, string> = {
  mastodon: '@crumbandco@bakers.social',
  bluesky: 'crumbandco.bsky.social',
};

export class DemoWorkspace {
  readonly people: Person[] = [];
  readonly drafts: Draft[] = [];
  readonly notes: DraftNote[] = [];
  /** For the bakery's question posts: what a follower might answer. */
  readonly answers = new Map<Draft, readonly string[]>();
  private seq = 0;
  private readonly postsByActor = new Map<string, Draft[]>();

  constructor(readonly timeline: Timeline, readonly rng: Random) {}

  bakery(platform: DemoPlatform): string {
    return BAKERY_HANDLES[platform];
  }

  /** The bakery does something to or for a person. */
  out(person: Person, input: InteractionInput): Draft {
    return this.add(person.platform, this.bakery(person.platform), person.handle, input);
  }

  /** A person does something to or about the bakery. */
  in(person: Person, input: InteractionInput): Draft {
    return this.add(person.platform, person.handle, this.bakery(person.platform), input);
  }

  /** A post with no target, by the bakery or by a person. */
  post(platform: DemoPlatform, actor: string, at: number, text: string, label?: string): Draft {
    const draft = this.add(platform, actor, undefined, { at, kind: 'post', text, label });
    const list = this.postsByActor.get(actor) ?? [];
    list.push(draft);
    this.postsByActor.set(actor, list);
    return draft;
  }

  postsOf(actor: string): readonly Draft[] {
    return this.postsByActor.get(actor) ?? [];
  }

  bakeryPosts(platform: DemoPlatform): readonly Draft[] {
    return this.postsOf(this.bakery(platform));
  }

  /** The latest post of `actor` before `time`, if any. */
  latestPostBefore(actor: string, time: number): Draft | undefined {
    const posts = this.postsOf(actor);
    let found: Draft | undefined;
    for (const post of posts) if (post.at < time && (!found || post.at > found.at)) found = post;
    return found;
  }

  note(person: Person, at: number, text: string, remind?: string, label?: string): DraftNote {
    const note: DraftNote = { seq: this.seq++, platform: person.platform, handle: person.handle, at, text, labels: label ? [label] : [] };
    if (remind) note.remind = remind;
    this.notes.push(note);
    return note;
  }

  text(template: string, person?: Person, product = 'sourdough'): string {
    return fillText(template, { first: person?.first ?? 'friend', product, town: TOWN, site: SITE });
  }

  /**
   * A hand-written everyday message: the core with a varied opener and closer, so that the only
   * outbound texts repeated word for word to many people are the deliberate templates.
   */
  personal(template: string, person: Person, product = 'sourdough'): string {
    const core = this.text(template, person, product);
    const opener = this.rng.pick(HAND_OPENERS);
    const body = opener ? `${opener}${core.charAt(0).toLowerCase()}${core.slice(1)}` : core;
    return `${body}${this.rng.pick(HAND_CLOSERS)}`;
  }

  /** A follower's message, varied the way people type on their phones. */
  casual(text: string): string {
    return `${this.rng.pick(CASUAL_OPENERS)}${text}${this.rng.pick(CASUAL_CLOSERS)}`;
  }

  /** Whether anything may happen between this person and the bakery at `time`. */
  isActive(person: Person, time: number): boolean {
    if (time > this.timeline.end) return false;
    if (person.followedAt === undefined || time < person.followedAt) return false;
    if (person.unfollowedAt !== undefined && time >= person.unfollowedAt) return false;
    if (person.quietFrom !== undefined && time >= person.quietFrom) return false;
    return true;
  }

  peopleWithRole(...roles: Role[]): Person[] {
    return this.people.filter((p) => roles.includes(p.role));
  }

  /** People not yet used by any of the given scenarios; marks none. */
  unused(people: readonly Person[], ...scenarios: string[]): Person[] {
    return people.filter((p) => scenarios.every((s) => !p.uses.has(s)) && p.uses.size === 0);
  }

  private add(platform: DemoPlatform, actor: string, target: string | undefined, input: InteractionInput): Draft {
    const draft: Draft = { seq: this.seq++, platform, at: Math.round(input.at / 1000) * 1000, kind: input.kind, actor, labels: input.label ? [input.label] : [] };
    if (target !== undefined) draft.target = target;
    if (input.text !== undefined) draft.text = input.text;
    if (input.inReplyTo) draft.inReplyTo = input.inReplyTo;
    if (input.about) draft.about = input.about;
    this.drafts.push(draft);
    return draft;
  }
}
