/** The People page's search, filters and sort over the rows of `listPeople` (pure). */
import { stageRank, type Stage } from '../playbook/playbook.js';
import type { PersonRow } from '../workspace/people-list.js';
import type { PEOPLE_SORTS } from './schemas.js';

export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PeopleFilter {
  readonly stage?: Stage | undefined;
  /** Part of a name or handle, any case. */
  readonly q?: string | undefined;
  /** Only warm relationships going quiet. */
  readonly quiet?: boolean | undefined;
  readonly sort?: PeopleSort | undefined;
  readonly limit?: number | undefined;
}

/**
 * "Going quiet" (DESIGN §1 stay-in-touch): the warmth is cooling and the relationship had got
 * somewhere — at least one answered exchange — so there is something to keep.
 */
export function isGoingQuiet(row: PersonRow): boolean {
  return row.warmth.trend === 'cooling' && stageRank(row.stage) >= stageRank('acquainted');
}

/** Rows as listPeople sorts them (closest first) unless `sort` says otherwise; `total` counts before the limit. */
export function queryPeople(rows: readonly PersonRow[], filter: PeopleFilter): { people: PersonRow[]; total: number } {
  const q = filter.q?.trim().toLowerCase();
  let found = rows.filter(
    (r) =>
      (filter.stage === undefined || r.stage === filter.stage) &&
      (!filter.quiet || isGoingQuiet(r)) &&
      (!q || r.name.toLowerCase().includes(q) || r.handles.some((h) => h.handle.toLowerCase().includes(q))),
  );
  const compare = COMPARE[filter.sort ?? 'stage'];
  if (compare) found = [...found].sort((a, b) => compare(a, b) || a.id - b.id);
  return { people: filter.limit === undefined ? found : found.slice(0, filter.limit), total: found.length };
}

const byLatest = (pick: (r: PersonRow) => string | null) => (a: PersonRow, b: PersonRow) => (pick(b) ?? '').localeCompare(pick(a) ?? '');

// `stage` keeps listPeople's own order (stage, then latest touch).
const COMPARE: Record<PeopleSort, ((a: PersonRow, b: PersonRow) => number) | undefined> = {
  stage: undefined,
  name: (a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
  warmth: (a, b) => b.warmth.value - a.warmth.value,
  'last-in': byLatest((r) => r.touches.lastIn),
  'last-out': byLatest((r) => r.touches.lastOut),
  interactions: (a, b) => b.interactions.in + b.interactions.out - (a.interactions.in + a.interactions.out),
};
