/**
 * Stage 2, enrich: read the draft with the language engine and put it in its setting — does it
 * sell, does it ask a favour, does it answer a question of theirs (which makes an offer
 * welcome), is it a template you pasted to others, which thread does it go into.
 */
import { templateSkeleton, type MessageAnalysis } from '../language/index.js';
import { SELF_WORDS, STOPWORDS } from '../language/lexicons.js';
import { intentOf } from '../relationships/message-reader.js';
import type { Gathered } from './gather.js';
import type { CoachInput, DraftReading, OutboundText } from './types.js';
import { daysBetween, talksAbout } from './words.js';

export interface Invitation {
  readonly pid: string;
  readonly at: string;
  readonly text: string;
}

export interface TemplateMatch {
  readonly recipients: number;
  readonly messages: number;
  /** The most recent matching messages, newest first. */
  readonly examples: readonly OutboundText[];
}

export interface Enriched {
  readonly analysis: MessageAnalysis;
  readonly selling: readonly string[] | null;
  readonly favourAsk: readonly string[] | null;
  readonly ownLinks: readonly string[];
  readonly answers: Invitation | null;
  readonly template: TemplateMatch | null;
  readonly reading: DraftReading;
}

export function enrich(input: CoachInput, g: Gathered): Enriched {
  const { read, playbook, draft } = input;
  const threshold = playbook.language.intentThreshold;
  const analysis = read(draft.text);
  const intent = (name: Parameters<typeof intentOf>[1]) => intentOf(analysis, name, threshold);

  const ownLinks = analysis.links.filter((l) => l.own).map((l) => l.url);
  const selfLink = intent('self-promo-link');
  const pitch = intent('pitch');
  // The model reads almost any link as selling. A helpful message whose "pitch" rests only on
  // someone else's link (and stray single words) is a gift, not an offer.
  const modelOnly = pitch !== undefined && pitch.evidence.every((e) => /^https?:\/\//i.test(e) || !/\s/.test(e.trim()));
  const giftLink = pitch !== undefined && modelOnly && ownLinks.length === 0 && selfLink === undefined
    && intent('helpful') !== undefined && pitch.score < playbook.coach.helpfulLinkMaxPitch;
  const sellingEvidence = unique([
    ...ownLinks,
    ...(selfLink?.evidence ?? []),
    ...(pitch && !giftLink ? pitch.evidence.filter(isTellingEvidence) : []),
  ]);
  const selling = ownLinks.length > 0 || selfLink !== undefined || (pitch !== undefined && !giftLink) ? sellingEvidence : null;
  const favour = intent('favour-ask');
  const answers = findInvitation(input, g);
  const template = findTemplate(input, g);

  const reading: DraftReading = {
    promotional: analysis.promotional,
    promotionalScore: analysis.promotionalScore,
    intents: analysis.intents,
    focus: analysis.focus,
    links: analysis.links,
    selling: { yes: selling !== null, evidence: selling ?? [] },
    favourAsk: { yes: favour !== undefined, evidence: favour?.evidence ?? [] },
    answers,
    thread: g.thread
      ? { inReplyTo: g.thread.inReplyTo, found: g.thread.found, startedBy: g.thread.startedBy, rootAt: g.thread.root?.at ?? null, rootText: g.thread.root?.text ?? null }
      : null,
    followedAt: g.follow?.at ?? null,
    template: template ? { recipients: template.recipients, messages: template.messages } : null,
  };
  return { analysis, selling, favourAsk: favour?.evidence ?? null, ownLinks, answers, template, reading };
}

/**
 * Their own recent question that this draft answers: by replying to it, by going into the
 * thread it is in, or by talking about what it asked ("how much?" answered with a price).
 */
function findInvitation(input: CoachInput, g: Gathered): Invitation | null {
  const { at, read, playbook, draft } = input;
  const threshold = playbook.language.intentThreshold;
  const fresh = (when: string) => daysBetween(when, at) <= playbook.coach.invitationDays;
  const threadPids = new Set(g.thread?.chain.map((i) => i.pid) ?? []);

  // Their questions inside the thread the draft goes into (a "can anyone recommend…?" post).
  for (const i of [...(g.thread?.chain ?? [])].reverse()) {
    if (i.direction !== 'in' || i.personId !== input.personId || !i.text || !fresh(i.at)) continue;
    if (intentOf(read(i.text), 'question', threshold)) return { pid: i.pid, at: i.at, text: i.text };
  }
  for (const loop of [...g.openLoops].reverse()) {
    if (!fresh(loop.at)) continue;
    if (draft.inReplyTo === loop.pid || threadPids.has(loop.pid) || talksAbout(draft.text, loop.text)) {
      return { pid: loop.pid, at: loop.at, text: loop.text };
    }
  }
  return null;
}

/** Your messages to other people that the draft nearly repeats (names, links and numbers aside). */
function findTemplate(input: CoachInput, g: Gathered): TemplateMatch | null {
  const { playbook } = input;
  const names = new Set([g.first.toLowerCase(), g.handle.replace(/^@/, '').split('@')[0]!.toLowerCase()]);
  const mine = pairs(templateSkeleton(input.draft.text, names));
  if (mine.size < playbook.coach.templateMinWords) return null;
  const matches: OutboundText[] = [];
  const recipients = new Set<string>();
  const from = Date.parse(input.at) - playbook.coach.templateWindowDays * 86_400_000;
  for (const o of g.others) {
    if (Date.parse(o.at) < from) break;
    const theirs = skeletonPairs(o.text);
    if (jaccard(mine, theirs, playbook.coach.templateSimilarity) < playbook.coach.templateSimilarity) continue;
    matches.push(o);
    recipients.add(o.personId !== null ? `#${o.personId}` : (o.handle ?? o.text));
  }
  if (recipients.size < playbook.coach.templateMinRecipients) return null;
  return { recipients: recipients.size, messages: matches.length, examples: matches.slice(0, 3) };
}

// Your sent messages are compared with every draft; their word pairs never change, so they are
// kept (bounded, like the message reader's cache).
const pairCache = new Map<string, Set<string>>();

function skeletonPairs(text: string): Set<string> {
  let cached = pairCache.get(text);
  if (!cached) {
    cached = pairs(templateSkeleton(text));
    if (pairCache.size > 20_000) pairCache.clear();
    pairCache.set(text, cached);
  }
  return cached;
}

function pairs(skeleton: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (skeleton.length === 1) out.add(skeleton[0]!);
  for (let i = 0; i + 1 < skeleton.length; i++) out.add(`${skeleton[i]} ${skeleton[i + 1]}`);
  return out;
}

/** Jaccard similarity, or 0 early when the sizes alone keep it below `atLeast`. */
function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, atLeast: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return 1;
  if (small.size / large.size < atLeast) return 0;
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Evidence a reader can act on: not a lone "our" or "a" the model happened to weigh. */
function isTellingEvidence(e: string): boolean {
  const word = e.trim().toLowerCase();
  if (word.length <= 2) return false;
  return /\s/.test(word) || !(SELF_WORDS.has(word) || STOPWORDS.has(word));
}
