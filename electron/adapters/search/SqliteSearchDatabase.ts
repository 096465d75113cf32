import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Database as SqliteDatabase, Statement } from 'node-sqlite3-wasm';
import {
  compileFtsMatch,
  type ParsedSearchQuery,
  SEARCH_COLUMNS,
  type SearchColumn,
} from '@shared/domain/library/parseSearchQuery';
import { searchableText } from '@shared/domain/library/searchableText';
import type {
  IndexOpening,
  SearchDocument,
  SearchHit,
  SearchHits,
  SearchRequest,
} from '../../services/library/SearchIndex';
import { htmlToPlainText } from '../feeds/htmlToPlainText';

// node-sqlite3-wasm is CommonJS with no named ESM exports; Node's require loads it (and its
// .wasm file beside it) in the tests, the scripts and the built app alike.
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as {
  Database: typeof SqliteDatabase;
};
type Database = SqliteDatabase;

/** Bumped whenever the tables or the way text is indexed change: an older file is rebuilt. */
export const SEARCH_SCHEMA_VERSION = 4;
// "Rnds": tells our index apart from any other SQLite file put in its place.
const APPLICATION_ID = 0x526e6473;
const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * bm25 weights per column: a word in the title or an identifier counts most, then authors, then
 * journal and feed, then the abstract (long, so each word in it says least), then the user's notes.
 */
const COLUMN_WEIGHTS: Readonly<Record<SearchColumn, number>> = {
  title: 10,
  identifiers: 10,
  authors: 5,
  journal: 3,
  feed_title: 2,
  abstract: 1,
  notes: 4,
  annotations: 4,
};

/**
 * A search matching more items than this is broad: ranking every match by bm25 would cost about
 * 5–10 µs per match in WebAssembly (a common word matches tens of thousands of papers), so broad
 * searches list newest first instead, papers matching outside the abstract first (see search).
 */
export const MOST_RANKED_MATCHES = 2_000;

/**
 * Documents are numbered by date, so that the full-text table's own order (its rowid) is newest
 * last and a broad search can stream its matches newest first and stop after a page, instead of
 * collecting and sorting all of them: `doc` is the date in seconds times this, plus a slot.
 */
const SLOTS_PER_SECOND = 4_096;
/**
 * Seconds added to a date before numbering, so papers from before 1970 (back to the year 1000)
 * number below newer ones too; the largest number stays far below 2^53.
 */
const EARLIEST_SECOND = -3.2e10;
const LATEST_SECOND = 2.6e11;

/** Every column but the abstract: where a match says most about what the paper is about. */
const HEADING_COLUMNS = SEARCH_COLUMNS.filter((column) => column !== 'abstract');

const SCHEMA = `
  CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    item_id TEXT NOT NULL UNIQUE,
    feed_id TEXT NOT NULL,
    dated_at INTEGER NOT NULL,
    paper_key TEXT NOT NULL,
    place INTEGER,
    doi TEXT,
    pmid TEXT,
    arxiv TEXT,
    -- 1 when the user has highlighted the item or written a note on it (is:annotated).
    annotated INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX documents_by_feed ON documents (feed_id);
  CREATE INDEX documents_by_doi ON documents (doi) WHERE doi IS NOT NULL;
  CREATE INDEX documents_by_pmid ON documents (pmid) WHERE pmid IS NOT NULL;
  CREATE INDEX documents_by_arxiv ON documents (arxiv) WHERE arxiv IS NOT NULL;
  CREATE INDEX documents_annotated ON documents (doc) WHERE annotated = 1;
  -- Contentless: the text lives in the library already; the index keeps only what finds it.
  -- No prefix indexes: they doubled the file, and a prefix query of three or more letters
  -- merges the matching terms in a few milliseconds without them.
  CREATE VIRTUAL TABLE passages USING fts5 (
    ${SEARCH_COLUMNS.join(', ')},
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO passages (passages, rank)
    VALUES ('rank', 'bm25(${SEARCH_COLUMNS.map((column) => COLUMN_WEIGHTS[column].toFixed(1)).join(', ')})');
  PRAGMA application_id = ${APPLICATION_ID};
  PRAGMA user_version = ${SEARCH_SCHEMA_VERSION};
`;

/** Thrown when the file turns out to be damaged while in use; the caller moves it aside. */
export class DamagedSearchIndexError extends Error {}

