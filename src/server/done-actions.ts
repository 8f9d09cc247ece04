/**
 * "Done" on the Today page. The agenda is derived afresh from the interactions each time, so
 * an action the user has dealt with outside rapport (thanked by phone, answered in the app) would
 * come back; marking it done records (person, kind, since) in the workspace's settings, and the
 * action stays hidden until a newer event — a later share, a new question — opens it again.
 */
import { z } from 'zod';
import { ACTION_KINDS, type Agenda, type AgendaAction } from '../agenda/index.js';
import type { Store } from '../store/store.js';

export const DONE_SETTING = 'agenda.done';

// Oldest dismissals are forgotten past this many: by then the actions they hid are long stale.
const MAX_KEPT = 2000;

const DoneListSchema = z.array(z.object({ personId: z.number(), kind: z.enum(ACTION_KINDS), since: z.string() }));
export type DoneMark = z.infer<typeof DoneListSchema>[number];

export type TodayAction = AgendaAction & { readonly since: string };
export interface TodayAgenda extends Omit<Agenda, 'actions'> {
  readonly actions: readonly TodayAction[];
  readonly done: number;
}

/** The latest moment an action rests on: its newest evidence (or the agenda's time when it has none). */
export function sinceOf(action: AgendaAction, at: string): string {
  return action.evidence.map((e) => e.at).sort().at(-1) ?? at;
}

/** The agenda without the actions marked done, each action carrying its `since`, cut to `limit`. */
export function withoutDone(agenda: Agenda, marks: readonly DoneMark[], limit: number): TodayAgenda {
  const latestMark = new Map<string, string>();
  for (const m of marks) {
    const key = `${m.personId}:${m.kind}`;
    if ((latestMark.get(key) ?? '') < m.since) latestMark.set(key, m.since);
  }
  const open: TodayAction[] = [];
  let done = 0;
  for (const action of agenda.actions) {
    const since = sinceOf(action, agenda.at);
    const mark = latestMark.get(`${action.personId}:${action.kind}`);
    if (mark !== undefined && since <= mark) done++;
    else open.push({ ...action, since });
  }
  return { at: agenda.at, total: agenda.total - done, snoozed: agenda.snoozed, done, actions: open.slice(0, limit) };
}

export async function loadDoneMarks(store: Store): Promise<DoneMark[]> {
  const raw = await store.getSetting(DONE_SETTING);
  if (!raw) return [];
  try {
    const parsed = DoneListSchema.safeParse(JSON.parse(raw));
    // A damaged list only brings hidden actions back; it must never break the Today page.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export async function markDone(store: Store, mark: DoneMark): Promise<void> {
  const marks = (await loadDoneMarks(store)).filter((m) => !(m.personId === mark.personId && m.kind === mark.kind && m.since <= mark.since));
  marks.push(mark);
  await store.setSetting(DONE_SETTING, JSON.stringify(marks.slice(-MAX_KEPT)));
}
