/**
 * Helpers for the agenda's tests: a small history in, the agenda out — through the real path
 * (`todayAgenda`: candidate queries, then the engine) and checked against the engine run over
 * the whole workspace, so a person the candidate queries miss fails the test.
 */
import assert from 'node:assert/strict';
import type { Store } from '../store/store.js';
import { importPath } from '../ingest/import-path.js';
import { intentOf } from '../relationships/message-reader.js';
import type { HistoryBuilder } from '../test-support/history-builder.js';
import { withTestStore, type TestLocation } from '../test-support/test-store.js';
import { loadSnapshot } from '../workspace/load-snapshot.js';
import { messageReaderFor } from '../workspace/message-context.js';
import { todayAgenda } from '../workspace/today-agenda.js';
import { DEFAULT_PLAYBOOK } from '../playbook/playbook.js';
import { buildAgenda } from './build-agenda.js';
import type { Agenda, AgendaAction } from './types.js';

/** The agenda as of `at` by the real path, after checking it equals the engine over everyone. */
export async function agendaOf(store: Store, at: string, limit = 100): Promise<Agenda> {
  const real = await todayAgenda(store, at, limit);
  const everyone = buildAgenda(await loadSnapshot(store, at), { limit });
  assert.deepEqual(real, everyone, 'the candidate queries must find every person the engine would act on');
  return real;
}

/**
 * Imports the history into a fresh store and runs `fn` with it. Add events to the same builder
 * and call `importAgain()`: importing is idempotent, so only the new lines land — the way a
 * user imports a fresh export after answering someone.
 */
export function withHistory<T>(history: HistoryBuilder, fn: (store: Store, importAgain: () => Promise<void>, location: TestLocation) => Promise<T>): Promise<T> {
  return withTestStore(async (store, location) => {
    let n = 0;
    const importAgain = async () => {
      await importPath(store, history.writeTo(location.dir, `history-${n++}.jsonl`));
    };
    await importAgain();
    return fn(store, importAgain, location);
  });
}

export function actionFor(agenda: Agenda, handle: string): AgendaAction | undefined {
  return agenda.actions.find((a) => a.handle === handle);
}

/** The words to send, in the suggestion's last quotes: every suggestion carries one concrete opener. */
export function openerOf(suggestion: string): string {
  const opener = [...suggestion.matchAll(/“([^”]*)”/g)].at(-1)?.[1];
  assert.ok(opener, `the suggestion has no opener in quotes: ${suggestion}`);
  return opener;
}

/**
 * A suggestion the user could send as it is must never pitch, ask a favour or carry a link of
 * yours (DESIGN §1 no-cold-blast, give-before-ask): read it with the language engine, configured
 * with the workspace's own handles, domains and brands.
 */
export async function assertNoPitch(store: Store, suggestion: string): Promise<void> {
  // Their own words quoted back (‘…’) are theirs, not an offer of yours: only your words are read.
  const text = openerOf(suggestion).replace(/‘[^’]*’/g, 'that');
  const read = await messageReaderFor(store);
  const analysis = read(text);
  for (const intent of ['pitch', 'favour-ask', 'self-promo-link'] as const) {
    assert.equal(intentOf(analysis, intent, DEFAULT_PLAYBOOK.language.intentThreshold), undefined, `“${text}” reads as ${intent}`);
  }
  assert.doesNotMatch(suggestion, /https?:\/\/|www\./, `“${suggestion}” carries a link`);
}