/** The folded text of each column for one document, in {@link SEARCH_COLUMNS} order. */
function columnTextOf(document: SearchDocument): string[] {
  const body = htmlToPlainText(document.contentHtml);
  const text: Record<SearchColumn, string> = {
    title: document.title,
    identifiers: [document.doi, document.pmid, document.arxiv].filter(Boolean).join(' '),
    authors: document.authors.join(' ; '),
    journal: document.journal ?? '',
    feed_title: document.feedTitle,
    abstract: withExcerpt(body, document.excerpt),
    notes: document.notes,
    annotations: document.annotations,
  };
  // Folded exactly as queries are (shared/domain/library/searchableText), so what a query asks
  // for and what the index holds are cut into the same words.
  return SEARCH_COLUMNS.map((column) => searchableText(text[column]).trim());
}

/**
 * The body, with the excerpt added when the body does not already hold it: a feed may give a
 * summary apart from the content (or no content at all), and the list shows that summary.
 */
function withExcerpt(body: string, excerpt: string): string {
  const opening = excerpt.replace(/…$/u, '').slice(0, 60).trim();
  if (opening === '' || body.includes(opening)) return body;
  return body === '' ? excerpt : `${body}\n${excerpt}`;
}

function timeOf(iso: string | null): number {
  const time = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isFinite(time) ? time : 0;
}

function isSqliteFile(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const handle = openSync(path, 'r');
  try {
    return readSync(handle, header, 0, header.length, 0) === header.length
      ? header.toString('latin1') === SQLITE_HEADER
      : false;
  } finally {
    closeSync(handle);
  }
}

function isCorruption(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /malformed|not a database|corrupt|SQLITE_CORRUPT|SQLITE_NOTADB/i.test(message);
}

/**
 * The search index in one SQLite file (through node-sqlite3-wasm: SQLite compiled to WebAssembly,
 * so nothing native to rebuild for Electron): an FTS5 table over the folded text of every item,
 * beside a plain table of each item's feed, date and identifiers for exact filters. Synchronous:
 * it runs inside the search worker thread (searchIndexWorker.ts), never on the app's thread.
 */
export class SqliteSearchDatabase {
  private readonly statements: Statement[] = [];
  private readonly findDocument: Statement;
  private readonly docTaken: Statement;
  private readonly highestDocBetween: Statement;
  private readonly insertDocument: Statement;
  private readonly deleteDocument: Statement;
  private readonly insertPassage: Statement;
  private readonly deletePassage: Statement;

