/**
 * Folds one person's interactions, in time order, into the state of the relationship as of a
 * moment (DESIGN §2): stage and the day each stage was reached, warmth and its trend,
 * reciprocity, the give/ask ledger, first and last touch each way, who starts conversations,
 * open loops (their questions you have not answered) and the topics they care about.
 * Pure and deterministic: the same interactions and the same `at` always give the same state.
 */
import type { FoldedInteraction, Identity, Interaction } from '../domain/views.js';
import { DEFAULT_PLAYBOOK, STAGES, stageRank, type Playbook, type Stage } from '../playbook/playbook.js';
import { cachedIntentLookup, type IntentLookup } from './message-intents.js';
import type { MessageReader } from './message-reader.js';
import { topicsOf } from './topics.js';

const DAY_MS = 86_400_000;
/** Kinds that carry a conversation (a like or a follow is a touch, not a word). */
export const CONVERSATIONAL: ReadonlySet<string> = new Set(['reply', 'mention', 'dm', 'quote', 'meeting']);

export interface StageStep {
  readonly stage: Stage;
  readonly at: string;
}

export interface Touches {
  readonly firstIn: string | null;
  readonly firstOut: string | null;
  readonly lastIn: string | null;
  readonly lastOut: string | null;
}

export interface LedgerEntry {
  readonly side: 'give' | 'ask';
  readonly at: string;
  readonly interactionId: number;
  /** Plain words: "shared their post", "answered their question", "asked a favour". */
  readonly what: string;
  readonly evidence: readonly string[];
}

export interface OpenLoop {
  readonly interactionId: number;
  readonly pid: string;
  readonly at: string;
  readonly kind: string;
  readonly text: string;
  readonly evidence: readonly string[];
}

export interface Relationship {
  readonly at: string;
  readonly stage: Stage;
  readonly history: readonly StageStep[];
  readonly warmth: { readonly value: number; readonly previous: number; readonly trend: 'warming' | 'steady' | 'cooling' };
  readonly reciprocity: { readonly in: number; readonly out: number; readonly balance: number };
  readonly ledger: { readonly gives: number; readonly asks: number; readonly balance: number; readonly entries: readonly LedgerEntry[] };
  readonly touches: Touches;
  readonly initiated: { readonly they: number; readonly you: number };
  readonly exchanges: number;
  readonly exchangeDays: number;
  readonly openLoops: readonly OpenLoop[];
  readonly topics: readonly string[];
  readonly total: number;
  readonly byKind: Record<string, { in: number; out: number }>;
  /** Their inbound shares/quotes/mentions with praise, asked for by nothing you said just before. */
  readonly unpromptedPraise: number;
}

export interface FoldInput {
  /** The person's interactions in time order (later ones are ignored). */
  readonly interactions: readonly FoldedInteraction[];
  readonly at: string;
  readonly read: MessageReader;
  /**
   * How the fold looks up a text's intents (at the playbook's threshold): by default a cache of
   * `read`'s answers kept with the reader; a fold over the whole workspace passes intents stored
   * with it (`TextIntentMemo`).
   */
  readonly intents?: IntentLookup;
  readonly identities?: readonly Identity[];
  readonly playbook?: Playbook;
}

export function relationshipAsOf(input: FoldInput): Relationship {
  const { state, theirTexts } = fold(input);
  return { ...state, topics: topicsOf((input.identities ?? []).map((id) => id.bio ?? '').filter(Boolean), theirTexts) };
}

/**
 * The relationship without its topics, for views of everyone at once (`rapport people`): the
 * topics are the costliest part of the fold and only a person's own card shows them.
 */
export function relationshipStateAsOf(input: FoldInput): Omit<Relationship, 'topics'> {
  return fold(input).state;
}

