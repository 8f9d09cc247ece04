/**
 * Import: upload an export (any format `rapport import` reads), watch the upload and then the
 * import job, and read the same summary (or the same error) the CLI prints.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf, uploadImport } from '../api.js';
import type { ImportJob, ImportSummary } from '../api-types.js';

type Phase =
  | { readonly step: 'idle' }
  | { readonly step: 'uploading'; readonly share: number }
  | { readonly step: 'importing'; readonly job: ImportJob }
  | { readonly step: 'done'; readonly summary: ImportSummary }
  | { readonly step: 'failed'; readonly message: string };

const POLL_MS = 300;

export function ImportPage({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);
  const busy = phase.step === 'uploading' || phase.step === 'importing';

  const start = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setPhase({ step: 'uploading', share: 0 });
    try {
      const { jobId } = await uploadImport(file, (share) => alive.current && setPhase({ step: 'uploading', share }));
      for (;;) {
        if (!alive.current) return;
        const job = await api.importJob(jobId);
        if (job.state === 'done' && job.summary) {
          setPhase({ step: 'done', summary: job.summary });
          onImported();
          return;
        }
        if (job.state === 'failed') {
          setPhase({ step: 'failed', message: job.error ? [job.error.error, job.error.hint].filter(Boolean).join('. ') : 'The import failed.' });
          return;
        }
        setPhase({ step: 'importing', job });
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
      }
    } catch (err) {
      if (alive.current) setPhase({ step: 'failed', message: messageOf(err) });
    }
  };

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import</h1>
      <p>
        Bring in an export from a platform: an X or Mastodon archive (.zip), a Bluesky repository (.car), a LinkedIn export
        (.zip or .csv), or a rapport JSONL file. Importing the same file twice changes nothing.
      </p>
      <form class="card" onSubmit={start}>
        <label for="import-file">Export file</label>
        <input id="import-file" type="file" disabled={busy} onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        <span class="buttons">
          <button type="submit" class="primary" disabled={!file || busy}>Import</button>
        </span>
      </form>
      <Progress phase={phase} />
      {phase.step === 'failed' && <p class="error" role="alert">{phase.message}</p>}
      {phase.step === 'done' && <Summary summary={phase.summary} />}
    </section>
  );
}

function Progress({ phase }: { phase: Phase }) {
  if (phase.step === 'uploading') {
    const percent = Math.round(phase.share * 100);
    return (
      <div class="progress-line">
        <label for="import-progress">Uploading… {percent}%</label>
        <progress id="import-progress" max={100} value={percent} />
      </div>
    );
  }
  if (phase.step === 'importing') {
    const p = phase.job.progress;
    const percent = p && p.totalBytes > 0 ? Math.round((p.bytesDone / p.totalBytes) * 100) : undefined;
    return (
      <div class="progress-line">
        <label for="import-progress">
          Importing{p?.found ? ` ${p.found}` : ''}… {percent === undefined ? '' : `${percent}%`}
        </label>
        {/* Without a total the bar is indeterminate: it says "working" without pretending to know how far. */}
        {percent === undefined ? <progress id="import-progress" /> : <progress id="import-progress" max={100} value={percent} />}
      </div>
    );
  }
  return null;
}

/** The CLI's summary (src/cli/commands/import.ts renderSummary), as a page section. */
function Summary({ summary: s }: { summary: ImportSummary }) {
  const kinds = Object.entries(s.byKind);
  return (
    <section class="card summary" aria-labelledby="summary-title" role="status">
      <h2 id="summary-title">{s.dryRun ? 'Dry run: nothing was written.' : `Imported ${s.format}.`}</h2>
      <p class="muted">{s.found}</p>
      <dl class="counts">
        <dt>interactions</dt>
        <dd>{s.interactions.new} new, {s.interactions.known} already known</dd>
        <dt>people</dt>
        <dd>{s.people} new</dd>
        <dt>notes</dt>
        <dd>{s.notes} new, {s.notesKnown} already known</dd>
        {s.accounts > 0 && (
          <>
            <dt>your accounts</dt>
            <dd>{s.accounts} new</dd>
          </>
        )}
      </dl>
      {kinds.length > 0 && (
        <table class="by-kind">
          <caption>New by kind</caption>
          <thead><tr><th scope="col">kind</th><th scope="col">in</th><th scope="col">out</th></tr></thead>
          <tbody>
            {kinds.map(([kind, c]) => <tr key={kind}><th scope="row">{kind}</th><td>{c.in}</td><td>{c.out}</td></tr>)}
          </tbody>
        </table>
      )}
      {s.skippedCount > 0 && (
        <>
          <h3 class="warn">Skipped {s.skippedCount} line{s.skippedCount === 1 ? '' : 's'}:</h3>
          <ul class="skipped">
            {s.skipped.map((skip, i) => (
              <li key={i}>
                {[skip.file, skip.line !== undefined ? `line ${skip.line}` : undefined].filter(Boolean).join(' ')}: {skip.reason}
              </li>
            ))}
          </ul>
          {s.skippedCount > s.skipped.length && <p class="muted">… and {s.skippedCount - s.skipped.length} more.</p>}
        </>
      )}
    </section>
  );
}
