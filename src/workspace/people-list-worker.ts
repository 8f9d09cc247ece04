/**
 * A worker thread of `listPeople`: on a read-only connection of its own and with its own message
 * reader (the same settings and model as the main thread's), reads its share of the workspace's
 * texts when asked, then folds the ranges of people it is sent with the intents the main thread
 * hands it (shared memory, not a copy), replying with their rows and any text it had to read.
 */
import { parentPort } from 'node:worker_threads';
import { encodeIntents, messageIntentsOf, packedBuffers, packIntents, TextIntentMemo, type KeyedIntents } from '../relationships/message-intents.js';
import { createMessageReader, type MessageReader } from '../relationships/message-reader.js';
import { SqliteHistoryReader } from '../store/queries/all-histories.js';
import { KeySet } from '../support/key-set.js';
import { textKey } from '../support/text-key.js';
import { analysisContextFrom } from './message-context.js';
import { personRow, type FoldSettings, type PersonRow, type WorkerReply, type WorkerRequest } from './people-list.js';

const port = parentPort;
if (!port) throw new Error('people-list-worker.ts runs as a worker thread of listPeople');

let setup: { reader: SqliteHistoryReader; read: MessageReader; at: string; playbook: FoldSettings['playbook'] } | undefined;
let folding: { memo: TextIntentMemo; settings: FoldSettings } | undefined;

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'init') {
      // The memo keeps each text's intents itself: the reader needs no cache of whole analyses.
      const read = createMessageReader(analysisContextFrom(request.context), { cache: false });
      setup = { reader: new SqliteHistoryReader(request.file, request.workspaceId, request.at), read, at: request.at, playbook: request.playbook };
      return;
    }
    if (!setup) throw new Error(`a ${request.type} request came before init`);
    const { reader, read, at, playbook } = setup;
    const threshold = playbook.language.intentThreshold;
    if (request.type === 'read-texts') {
      // Texts repeat (templates, stock replies): each is told apart by its key and read once —
      // after the scan, not during it, so the engine's tables stay in the processor's cache.
      const seen = new KeySet(1 << 16);
      const distinct: [string, number, number][] = [];
      for (const text of reader.messageTexts(request.part, request.parts)) {
        const { hi, lo } = textKey(text);
        if (seen.add(hi, lo)) distinct.push([text, hi, lo]);
      }
      const entries = distinct.map(([text, hi, lo]): KeyedIntents => [hi, lo, encodeIntents(messageIntentsOf(read(text), threshold))]);
      const texts = packIntents(entries);
      port.postMessage({ type: 'texts', texts } satisfies WorkerReply, packedBuffers(texts));
    } else if (request.type === 'intents') {
      const memo = new TextIntentMemo(read, threshold, request.intents);
      folding = { memo, settings: { at, read, intents: memo.lookup, playbook } };
    } else {
      if (!folding) throw new Error('a fold request came before the intents');
      const { memo, settings } = folding;
      const rows: PersonRow[] = [];
      for (const { person, interactions } of reader.histories(request.lo, request.hi)) rows.push(personRow(person, interactions, settings));
      const fresh = packIntents(memo.takeFresh());
      port.postMessage({ type: 'rows', group: request.group, rows, fresh } satisfies WorkerReply, packedBuffers(fresh));
    }
  } catch (e) {
    port.postMessage({ type: 'error', message: (e as Error).message } satisfies WorkerReply);
  }
});