function fold({ interactions, at, read, intents: lookup, playbook = DEFAULT_PLAYBOOK }: FoldInput): { state: Omit<Relationship, 'topics'>; theirTexts: string[] } {
  const { stages, conversation, language } = playbook;
  const threshold = language.intentThreshold;
  const intentsOf = lookup ?? cachedIntentLookup(read, threshold);
  const answerMs = stages.answerWindowDays * DAY_MS;
  const newConversationMs = conversation.newConversationAfterDays * DAY_MS;
  const unpromptedMs = conversation.unpromptedDays * DAY_MS;

  const history: StageStep[] = [];
  let stage: Stage = 'stranger';
  const reach = (next: Stage, when: string) => {
    if (stageRank(next) <= stageRank(stage)) return;
    // Stages skipped in one step are reached at the same moment: the history stays complete.
    for (let r = stageRank(stage) + 1; r <= stageRank(next); r++) history.push({ stage: STAGES[r] as Stage, at: when });
    stage = next;
  };

  const byKind: Record<string, { in: number; out: number }> = {};
  let firstIn: string | null = null;
  let firstOut: string | null = null;
  let lastIn: string | null = null;
  let lastOut: string | null = null;
  let total = 0;
  let convIn = 0;
  let convOut = 0;
  let exchanges = 0;
  const exchangeDays = new Set<string>();
  let pendingIn: number | undefined;
  let pendingOut: number | undefined;
  let lastConversational = Number.NEGATIVE_INFINITY;
  const initiated = { they: 0, you: 0 };
  const ledger: LedgerEntry[] = [];
  let gives = 0;
  let asks = 0;
  let lastAskAt = Number.NEGATIVE_INFINITY;
  let unpromptedPraise = 0;
  let engagedSince: number | undefined;
  const theirPosts = new Set<string>();
  const openLoops = new Map<number, OpenLoop>();
  const theirTexts: string[] = [];

  const give = (i: FoldedInteraction, what: string, evidence: readonly string[] = []) => {
    gives++;
    ledger.push({ side: 'give', at: i.at, interactionId: i.id, what, evidence });
  };

  const warmth = new WarmthSum(at, playbook);
  for (const i of interactions) {
    if (i.at > at) break;
    total++;
    const counts = (byKind[i.kind] ??= { in: 0, out: 0 });
    counts[i.direction]++;
    if (i.direction === 'in') {
      firstIn ??= i.at;
      lastIn = i.at;
    } else {
      firstOut ??= i.at;
      lastOut = i.at;
    }
    const t = Date.parse(i.at);
    warmth.add(i.kind, t);
    const text = i.text ?? '';
    if (i.kind === 'post') {
      if (i.direction === 'in') {
        theirPosts.add(i.pid);
        if (text) theirTexts.push(text);
      }
      continue;
    }
    // Posts only feed topics: reading them would cost the most common text for nothing.
    const analysis = text ? intentsOf(text) : undefined;
    reach('connected', i.at);

    if (i.direction === 'out') {
      if (i.kind === 'share' || i.kind === 'quote') give(i, i.about && theirPosts.has(i.about) ? 'shared their post' : 'shared their work');
      if (analysis) {
        const favour = analysis.favour;
        const pitch = analysis.pitch;
        if (favour || pitch) {
          asks++;
          lastAskAt = t;
          ledger.push({ side: 'ask', at: i.at, interactionId: i.id, what: favour ? 'asked a favour' : 'pitched', evidence: (favour ?? pitch)?.evidence ?? [] });
        }
        const thanks = analysis.gratitude;
        if (thanks) give(i, 'thanked them', thanks.evidence);
        else {
          const helpful = analysis.helpful;
          if (helpful) give(i, 'helped them', helpful.evidence);
        }
      }
    } else {
      if (text) theirTexts.push(text);
      if ((i.kind === 'quote' || i.kind === 'mention' || i.kind === 'share') && analysis?.compliment && t - lastAskAt > unpromptedMs) {
        unpromptedPraise++;
      }
    }

    if (!CONVERSATIONAL.has(i.kind)) continue;
    if (t - lastConversational > newConversationMs) initiated[i.direction === 'in' ? 'they' : 'you']++;
    lastConversational = t;
    if (i.direction === 'in') {
      convIn++;
      if (pendingOut !== undefined && t - pendingOut <= answerMs) {
        exchanges++;
        exchangeDays.add(i.at.slice(0, 10));
        pendingOut = undefined;
      }
      pendingIn ??= t;
      const question = analysis?.question;
      if (question) openLoops.set(i.id, { interactionId: i.id, pid: i.pid, at: i.at, kind: i.kind, text, evidence: question.evidence });
    } else {
      convOut++;
      if (pendingIn !== undefined && t - pendingIn <= answerMs) {
        exchanges++;
        exchangeDays.add(i.at.slice(0, 10));
        pendingIn = undefined;
      }
      pendingOut ??= t;
      if (openLoops.size > 0) {
        give(i, openLoops.size === 1 ? 'answered their question' : `answered their ${openLoops.size} questions`);
        openLoops.clear();
      }
    }
    if (exchanges > 0) reach('acquainted', i.at);
    if (exchangeDays.size >= stages.engagedMinDays) {
      reach('engaged', i.at);
      engagedSince ??= t;
    }
    if (engagedSince !== undefined && t - engagedSince >= stages.trustedAfterDays * DAY_MS && initiated.they > 0 && gives > asks) {
      reach('trusted', i.at);
    }
  }
  // Praise can come as a plain share or quote, not only in conversation: judge advocates last.
  if (unpromptedPraise > 0 && stageRank(stage) >= stageRank('engaged')) reach('advocate', lastIn ?? at);

  const state = {
    at,
    stage,
    history,
    warmth: warmth.result(),
    reciprocity: { in: convIn, out: convOut, balance: convOut - convIn },
    ledger: { gives, asks, balance: gives - asks, entries: ledger },
    touches: { firstIn, firstOut, lastIn, lastOut },
    initiated,
    exchanges,
    exchangeDays: exchangeDays.size,
    openLoops: [...openLoops.values()],
    total,
    byKind,
    unpromptedPraise,
  };
  return { state, theirTexts };
}

/** Time-decayed warmth now and `trendDays` earlier, each decayed to its own moment. */
class WarmthSum {
  private readonly now: number;
  private readonly before: number;
  private readonly halfLifeMs: number;
  private value = 0;
  private previous = 0;

  constructor(at: string, private readonly playbook: Playbook) {
    this.now = Date.parse(at);
    this.before = this.now - playbook.warmth.trendDays * DAY_MS;
    this.halfLifeMs = playbook.warmth.halfLifeDays * DAY_MS;
  }

  add(kind: string, t: number): void {
    const weight = this.playbook.warmth.weights[kind] ?? 0;
    if (weight === 0) return;
    this.value += weight * 0.5 ** ((this.now - t) / this.halfLifeMs);
    if (t <= this.before) this.previous += weight * 0.5 ** ((this.before - t) / this.halfLifeMs);
  }

  result(): Relationship['warmth'] {
    const { value, previous } = this;
    const { trendChange } = this.playbook.warmth;
    const trend = value > previous * (1 + trendChange) + 0.05 ? 'warming' : value < previous * (1 - trendChange) ? 'cooling' : 'steady';
    return { value: round(value), previous: round(previous), trend };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Groups a workspace's interactions (in time order) by the person on the other side. */
export function groupByPerson(interactions: readonly Interaction[]): Map<number, Interaction[]> {
  const groups = new Map<number, Interaction[]>();
  for (const i of interactions) {
    if (i.personId === null) continue;
    let list = groups.get(i.personId);
    if (!list) groups.set(i.personId, (list = []));
    list.push(i);
  }
  return groups;
}
