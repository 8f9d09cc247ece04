/**
 * One person's card: who they are on each platform, how the relationship stands and how it
 * got there, what they care about, your notes, and everything that happened between you.
 * Imported text (bios, posts, messages) is only ever rendered as text.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, messageOf } from '../api.js';
import type { Identity, Interaction, MergedPerson, PersonDetail } from '../api-types.js';
import { PrincipleBadge, StageBadge, Warmth } from '../components/badges.js';
import { LineChart } from '../components/line-chart.js';
import { NotesSection } from '../components/notes.js';
import { formatDay, formatTime } from '../dates.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';
import { useWorkspace } from '../workspace-context.js';

export function PersonPage({ id }: { id: number }) {
  const { at } = useWorkspace();
  const card = useLoad(() => api.person(id, at), [id, at]);
  const name = card.data?.name;
  useEffect(() => {
    if (name) document.title = `${name} · rapport`;
  }, [name]);

  if (card.error) return <p class="error" role="alert">{card.error}</p>;
  if (!card.data) return <p class="muted">Loading…</p>;
  const person = card.data;
  const rel = person.relationship;
  const handle = person.identities.find((i) => i.handle)?.handle ?? '';

  return (
    <article class="person" aria-labelledby="person-title">
      <p><a href={href.people()}>← People</a></p>
      <header class="person-head">
        <h1 id="person-title">{person.name}</h1>
        <p>
          <StageBadge stage={rel.stage} /> · warmth <Warmth value={rel.warmth.value} trend={rel.warmth.trend} /> ·{' '}
          {rel.total} interactions · ledger {rel.ledger.gives} given / {rel.ledger.asks} asked
        </p>
        {handle && <p><a class="button-link" href={href.composer(handle)}>Write to {person.name} in the composer</a></p>}
      </header>

      <div class="grid">
        <section aria-labelledby="ids-title" class="card">
          <h2 id="ids-title">Identities</h2>
          <Identities person={person} onChanged={card.reload} />
        </section>

        <section aria-labelledby="stage-title" class="card">
          <h2 id="stage-title">How the relationship grew</h2>
          {rel.history.length === 0 ? <p class="muted">Still a stranger: nothing has passed between you yet.</p> : (
            <ol class="history">
              {rel.history.map((step) => (
                <li key={step.stage}><StageBadge stage={step.stage} /> <time dateTime={step.at}>{formatDay(step.at)}</time></li>
              ))}
            </ol>
          )}
          <p class="muted">
            They started {rel.initiated.they} conversation{rel.initiated.they === 1 ? '' : 's'}, you started {rel.initiated.you}; exchanges on {rel.exchangeDays} day{rel.exchangeDays === 1 ? '' : 's'}.
          </p>
        </section>
      </div>

      <WarmthChart person={person} />

      <div class="grid">
        <section aria-labelledby="topics-title" class="card">
          <h2 id="topics-title">What they care about</h2>
          {rel.topics.length === 0 ? <p class="muted">No topics yet.</p> : <ul class="tags">{rel.topics.map((t) => <li key={t}>{t}</li>)}</ul>}
          <h3>Why they follow you</h3>
          {person.followReasons.length === 0 ? (
            <p class="muted">No follow reason found.</p>
          ) : (
            <ul>{person.followReasons.map((r) => <li key={r.reason}><strong>{r.reason}</strong>: {r.evidence}</li>)}</ul>
          )}
          {person.followerQuality && (
            <p class={person.followerQuality.likelyFake ? 'warn' : 'muted'}>
              <PrincipleBadge id={person.followerQuality.principle} /> {person.followerQuality.explanation}
            </p>
          )}
        </section>

        <section aria-labelledby="loops-title" class="card">
          <h2 id="loops-title">Open loops</h2>
          {rel.openLoops.length === 0 ? <p class="muted">No question of theirs is waiting for an answer.</p> : (
            <ul class="timeline">
              {rel.openLoops.map((loop) => (
                <li key={loop.interactionId}>
                  <time dateTime={loop.at}>{formatTime(loop.at)}</time> <span class="kind">{loop.kind}</span>
                  <p class="text">{loop.text}</p>
                </li>
              ))}
            </ul>
          )}
          <p><PrincipleBadge id="ask-and-listen" /></p>
        </section>
      </div>

      <NotesSection personId={person.id} notes={person.notes} at={at} onChanged={card.reload} />

      <Timeline person={person} at={at} />
    </article>
  );
}

function WarmthChart({ person }: { person: PersonDetail }) {
  const labels = useMemo(() => person.warmthSeries.map((p) => p.at.slice(0, 7)), [person]);
  const series = useMemo(() => [{ label: 'Warmth', values: person.warmthSeries.map((p) => Math.round(p.value * 100) / 100) }], [person]);
  if (person.warmthSeries.length === 0) return null;
  return (
    <section class="card" aria-label="Warmth over time">
      <LineChart caption="Warmth at the end of each month over the last year" labels={labels} series={series} />
    </section>
  );
}

function Identities({ person, onChanged }: { person: PersonDetail; onChanged: () => void }) {
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean; link?: string }>();

  const run = async (call: () => Promise<MergedPerson>, done: (result: MergedPerson) => { text: string; link?: string }) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await call();
      setMessage({ ...done(result), error: false });
      setOther('');
      onChanged();
    } catch (e) {
      setMessage({ text: messageOf(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ul class="identities">
        {person.identities.map((identity) => (
          <li key={identity.id}>
            <IdentityLine identity={identity} />
            {person.identities.length > 1 && (
              <button type="button" disabled={busy} onClick={() => run(() => api.unmerge(identity.id), (split) => ({ text: `${identity.handle ?? 'The identity'} is a person of its own again:`, link: href.person(split.id) }))}>
                Unmerge {identity.handle ?? `#${identity.id}`}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const from = other.trim();
          if (from) void run(() => api.merge(person.id, from), () => ({ text: `${from} is now part of ${person.name}.` }));
        }}
      >
        <label for="merge-handle">Same person as another handle? Merge it in</label>
        <span class="row">
          <input id="merge-handle" type="text" placeholder="@them@example.social" value={other} onInput={(e) => setOther(e.currentTarget.value)} />
          <button type="submit" disabled={busy || !other.trim()}>Merge</button>
        </span>
      </form>
      {message && (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
          {message.text} {message.link && <a href={message.link}>open their card</a>}
        </p>
      )}
    </>
  );
}

function IdentityLine({ identity }: { identity: Identity }) {
  const counts = [
    identity.followers !== null ? `${identity.followers} followers` : null,
    identity.following !== null ? `${identity.following} following` : null,
    identity.posts !== null ? `${identity.posts} posts` : null,
  ].filter(Boolean);
  return (
    <div class="identity">
      <p>
        <span class="platform">{identity.platform}</span> <span class="handle">{identity.handle ?? identity.uid ?? `#${identity.id}`}</span>
        {identity.name && <> — {identity.name}</>}
      </p>
      {identity.bio && <p class="text bio">{identity.bio}</p>}
      <p class="muted">{[identity.location, ...counts, identity.created ? `joined ${formatDay(identity.created)}` : null].filter(Boolean).join(' · ')}</p>
    </div>
  );
}

const DIRECTION = { in: 'from them', out: 'from you' } as const;

function Timeline({ person, at }: { person: PersonDetail; at: string }) {
  const [older, setOlder] = useState<Interaction[]>([]);
  const [more, setMore] = useState(person.timelineMore);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const items = [...person.timeline, ...older];

  const loadOlder = async () => {
    const oldest = items.at(-1);
    if (!oldest) return;
    setLoading(true);
    try {
      const page = await api.interactions(person.id, oldest.id, at, 100);
      setOlder((o) => [...o, ...page.interactions]);
      setMore(page.more);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {items.length === 0 ? <p class="muted">No interactions yet.</p> : (
        <ol class="timeline">
          {items.map((i) => (
            <li key={i.id} class={`dir-${i.direction}`}>
              <time dateTime={i.at}>{formatTime(i.at)}</time> <span class="kind">{i.kind}</span> <span class="muted">{DIRECTION[i.direction]} · {i.platform}</span>
              {i.text && <p class="text">{i.text}</p>}
            </li>
          ))}
        </ol>
      )}
      {more && <button type="button" disabled={loading} onClick={loadOlder}>{loading ? 'Loading…' : 'Show older'}</button>}
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}
