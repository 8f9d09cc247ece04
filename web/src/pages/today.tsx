/**
 * Today: the ranked agenda. Each action says who, what to do, why (principles and evidence)
 * and offers an opener to edit and copy. Nothing is sent from here: Copy puts the words on the
 * clipboard, and the user posts them themselves (DESIGN §7).
 */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api.js';
import type { AgendaAction } from '../api-types.js';
import { PrincipleList, StageBadge } from '../components/badges.js';
import { dayAfter, formatTime } from '../dates.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import { useWorkspace } from '../workspace-context.js';
import { ACTION_LABELS } from '../../../src/agenda/types.js';

/** The most actions the API hands out at once. */
const MAX_ACTIONS = 500;

export function TodayPage() {
  const { at } = useWorkspace();
  const [limit, setLimit] = useState<number>();
  const agenda = useLoad(() => api.today(at, limit), [at, limit]);
  // Done or snoozed actions leave the list at once; the server keeps them hidden from then on.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const actions = (agenda.data?.actions ?? []).filter((a) => !hidden.has(keyOf(a)));

  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      {agenda.error && <p class="error" role="alert">{agenda.error}</p>}
      {agenda.loading && !agenda.data && <p class="muted">Loading the agenda…</p>}
      {agenda.data && (
        <p class="muted">
          {actions.length === 0 ? 'Nothing to do today — a good day to simply be there.' : `${actions.length} thing${actions.length === 1 ? '' : 's'} worth doing, most important first.`}
          {agenda.data.total > agenda.data.actions.length && ` (${agenda.data.total} found in all.)`}
          {agenda.data.snoozed > 0 && ` ${agenda.data.snoozed} snoozed.`}
          {(agenda.data.done ?? 0) > 0 && ` ${agenda.data.done} marked done.`}
        </p>
      )}
      <ol class="actions">
        {actions.map((action) => (
          <li key={keyOf(action)}>
            <ActionCard action={action} at={at} onGone={() => setHidden((h) => new Set(h).add(keyOf(action)))} />
          </li>
        ))}
      </ol>
      {agenda.data && agenda.data.total > agenda.data.actions.length && (
        <button type="button" disabled={agenda.loading} onClick={() => setLimit(Math.min(agenda.data?.total ?? 0, MAX_ACTIONS))}>
          Show {agenda.data.total > MAX_ACTIONS ? `the first ${MAX_ACTIONS}` : `all ${agenda.data.total}`}
        </button>
      )}
    </section>
  );
}

function keyOf(action: AgendaAction): string {
  return `${action.personId}:${action.kind}`;
}

function ActionCard({ action, at, onGone }: { action: AgendaAction; at: string; onGone: () => void }) {
  const [text, setText] = useState(action.suggestion);
  const [copied, setCopied] = useState(false);
  const [until, setUntil] = useState(dayAfter(at, 7));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = `action-${action.personId}-${action.kind}`;

  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      onGone();
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard access can be refused (an http page on another host): select the text instead.
      const area = document.getElementById(`${id}-text`) as HTMLTextAreaElement | null;
      area?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };

  return (
    <article class="card action" aria-labelledby={`${id}-title`}>
      <header>
        <h2 id={`${id}-title`}>
          <span class={`kind kind-${action.kind}`}>{ACTION_LABELS[action.kind] ?? action.kind}</span>{' '}
          <a href={href.person(action.personId)}>{action.name}</a>
        </h2>
        <p class="who">
          <span class="handle">{action.handle}</span> on {action.platform} · <StageBadge stage={action.stage} />
        </p>
      </header>
      <p class="why">{action.why}</p>
      <PrincipleList ids={action.principles} />
      {action.evidence.length > 0 && (
        <ul class="evidence" aria-label="Evidence">
          {action.evidence.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatTime(e.at)}</time>
              {e.text && <q class="quote">{e.text}</q>}
            </li>
          ))}
        </ul>
      )}
      <label for={`${id}-text`}>Suggested opener (edit it, then copy and post it yourself)</label>
      <textarea id={`${id}-text`} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="buttons">
        <button type="button" onClick={copy}>Copy</button>
        <span class="status" role="status">{copied ? 'Copied.' : ''}</span>
        <a class="button-link" href={href.composer(action.handle, text)}>Check in composer</a>
        <button type="button" class="primary" disabled={busy} onClick={() => act(() => api.done(action.personId, action.kind, action.since))}>
          Done
        </button>
        <span class="snooze">
          <label for={`${id}-until`}>Snooze until</label>
          <input id={`${id}-until`} type="date" min={dayAfter(at, 1)} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          <button type="button" disabled={busy || !until} onClick={() => act(() => api.snooze(action.personId, until))}>
            Snooze
          </button>
        </span>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </article>
  );
}
