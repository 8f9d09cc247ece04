/**
 * Today's agenda (DESIGN §3): who deserves your attention, and why. Staged: for each person,
 * gather the facts (relationship as of `at`, notes), let every rule propose an action, keep the
 * best-scoring one per person, rank them all, and present the top ones. Pure: the snapshot in,
 * the agenda out; nothing here reads a clock or a database.
 */
import type { WorkspaceSnapshot } from '../domain/snapshot.js';
import { displayHandle, displayName, type Identity, type Interaction, type Person } from '../domain/views.js';
import { relationshipAsOf } from '../relationships/relationship.js';
import { scoreOf } from './rank.js';
import { RULES } from './rules/index.js';
import type { Agenda, AgendaAction, PersonContext } from './types.js';

export interface AgendaOptions {
  /** How many actions to present (default: the playbook's `agenda.limit`). */
  readonly limit?: number;
}

export function buildAgenda(snapshot: WorkspaceSnapshot, options: AgendaOptions = {}): Agenda {
  const { at, playbook } = snapshot;
  const now = Date.parse(at);
  const today = at.slice(0, 10);
  const posts = new Map(snapshot.ownPosts.map((p) => [p.pid, p]));
  const ownPost = (pid: string | null) => (pid ? posts.get(pid) : undefined);

  const actions: AgendaAction[] = [];
  let snoozed = 0;
  for (const person of snapshot.people) {
    if (person.identities.every((i) => i.isOwn)) continue;
    const until = snapshot.snoozes.get(person.id);
    if (until !== undefined && until >= today) {
      snoozed++;
      continue;
    }
    const interactions = (snapshot.interactionsByPerson.get(person.id) ?? []).filter((i) => i.at <= at);
    const notes = snapshot.notesByPerson.get(person.id) ?? [];
    if (interactions.length === 0 && !notes.some((n) => n.remind)) continue;
    const ctx = contextFor(person, interactions, notes, { at, now, snapshot, ownPost });
    let best: AgendaAction | undefined;
    for (const rule of RULES) {
      const found = rule(ctx);
      if (!found) continue;
      const { score, parts } = scoreOf(found, ctx.relationship, now, playbook);
      // One action per person: the most pressing one, so the list never nags twice about someone.
      if (best && best.score >= score) continue;
      best = {
        kind: found.kind,
        personId: person.id,
        handle: displayHandle(ctx.identity),
        platform: ctx.identity.platform,
        name: ctx.name,
        stage: ctx.relationship.stage,
        principles: found.principles,
        why: found.why,
        evidence: found.evidence,
        suggestion: found.suggestion,
        score,
        scoreParts: parts,
      };
    }
    if (best) actions.push(best);
  }
  actions.sort((a, b) => b.score - a.score || a.personId - b.personId);
  const limit = options.limit ?? playbook.agenda.limit;
  return { at, actions: actions.slice(0, limit), total: actions.length, snoozed };
}

function contextFor(
  person: Person,
  interactions: readonly Interaction[],
  notes: PersonContext['notes'],
  { at, now, snapshot, ownPost }: { at: string; now: number; snapshot: WorkspaceSnapshot; ownPost: PersonContext['ownPost'] },
): PersonContext {
  const relationship = relationshipAsOf({ interactions, at, read: snapshot.read, identities: person.identities, playbook: snapshot.playbook });
  const name = displayName(person);
  return {
    at,
    now,
    person,
    identity: addressee(person, interactions),
    name,
    firstName: firstNameOf(name),
    interactions,
    notes,
    relationship,
    read: snapshot.read,
    playbook: snapshot.playbook,
    ownPost,
  };
}

/** The identity they were last active with: where an answer will be seen. */
function addressee(person: Person, interactions: readonly Interaction[]): Identity {
  const others = person.identities.filter((i) => !i.isOwn);
  for (let k = interactions.length - 1; k >= 0; k--) {
    const i = interactions[k]!;
    const id = others.find((x) => x.id === (i.direction === 'in' ? i.actorId : i.targetId));
    if (id) return id;
  }
  return others[0] ?? (person.identities[0] as Identity);
}

/** "Ana Souza" → "Ana"; "@ana@example.social" → "ana". */
export function firstNameOf(name: string): string {
  const bare = name.replace(/^@/, '').split('@')[0] ?? name;
  return bare.split(/[\s.]+/)[0] || bare;
}