  private constructor(private readonly database: Database) {
    const prepare = (sql: string): Statement => {
      const statement = database.prepare(sql);
      this.statements.push(statement);
      return statement;
    };
    this.findDocument = prepare('SELECT doc FROM documents WHERE item_id = ?');
    this.docTaken = prepare('SELECT 1 AS taken FROM documents WHERE doc = ?');
    this.highestDocBetween = prepare(
      'SELECT max(doc) AS highest FROM documents WHERE doc >= ? AND doc < ?',
    );
    this.insertDocument = prepare(
      'INSERT INTO documents (doc, item_id, feed_id, dated_at, paper_key, place, doi, pmid, arxiv, annotated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.deleteDocument = prepare('DELETE FROM documents WHERE doc = ?');
    this.insertPassage = prepare(
      `INSERT INTO passages (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(SEARCH_COLUMNS.length)})`,
    );
    this.deletePassage = prepare('DELETE FROM passages WHERE rowid = ?');
  }

  /**
   * Opens the index file, creating it when missing. A file that is not a SQLite database, belongs
   * to something else, has another schema version or fails to open is moved aside to
   * `damagedPath` (replacing an earlier one: it is derived data, kept only to look at) and a new
   * one is created.
   */
  static open(
    path: string,
    damagedPath: string,
  ): { database: SqliteSearchDatabase; opening: IndexOpening } {
    if (!existsSync(path))
      return { database: SqliteSearchDatabase.create(path), opening: 'created' };
    let database: Database | null = null;
    try {
      if (!isSqliteFile(path)) throw new DamagedSearchIndexError('not a SQLite database');
      database = new Database(path, { fileMustExist: true });
      const applicationId = database.get('PRAGMA application_id')?.application_id;
      const version = database.get('PRAGMA user_version')?.user_version;
      if (applicationId !== APPLICATION_ID || version !== SEARCH_SCHEMA_VERSION) {
        throw new DamagedSearchIndexError(
          `schema ${String(version)} is not ${SEARCH_SCHEMA_VERSION}`,
        );
      }
      // Reads the table's first page, not all of it: damage further in is met in use, and handled.
      database.get('SELECT doc FROM documents LIMIT 1');
      return { database: SqliteSearchDatabase.configured(database), opening: 'kept' };
    } catch (error) {
      if (database?.isOpen) database.close();
      if (!(error instanceof DamagedSearchIndexError) && !isCorruption(error)) throw error;
      SqliteSearchDatabase.moveAside(path, damagedPath);
      return { database: SqliteSearchDatabase.create(path), opening: 'replaced' };
    }
  }

  /** Moves a damaged file (and the journal that belongs to it) out of the way. */
  static moveAside(path: string, damagedPath: string): void {
    rmSync(`${damagedPath}-journal`, { force: true });
    renameSync(path, damagedPath);
    if (existsSync(`${path}-journal`)) renameSync(`${path}-journal`, `${damagedPath}-journal`);
  }

  private static create(path: string): SqliteSearchDatabase {
    const database = new Database(path);
    database.exec(`BEGIN; ${SCHEMA} COMMIT;`);
    return SqliteSearchDatabase.configured(database);
  }

  private static configured(database: Database): SqliteSearchDatabase {
    // Derived data: a crash at the wrong moment costs a rebuild, not the user's work.
    database.exec(
      'PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000;',
    );
    return new SqliteSearchDatabase(database);
  }

  /** Adds or replaces documents, all in one transaction. */
  upsert(documents: readonly SearchDocument[], onlyMissing = false): void {
    this.transaction(() => {
      for (const document of documents) {
        const existing = this.findDocument.get(document.id)?.doc;
        if (typeof existing === 'number') {
          if (onlyMissing) continue;
          // Its date may have changed, and with it its number: it is filed again.
          this.deletePassage.run(existing);
          this.deleteDocument.run(existing);
        }
        const datedAt = timeOf(document.datedAt);
        const doc = this.freeDocNumber(datedAt);
        this.insertDocument.run([
          doc,
          document.id,
          document.feedId,
          datedAt,
          document.paperKey,
          document.place,
          document.doi,
          document.pmid,
          document.arxiv,
          document.notes.trim() !== '' || document.annotations.trim() !== '' ? 1 : 0,
        ]);
        this.insertPassage.run([doc, ...columnTextOf(document)]);
      }
    });
  }

  /** Removes documents by item id, in one transaction. */
  remove(ids: readonly string[]): void {
    this.transaction(() => {
      for (const id of ids) {
        const existing = this.findDocument.get(id)?.doc;
        if (typeof existing !== 'number') continue;
        this.deletePassage.run(existing);
        this.deleteDocument.run(existing);
      }
    });
  }

  /** Every item id held. */
  ids(): string[] {
    return this.guarded(() =>
      this.database.all('SELECT item_id FROM documents').map((row) => String(row.item_id)),
    );
  }

  /**
   * The matching items, best first, at most `limit` of them. A search of up to
   * {@link MOST_RANKED_MATCHES} matches is ranked by bm25; a broader one lists the papers it matches
   * outside the abstract (title, identifiers, authors, journal, feed, the user's notes) first, then
   * the rest, each newest first; a query of filters only lists newest first.
   */
  search({ query, feedId, limit }: SearchRequest): SearchHits {
    return this.guarded(() => {
      const { match, exclude } = compileFtsMatch(query);
      const { conditions, values } = filtersOf(query, feedId, exclude);
      if (match === null) {
        const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
        const rows = this.hitRows(`FROM documents ${where} ORDER BY doc DESC`, values, limit + 1);
        return hitsOf(rows, limit, 'newest');
      }
      const from = 'FROM passages JOIN documents ON documents.doc = passages.rowid';
      const where = (expression: string) => ({
        sql: `WHERE ${['passages MATCH ?', ...conditions].join(' AND ')}`,
        values: [expression, ...values],
      });
      const all = where(match);
      const ranked = Math.max(MOST_RANKED_MATCHES, limit);
      const matches = Number(
        this.database.get(`SELECT count(*) AS n FROM (SELECT 1 ${from} ${all.sql} LIMIT ?)`, [
          ...all.values,
          ranked + 1,
        ])?.n ?? 0,
      );
      if (matches <= ranked) {
        const rows = this.hitRows(
          `${from} ${all.sql} ORDER BY rank, documents.doc DESC`,
          all.values,
          limit + 1,
        );
        return hitsOf(rows, limit, 'relevance');
      }
      const heading = where(`{${HEADING_COLUMNS.join(' ')}} : (${match})`);
      const first = this.hitRows(
        `${from} ${heading.sql} ORDER BY passages.rowid DESC`,
        heading.values,
        limit,
      );
      const seen = new Set(first.map((hit) => hit.id));
      const rest = this.hitRows(
        `${from} ${all.sql} ORDER BY passages.rowid DESC`,
        all.values,
        limit + first.length,
      ).filter((hit) => !seen.has(hit.id));
      return { hits: [...first, ...rest].slice(0, limit), truncated: true, order: 'newest' };
    });
  }

  close(): void {
    for (const statement of this.statements) statement.finalize();
    this.database.close();
  }

  /** The hits a query's `FROM … ORDER BY …` tail selects, at most `limit`. */
  private hitRows(tail: string, values: (string | number)[], limit: number): SearchHit[] {
    return this.database
      .all(
        `SELECT documents.item_id, documents.feed_id, documents.paper_key, documents.place ${tail} LIMIT ?`,
        [...values, limit],
      )
      .map((row) => ({
        id: String(row.item_id),
        feedId: String(row.feed_id),
        paperKey: String(row.paper_key),
        place: typeof row.place === 'number' ? row.place : null,
      }));
  }

  /**
   * A document number ordered by date (see {@link SLOTS_PER_SECOND}): the next slot of the item's
   * second, so items of one date are numbered consecutively (FTS5 stores the gaps between
   * numbers, and small gaps take one byte), else the first free one.
   */
  private freeDocNumber(datedAt: number): number {
    const second = Math.min(Math.max(Math.floor(datedAt / 1000), EARLIEST_SECOND), LATEST_SECOND);
    const base = (second - EARLIEST_SECOND) * SLOTS_PER_SECOND;
    const end = base + SLOTS_PER_SECOND;
    const highest = this.highestDocBetween.get([base, end])?.highest;
    if (typeof highest !== 'number') return base;
    if (highest + 1 < end) return highest + 1;
    for (let doc = base; doc < end; doc++) {
      if ((this.docTaken.get(doc) ?? null) === null) return doc;
    }
    throw new Error(`More than ${SLOTS_PER_SECOND} items are dated the same second.`);
  }

  private transaction(work: () => void): void {
    this.guarded(() => {
      this.database.exec('BEGIN');
      try {
        work();
        this.database.exec('COMMIT');
      } catch (error) {
        if (this.database.inTransaction) this.database.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Runs work, turning SQLite's corruption errors into {@link DamagedSearchIndexError}. */
  private guarded<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (isCorruption(error)) throw new DamagedSearchIndexError(String(error));
      throw error;
    }
  }
}

/** The first `limit` rows, saying whether there were more. */
function hitsOf(rows: SearchHit[], limit: number, order: SearchHits['order']): SearchHits {
  return { hits: rows.slice(0, limit), truncated: rows.length > limit, order };
}

/** SQL conditions (on `documents`) for a query's exact filters, with their bound values. */
function filtersOf(
  query: ParsedSearchQuery,
  feedId: string | undefined,
  exclude: string | null,
): { conditions: string[]; values: (string | number)[] } {
  const conditions: string[] = [];
  const values: (string | number)[] = [];
  const add = (condition: string, value: string | number): void => {
    conditions.push(condition);
    values.push(value);
  };
  if (feedId !== undefined) add('documents.feed_id = ?', feedId);
  for (const doi of query.dois) add('documents.doi = ?', doi);
  for (const pmid of query.pmids) add('documents.pmid = ?', pmid);
  for (const arxiv of query.arxivIds) add('documents.arxiv = ?', arxiv);
  if (query.datedFrom !== null) add('documents.dated_at >= ?', timeOf(query.datedFrom));
  if (query.datedBefore !== null) add('documents.dated_at < ?', timeOf(query.datedBefore));
  if (query.annotated) add('documents.annotated = ?', 1);
  if (exclude !== null) {
    add('documents.doc NOT IN (SELECT rowid FROM passages WHERE passages MATCH ?)', exclude);
  }
  return { conditions, values };
}
