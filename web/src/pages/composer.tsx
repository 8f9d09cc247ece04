/**
 * The composer: a draft is checked by the coach as you type (250 ms after you pause; a check
 * still running when you type again is cancelled). It only advises: nothing is ever sent from
 * here (DESIGN §7).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.js';
import type { Channel, CoachResult, Reason, Verdict } from '../api-types.js';
import { PrincipleBadge, StageBadge } from '../components/badges.js';
import { explainPrinciple } from '../principles.js';
import { useDebounced } from '../use-debounced.js';
import { useWorkspace } from '../workspace-context.js';

const COMPOSER_PAUSE_MS = 60;

const CHANNELS: Record<Channel, string> = { dm: 'Direct message', reply: 'Reply', mention: 'Mention', post: 'Post' };

const VERDICT_TEXT: Record<Verdict, { readonly title: string; readonly sentence: string }> = {
  go: { title: 'Go', sentence: 'Nothing in this draft works against the relationship.' },
  revise: { title: 'Revise', sentence: 'Worth sending after a change: see the reasons below.' },
  wait: { title: 'Wait', sentence: 'Not yet: this would ask too much of where you stand with them.' },
};

const SEVERITY_TEXT: Record<Reason['severity'], string> = { wait: 'wait', revise: 'revise', note: 'note', ok: 'fine' };

export function ComposerPage({ to: initialTo, text: initialText }: { to?: string | undefined; text?: string | undefined }) {
  const { at } = useWorkspace();
  const [to, setTo] = useState(initialTo ?? '');
  const [channel, setChannel] = useState<Channel>('dm');
  const [inReplyTo, setInReplyTo] = useState('');
  const [text, setText] = useState(initialText ?? '');
  const [result, setResult] = useState<CoachResult>();
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  // Debounced as one string: a fresh object every render would restart the timer forever. The
  // verdict should be on screen within 100 ms of a pause in typing: 60 ms of quiet, then a check
  // that answers in about 10 ms (the server section of `npm run bench`); keys typed faster than
  // that are one check.
  const settled = useDebounced(JSON.stringify({ to: to.trim(), text, channel, inReplyTo: inReplyTo.trim() }), COMPOSER_PAUSE_MS);
  const suggestions = usePeopleSuggestions(to, at);

  useEffect(() => {
    const draft = JSON.parse(settled) as { to: string; text: string; channel: Channel; inReplyTo: string };
    if (!draft.to || !draft.text.trim()) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    const controller = new AbortController();
    setChecking(true);
    api
      .check({ to: draft.to, text: draft.text, channel: draft.channel, at, ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}) }, controller.signal)
      .then((r) => {
        setResult(r);
        setError(undefined);
        setChecking(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setResult(undefined);
        setError(messageOf(e));
        setChecking(false);
      });
    // A newer draft replaces this check: its answer would be about words no longer on screen.
    return () => controller.abort();
  }, [settled, at]);

  return (
    <section aria-labelledby="composer-title">
      <h1 id="composer-title">Composer</h1>
      <p class="notice">The coach reads your draft as you type. <strong>Nothing is sent from here</strong>: copy your words and post them yourself.</p>
      <div class="composer">
        <form class="draft" onSubmit={(e) => e.preventDefault()}>
          <label for="composer-to">To (a name or handle)</label>
          <input id="composer-to" type="text" list="composer-people" autoComplete="off" placeholder="@ana@example.social" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          <datalist id="composer-people">
            {suggestions.map((p) => <option key={p.handle} value={p.handle}>{p.name}</option>)}
          </datalist>
          <span class="row">
            <span class="field">
              <label for="composer-channel">Channel</label>
              <select id="composer-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)}>
                {(Object.keys(CHANNELS) as Channel[]).map((c) => <option key={c} value={c}>{CHANNELS[c]}</option>)}
              </select>
            </span>
            <span class="field grow">
              <label for="composer-reply">In reply to (post id, optional)</label>
              <input id="composer-reply" type="text" value={inReplyTo} onInput={(e) => setInReplyTo(e.currentTarget.value)} />
            </span>
          </span>
          <label for="composer-text">Your draft</label>
          <textarea id="composer-text" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </form>
        <div class="coach" aria-live="polite" aria-busy={checking}>
          {!result && !error && <p class="muted">{to.trim() ? 'Type a draft to see what the coach thinks.' : 'Pick who it is for, then type a draft.'}</p>}
          {error && <p class="error" role="alert">{error}</p>}
          {result && <CoachAnswer result={result} />}
        </div>
      </div>
    </section>
  );
}

function CoachAnswer({ result }: { result: CoachResult }) {
  const { verdict, reasons, suggestions, relationship } = result;
  const shown = reasons.filter((r) => r.severity !== 'ok');
  const fine = reasons.filter((r) => r.severity === 'ok');
  return (
    <>
      <div class={`verdict verdict-${verdict}`} data-verdict={verdict}>
        <p class="verdict-title">{VERDICT_TEXT[verdict].title}</p>
        <p>{VERDICT_TEXT[verdict].sentence}</p>
      </div>
      <p class="muted">
        {relationship.known ? <>{relationship.name} ({relationship.handle}) · <StageBadge stage={relationship.stage} /></> : <>{relationship.handle} is not in your workspace yet: a stranger.</>}
      </p>
      {shown.length > 0 && (
        <>
          <h2>Why</h2>
          <ul class="reasons">
            {[...shown, ...fine].map((r, i) => (
              <li key={i} class={`severity-${r.severity}`}>
                <PrincipleBadge id={r.principle} /> <span class="severity">{SEVERITY_TEXT[r.severity]}</span>
                <p>{r.evidence}</p>
                <p class="explain">{explainPrinciple(r.principle)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {shown.length === 0 && fine.length > 0 && (
        <ul class="reasons">
          {fine.map((r, i) => <li key={i} class="severity-ok"><PrincipleBadge id={r.principle} /> <p>{r.evidence}</p></li>)}
        </ul>
      )}
      {suggestions.length > 0 && (
        <>
          <h2>Suggestions</h2>
          <ul class="suggestions">{suggestions.map((s, i) => <li key={i}>{s}</li>)}</ul>
        </>
      )}
    </>
  );
}

/** People whose name or handle matches what is typed in "To", for the picker's list. */
function usePeopleSuggestions(query: string, at: string): { handle: string; name: string }[] {
  const q = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<{ handle: string; name: string }[]>([]);
  useEffect(() => {
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    api.people({ q, at, limit: 20 }).then(
      ({ people }) => current && setFound(people.flatMap((p) => p.handles.map((h) => ({ handle: h.handle, name: p.name })))),
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [q, at]);
  return found;
}
