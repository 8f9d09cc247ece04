/**
 * A worker thread of `listPeople`: reads the histories of the groups of people it is sent on a
 * read-only connection of its own and folds them with its own message reader (the same settings
 * and model as the main thread's), replying with their rows.
 */
import { parentPort } from 'node:worker_threads';
import type { Playbook } from '../playbook/playbook.js';
import { analyzeMessage } from '../language/index.js';
import type { MessageReader } from '../relationships/message-reader.js';
import { SqliteHistoryReader } from '../store/queries/all-histories.js';
import { analysisContextFrom } from './message-context.js';
import { personRow, type WorkerReply, type WorkerRequest } from './people-list.js';

const port = parentPort;
if (!port) throw new Error('people-list-worker.ts runs as a worker thread of listPeople');

let state: { reader: SqliteHistoryReader; read: MessageReader; at: string; playbook: Playbook } | undefined;

port.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'init') {
      const context = analysisContextFrom(request.context);
      state = {
        reader: new SqliteHistoryReader(request.file, request.workspaceId, request.at),
        // The fold keeps each text's intents itself; a second cache of whole analyses would only cost memory.
        read: (text) => analyzeMessage(text, context),
        at: request.at,
        playbook: request.playbook,
      };
      return;
    }
    if (!state) throw new Error('a fold request came before init');
    const { reader, read, at, playbook } = state;
    const rows = reader.histories(request.people).map(({ person, interactions }) => personRow(person, interactions, at, read, playbook));
    port.postMessage({ type: 'rows', group: request.group, rows } satisfies WorkerReply);
  } catch (e) {
    port.postMessage({ type: 'error', message: (e as Error).message } satisfies WorkerReply);
  }
});
