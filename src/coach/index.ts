/**
 * The coach: checks one draft against one relationship, as of one moment. A staged pure
 * pipeline — gather (what we know about them) → enrich (what the draft says, in its setting) →
 * rules (one per playbook principle) → present (verdict, reasons, personal suggestions).
 *
 *   checkDraft({ handle: '@pia@bakers.social', personId: 7, interactions, …, draft: { text, channel: 'dm' } })
 *   // → { verdict: 'wait', reasons: [{ principle: 'give-before-ask', evidence: '…' }], suggestions: […] }
 */
import { enrich, type Enriched } from './enrich.js';
import { gather, type Gathered } from './gather.js';
import { RULES, type CoachContext } from './rules/index.js';
import { isSafeSuggestion } from './safe-suggestion.js';
import type { CoachInput, CoachResult, Finding, Reason, RelationshipSummary, Severity, Verdict } from './types.js';

export function checkDraft(input: CoachInput): CoachResult {
  const g = gather(input);
  const e = enrich(input, g);
  const ctx: CoachContext = { input, g, e };
  const findings = RULES.flatMap((rule) => rule.check(ctx));
  return present(ctx, findings);
}

const RANK: Record<Severity, number> = { wait: 0, revise: 1, note: 2, ok: 3 };

function present(ctx: CoachContext, findings: readonly Finding[]): CoachResult {
  const verdict: Verdict = findings.some((f) => f.severity === 'wait') ? 'wait' : findings.some((f) => f.severity === 'revise') ? 'revise' : 'go';
  // Reasons against first (the ones that decided the verdict), then hints, then what is fine.
  const ordered = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const reasons: Reason[] = ordered.map((f) => ({ principle: f.principle, severity: f.severity, evidence: f.evidence }));
  const suggestions = collectSuggestions(ctx, ordered, verdict);
  return { verdict, reasons, suggestions, relationship: summarize(ctx.g), analysis: ctx.e.reading };
}

function collectSuggestions(ctx: CoachContext, ordered: readonly Finding[], verdict: Verdict): string[] {
  const max = ctx.input.playbook.coach.maxSuggestions;
  const seen = new Set<string>();
  const out: string[] = [];
  // Round by round, the best next step of each finding (those that decided the verdict first,
  // then hints): every reason gets its own fix before any gets a second one.
  const lists = ordered.filter((f) => f.severity !== 'ok').map((f) => f.suggestions);
  const rounds = Math.max(0, ...lists.map((l) => l.length));
  for (let r = 0; r < rounds; r++) {
    for (const list of lists) {
      const s = list[r];
      if (s === undefined || seen.has(s)) continue;
      if (out.length >= max) return out;
      // A suggestion is what to do *instead* of selling: never one that reads as a pitch or carries a link.
      if (verdict === 'wait' && !isSafeSuggestion(s, ctx.input.read, ctx.input.playbook)) continue;
      seen.add(s);
      out.push(s);
    }
  }
  return out;
}

function summarize(g: Gathered): RelationshipSummary {
  const rel = g.relationship;
  return {
    known: g.known,
    handle: g.handle,
    name: g.name,
    stage: rel.stage,
    since: rel.history.at(-1)?.at ?? null,
    history: rel.history,
    warmth: rel.warmth,
    ledger: { gives: rel.ledger.gives, asks: rel.ledger.asks, balance: rel.ledger.balance },
    exchanges: rel.exchanges,
    exchangeDays: rel.exchangeDays,
    openLoops: rel.openLoops.length,
    topics: rel.topics,
    lastIn: rel.touches.lastIn,
    lastOut: rel.touches.lastOut,
    interactions: g.history.length,
  };
}

export type { Enriched, Gathered };
export { CHANNELS, VERDICTS } from './types.js';
export type { Channel, CoachInput, CoachResult, Draft, DraftReading, OutboundText, Reason, RelationshipSummary, ThreadInput, Verdict } from './types.js';
