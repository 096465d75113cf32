// Entry point of the search worker thread (built to out/main/searchIndexWorker.js). It owns the
// SQLite index file and answers one request at a time, in the order they were sent, so a write
// sent before a search is always seen by it; the app's thread never waits on SQLite.
import { parentPort, workerData } from 'node:worker_threads';
import { DamagedSearchIndexError, SqliteSearchDatabase } from './SqliteSearchDatabase';
import type {
  SearchWorkerData,
  SearchWorkerReply,
  SearchWorkerRequest,
  SearchWorkerValues,
} from './searchIndexProtocol';

const port = parentPort;
if (!port) throw new Error('searchIndexWorker must run in a worker thread.');
const { path, damagedPath } = workerData as SearchWorkerData;

let database: SqliteSearchDatabase | null = null;

function opened(): SqliteSearchDatabase {
  if (database === null) throw new Error('The search index is not open.');
  return database;
}

function answer(request: SearchWorkerRequest): SearchWorkerValues[keyof SearchWorkerValues] {
  switch (request.kind) {
    case 'open': {
      if (database !== null) return 'kept';
      const result = SqliteSearchDatabase.open(path, damagedPath);
      database = result.database;
      return result.opening;
    }
    case 'upsert':
      opened().upsert(request.documents, request.onlyMissing);
      return null;
    case 'remove':
      opened().remove(request.ids);
      return null;
    case 'ids':
      return opened().ids();
    case 'search':
      return opened().search(request.request);
    case 'close':
      database?.close();
      database = null;
      return null;
  }
}

/** Replaces a file found corrupt while in use with an empty one, to be filled again. */
function replaceDamaged(): void {
  try {
    database?.close();
  } catch {
    // A corrupt file may refuse to close cleanly; it is being moved aside anyway.
  }
  database = null;
  SqliteSearchDatabase.moveAside(path, damagedPath);
  database = SqliteSearchDatabase.open(path, damagedPath).database;
}

port.on('message', (request: SearchWorkerRequest) => {
  let reply: SearchWorkerReply;
  try {
    reply = { id: request.id, ok: true, value: answer(request) };
  } catch (error) {
    const damaged = error instanceof DamagedSearchIndexError;
    if (damaged) replaceDamaged();
    reply = {
      id: request.id,
      ok: false,
      damaged,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(reply);
});
