/**
 * Folds one person's interactions, in time order, into the stage of the relationship as of a
 * moment, and the day each stage was first reached (DESIGN §2). Pure and deterministic: the
 * same interactions and the same `at` always give the same answer.
 */
import type { Interaction } from '../domain/views.js';
import { DEFAULT_PLAYBOOK, STAGES, stageRank, type Playbook, type Stage } from '../playbook/playbook.js';

const DAY_MS = 86_400_000;
const CONVERSATIONAL = new Set(['reply', 'mention', 'dm', 'quote', 'meeting']);
// A first, plain reading of praise and asks; the language engine refines both.
const PRAISE = /\b(love[ds]?|best|amazing|great|delicious|fantastic|wonderful|recommend|go try|must[- ]try|favou?rite|awesome|incredible|perfect)\b/i;
const ASK = /\b(could|would|can|will) you\b.*\b(share|promote|retweet|boost|review|introduce|recommend|rt|spread)\b|\bplease (share|rt|retweet|boost|review)\b/i;

export interface StageStep {
  readonly stage: Stage;
  readonly at: string;
}

export interface StageFold {
  readonly stage: Stage;
  readonly history: readonly StageStep[];
  readonly exchanges: number;
  readonly exchangeDays: number;
  readonly theyInitiated: number;
  readonly ledger: { readonly gives: number; readonly asks: number };
}

/** Stage of one relationship as of `at` (ISO), from that person's interactions sorted by time. */
export function foldStage(interactions: readonly Interaction[], at: string, playbook: Playbook = DEFAULT_PLAYBOOK): StageFold {
  const windowMs = playbook.stages.answerWindowDays * DAY_MS;
  const history: StageStep[] = [];
  let stage: Stage = 'stranger';
  let exchanges = 0;
  let theyInitiated = 0;
  let gives = 0;
  let asks = 0;
  let praisedUnprompted = false;
  let engagedSince: number | undefined;
  const exchangeDays = new Set<string>();
  // The latest conversational message of each side not yet answered by the other.
  let pendingIn: number | undefined;
  let pendingOut: number | undefined;
  let lastAskAt = Number.NEGATIVE_INFINITY;

  const reach = (next: Stage, when: string) => {
    if (stageRank(next) > stageRank(stage)) {
      // Skipped stages are reached at the same moment: the history stays complete.
      for (let r = stageRank(stage) + 1; r <= stageRank(next); r++) history.push({ stage: STAGES[r] as Stage, at: when });
      stage = next;
    }
  };

  for (const i of interactions) {
    if (i.at > at) break;
    if (i.kind === 'post' && i.personId === null) continue;
    const t = Date.parse(i.at);
    if (i.kind !== 'post') reach('connected', i.at);
    const text = i.text ?? '';
    if (i.direction === 'out') {
      if (i.kind === 'share' || i.kind === 'quote') gives++;
      if (text && ASK.test(text)) {
        asks++;
        lastAskAt = t;
      }
    } else if ((i.kind === 'quote' || i.kind === 'share' || i.kind === 'mention') && text && PRAISE.test(text) && t - lastAskAt > windowMs) {
      praisedUnprompted = true;
    }
    if (!CONVERSATIONAL.has(i.kind)) continue;
    if (i.direction === 'in') {
      if (pendingOut !== undefined && t - pendingOut <= windowMs) {
        exchanges++;
        exchangeDays.add(i.at.slice(0, 10));
        pendingOut = undefined;
      } else if (pendingIn === undefined) {
        theyInitiated++;
      }
      pendingIn ??= t;
    } else {
      if (pendingIn !== undefined && t - pendingIn <= windowMs) {
        exchanges++;
        gives++; // answering them is a give
        exchangeDays.add(i.at.slice(0, 10));
        pendingIn = undefined;
      }
      pendingOut ??= t;
    }
    if (exchanges > 0) reach('acquainted', i.at);
    if (exchangeDays.size >= playbook.stages.engagedMinDays) {
      reach('engaged', i.at);
      engagedSince ??= t;
    }
    if (engagedSince !== undefined && t - engagedSince >= playbook.stages.trustedAfterDays * DAY_MS && theyInitiated > 0 && gives > asks) {
      reach('trusted', i.at);
    }
    if (praisedUnprompted && stageRank(stage) >= stageRank('acquainted')) reach('advocate', i.at);
  }
  return { stage, history, exchanges, exchangeDays: exchangeDays.size, theyInitiated, ledger: { gives, asks } };
}
