/**
 * People: everyone in the workspace as a table the server filters and sorts (search by name or
 * handle, stage, "going quiet"); each name opens the person's card.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import type { PeopleSort, PersonRow, Stage } from '../api-types.js';
import { StageBadge, Warmth } from '../components/badges.js';
import { ago, formatDay } from '../dates.js';
import { href } from '../router.js';
import { isStage, STAGE_LIST } from '../stages.js';
import { useDebounced } from '../use-debounced.js';
import { useLoad } from '../use-load.js';
import { useWorkspace } from '../workspace-context.js';

const COLUMNS: readonly { readonly label: string; readonly sort?: PeopleSort }[] = [
  { label: 'Name', sort: 'name' },
  { label: 'Platforms' },
  { label: 'Stage', sort: 'stage' },
  { label: 'Warmth', sort: 'warmth' },
  { label: 'Last from them', sort: 'last-in' },
  { label: 'Last from you', sort: 'last-out' },
  { label: 'Ledger (gives / asks)' },
];

const SORT_LABEL: Record<PeopleSort, string> = {
  stage: 'stage (closest first)',
  name: 'name',
  warmth: 'warmth (warmest first)',
  'last-in': 'last from them (latest first)',
  'last-out': 'last from you (latest first)',
  interactions: 'interactions (most first)',
};

export function PeoplePage() {
  const { at } = useWorkspace();
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [quiet, setQuiet] = useState(false);
  const [sort, setSort] = useState<PeopleSort>('stage');
  const search = useDebounced(q.trim(), 200);
  const people = useLoad(
    () => api.people({ at, q: search, sort, quiet, ...(stage ? { stage } : {}), limit: 500 }),
    [at, search, sort, quiet, stage],
  );
  const rows = people.data?.people ?? [];

  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <span class="field">
          <label for="people-q">Search name or handle</label>
          <input id="people-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} autoComplete="off" />
        </span>
        <span class="field">
          <label for="people-stage">Stage</label>
          <select id="people-stage" value={stage} onChange={(e) => setStage(isStage(e.currentTarget.value) ? e.currentTarget.value : '')}>
            <option value="">Any stage</option>
            {STAGE_LIST.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </span>
        <span class="field">
          <label for="people-sort">Sort by</label>
          <select id="people-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as PeopleSort)}>
            {(Object.keys(SORT_LABEL) as PeopleSort[]).map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
          </select>
        </span>
        <span class="field check">
          <input id="people-quiet" type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.currentTarget.checked)} />
          <label for="people-quiet">Only warm relationships going quiet</label>
        </span>
      </form>
      {people.error && <p class="error" role="alert">{people.error}</p>}
      <p class="muted" role="status">
        {people.loading ? 'Loading…' : `${rows.length}${people.data && people.data.total > rows.length ? ` of ${people.data.total}` : ''} ${rows.length === 1 ? 'person' : 'people'}`}
      </p>
      <div class="table-wrap">
        <table class="people">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.label} scope="col" aria-sort={c.sort && c.sort === sort ? (c.sort === 'name' ? 'ascending' : 'descending') : undefined}>
                  {c.sort ? (
                    <button type="button" class="sort" onClick={() => setSort(c.sort!)} aria-label={`Sort by ${SORT_LABEL[c.sort]}`}>
                      {c.label}{c.sort === sort ? <span aria-hidden="true"> ▾</span> : null}
                    </button>
                  ) : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => <PersonLine key={row.id} row={row} at={at} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PersonLine({ row, at }: { row: PersonRow; at: string }) {
  const platforms = [...new Set(row.handles.map((h) => h.platform))];
  return (
    <tr>
      <th scope="row">
        <a href={href.person(row.id)}>{row.name}</a>
        <span class="handle">{row.handles[0]?.handle}</span>
      </th>
      {/* data-label names the cell when a narrow screen stacks each row into a card (styles.css). */}
      <td data-label="Platforms">{platforms.join(', ')}</td>
      <td data-label="Stage"><StageBadge stage={row.stage} /></td>
      <td data-label="Warmth"><Warmth value={row.warmth.value} trend={row.warmth.trend} /></td>
      <td data-label="Last from them"><time dateTime={row.touches.lastIn ?? undefined} title={formatDay(row.touches.lastIn)}>{ago(row.touches.lastIn, at)}</time></td>
      <td data-label="Last from you"><time dateTime={row.touches.lastOut ?? undefined} title={formatDay(row.touches.lastOut)}>{ago(row.touches.lastOut, at)}</time></td>
      <td data-label="Gives / asks">{row.ledger.gives} / {row.ledger.asks}</td>
    </tr>
  );
}
