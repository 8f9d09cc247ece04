/**
 * `quality-over-quantity`: 30 engaged followers beat 30,000 bought ones. A draft that asks for a
 * follow (or a follow-back) chases the count instead of the person; a recipient whose profile
 * looks like a bot is not where your time is best spent; an engaged follower is.
 */
import { followerQualities } from '../../relationships/follower-quality.js';
import { personalSteps } from '../suggest.js';
import type { Finding } from '../types.js';
import { words, type Rule } from './rule.js';

export const qualityOverQuantity: Rule = {
  principle: 'quality-over-quantity',
  check(ctx) {
    const { input, g } = ctx;
    const asked = followAsks(input.draft.text, input.playbook.coach.followAskWords);
    if (asked.length > 0) {
      return [{
        principle: this.principle,
        severity: 'revise',
        evidence: `${words(asked)} asks ${g.first} for a follow: it chases your follower count, not a relationship`,
        suggestions: [`Drop the follow request: if ${g.first} finds your conversation worth it, they will follow on their own.`, ...personalSteps(ctx)],
      }];
    }
    if (!g.known || !g.follow || input.personId === null) return [];
    const person = { id: input.personId, identities: input.identities };
    const quality = followerQualities(
      { people: [person], interactionsByPerson: new Map([[person.id, g.history]]), playbook: input.playbook },
      input.at,
    ).get(person.id);
    const out: Finding[] = [];
    if (quality?.likelyFake) {
      out.push({ principle: this.principle, severity: 'note', evidence: `${g.handle} looks like a bot or a bought follower: ${quality.explanation}`, suggestions: [] });
    } else if (g.relationship.exchanges > 0) {
      out.push({
        principle: this.principle,
        severity: 'ok',
        evidence: `${g.first} is a real, engaged follower: ${g.relationship.exchanges} two-way exchange${g.relationship.exchanges === 1 ? '' : 's'} with you`,
        suggestions: [],
      });
    }
    return out;
  },
};

/** The follow-asking phrases in the text, as written. */
export function followAsks(text: string, phrases: readonly string[]): string[] {
  const found: string[] = [];
  for (const phrase of phrases) {
    const match = phraseRe(phrase).exec(text);
    if (match) found.push(match[0]);
  }
  return found;
}

// The playbook's phrases rarely change: each is compiled once (a few dozen at most).
const phraseRes = new Map<string, RegExp>();

function phraseRe(phrase: string): RegExp {
  let re = phraseRes.get(phrase);
  if (!re) {
    const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
    if (phraseRes.size >= 1_000) phraseRes.clear();
    phraseRes.set(phrase, re);
  }
  return re;
}
