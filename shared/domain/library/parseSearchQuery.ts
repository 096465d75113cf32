import { normalizeArxivId, normalizeDoi } from '../feeds/paperIdentity';
import { searchableText } from './searchableText';

/** A text field a term can be limited to, as in `author:anker`. */
export type SearchTextField = 'title' | 'author' | 'journal' | 'feed';

/**
 * The columns of the full-text index, in the order the index declares them. The index adapter
 * creates its table from this list and the compiler below names the same columns, so the two
 * cannot drift apart. `notes` and `annotations` stay empty until those features exist.
 */
export const SEARCH_COLUMNS = [
  'title',
  'identifiers',
  'authors',
  'journal',
  'feed_title',
  'abstract',
  'notes',
  'annotations',
] as const;

/** One column of {@link SEARCH_COLUMNS}. */
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

const COLUMN_OF_FIELD: Readonly<Record<SearchTextField, SearchColumn>> = {
  title: 'title',
  author: 'authors',
  journal: 'journal',
  feed: 'feed_title',
};

/** One word, run of words or quoted phrase to look for. */
export interface SearchTerm {
  /** Folded words (see searchableText), in order; never empty. */
  words: string[];
  /**
   * True when the last word may begin a longer word ("sglt" finds "SGLT2"): typed words are
   * prefixes; quoted phrases and long numbers (PubMed ids) must match whole words.
   */
  prefix: boolean;
  /** The field the term must appear in, or null for any field. */
  field: SearchTextField | null;
}

/** A search as the index runs it: every part must hold for an item to match. */
export interface ParsedSearchQuery {
  /** Terms every match contains. */
  include: SearchTerm[];
  /** Terms no match contains (`-word`). */
  exclude: SearchTerm[];
  /** Exact DOIs, lower-case (`doi:10.1056/…`, or a DOI typed on its own). */
  dois: string[];
  /** Exact PubMed ids (`pmid:38123456`). */
  pmids: string[];
  /** Exact arXiv ids without version (`arxiv:2401.01234`). */
  arxivIds: string[];
  /** ISO 8601 UTC: only items dated at or after this instant (`after:`, `year:`). */
  datedFrom: string | null;
  /** ISO 8601 UTC: only items dated before this instant (`before:`, `year:`). */
  datedBefore: string | null;
  /** Only items the user has highlighted or written a note on (`is:annotated`). */
  annotated: boolean;
}

/** A parsed search, or why the text cannot be searched, in words a clinician can act on. */
export type SearchQueryParse =
  { ok: true; query: ParsedSearchQuery } | { ok: false; message: string };

type FilterName = SearchTextField | 'doi' | 'pmid' | 'arxiv' | 'after' | 'before' | 'year' | 'is';

const FILTER_NAMES: Readonly<Record<string, FilterName>> = {
  title: 'title',
  author: 'author',
  authors: 'author',
  journal: 'journal',
  feed: 'feed',
  doi: 'doi',
  pmid: 'pmid',
  arxiv: 'arxiv',
  after: 'after',
  before: 'before',
  year: 'year',
  is: 'is',
};

/** One piece of the typed text: `-`, `name:` and a bare or quoted value. */
interface RawToken {
  negated: boolean;
  filter: FilterName | null;
  value: string;
  quoted: boolean;
}

const WHITE_SPACE = /\s/;
const FILTER_PREFIX = /([A-Za-z]+):/y;
const BARE_VALUE = /[^\s"]*/y;
const TYPED_DOI = /^(?:https?:\/\/(?:dx\.|www\.)?doi\.org\/|doi:\s*)?10\.\d{4,9}\/\S/i;
const PMID = /^\d{1,9}$/;
// Numbers this long are identifiers (PubMed ids), not the start of a longer word.
const WHOLE_NUMBER = /^\d{6,}$/;
const PERIOD = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Splits the text into tokens; an unclosed quote runs to the end, as people type it. */
function* rawTokens(text: string): Generator<RawToken> {
  let at = 0;
  while (at < text.length) {
    if (WHITE_SPACE.test(text[at] ?? '')) {
      at += 1;
      continue;
    }
    const negated =
      text[at] === '-' && at + 1 < text.length && !WHITE_SPACE.test(text[at + 1] ?? ' ');
    if (negated) at += 1;
    FILTER_PREFIX.lastIndex = at;
    const prefix = FILTER_PREFIX.exec(text);
    const filter = prefix ? (FILTER_NAMES[(prefix[1] ?? '').toLowerCase()] ?? null) : null;
    if (prefix && filter !== null) at = FILTER_PREFIX.lastIndex;
    if (text[at] === '"') {
      const close = text.indexOf('"', at + 1);
      const end = close < 0 ? text.length : close;
      yield { negated, filter, value: text.slice(at + 1, end), quoted: true };
      at = close < 0 ? text.length : close + 1;
      continue;
    }
    BARE_VALUE.lastIndex = at;
    const value = BARE_VALUE.exec(text)?.[0] ?? '';
    at += value.length;
    yield { negated, filter, value, quoted: false };
  }
}

/** A year, month or day in UTC: where it starts and where the next one starts. */
function periodOf(value: string): { start: Date; end: Date } | null {
  const match = PERIOD.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month === null) return { start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
  if (day === null) return { start: utc(year, month - 1, 1), end: utc(year, month, 1) };
  const start = utc(year, month - 1, day);
  // Date.UTC rolls 31 April over into May: a day that does not exist is refused, not moved.
  if (start.getUTCMonth() !== month - 1) return null;
  return { start, end: utc(year, month - 1, day + 1) };
}

function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(year, monthIndex, day));
  // Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year);
  return date;
}

function quote(text: string): string {
  return `“${text}”`;
}

/** Applies one token to the query being built; returns a message when the token is unusable. */
function applyToken(query: ParsedSearchQuery, token: RawToken): string | null {
  const { negated, filter, quoted } = token;
  const value = token.value.trim();
  const written = `${filter ?? ''}${filter === null ? '' : ':'}${token.value}`;
  if (value === '') return null; // A filter still being typed ("author:") narrows nothing yet.
  if (filter === 'is') return applyState(query, value, negated ? `-${written}` : written, negated);
  if (filter === 'doi' || filter === 'pmid' || filter === 'arxiv' || isDateFilter(filter)) {
    if (negated) {
      return `${quote(`-${written}`)} cannot be searched: a minus sign can leave out words, phrases and title:, author:, journal: or feed: terms, not ${filter}:.`;
    }
    return applyFilter(query, filter, value, written);
  }
  if (filter === null && !quoted && !negated && TYPED_DOI.test(value)) {
    const doi = normalizeDoi(value);
    if (doi !== null) {
      query.dois.push(doi);
      return null;
    }
  }
  const words = searchableText(value)
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  const wholeNumber = words.length === 1 && WHOLE_NUMBER.test(words[0] ?? '');
  const term: SearchTerm = { words, prefix: !quoted && !wholeNumber, field: filter };
  (negated ? query.exclude : query.include).push(term);
  return null;
}

/** `is:annotated`: a state of the item rather than words in it. */
function applyState(
  query: ParsedSearchQuery,
  value: string,
  written: string,
  negated: boolean,
): string | null {
  if (value.toLowerCase() !== 'annotated') {
    return `${quote(written)} is not something Rounds can search for: is:annotated finds the papers you highlighted or wrote notes on.`;
  }
  if (negated) {
    return `${quote(written)} cannot be searched: is:annotated can narrow a search, not leave papers out.`;
  }
  query.annotated = true;
  return null;
}

function isDateFilter(filter: FilterName | null): filter is 'after' | 'before' | 'year' {
  return filter === 'after' || filter === 'before' || filter === 'year';
}

function applyFilter(
  query: ParsedSearchQuery,
  filter: 'doi' | 'pmid' | 'arxiv' | 'after' | 'before' | 'year',
  value: string,
  written: string,
): string | null {
  switch (filter) {
    case 'doi': {
      const doi = normalizeDoi(value);
      if (doi === null)
        return `${quote(written)} is not a DOI: a DOI looks like 10.1056/NEJMoa2301234.`;
      query.dois.push(doi);
      return null;
    }
    case 'pmid': {
      if (!PMID.test(value))
        return `${quote(written)} is not a PubMed id: a PMID is a number such as 38123456.`;
      query.pmids.push(String(Number(value)));
      return null;
    }
    case 'arxiv': {
      const id = normalizeArxivId(value);
      if (id === null) return `${quote(written)} is not an arXiv id: one looks like 2401.01234.`;
      query.arxivIds.push(id);
      return null;
    }
    default:
      return applyDate(query, filter, value, written);
  }
}

function applyDate(
  query: ParsedSearchQuery,
  filter: 'after' | 'before' | 'year',
  value: string,
  written: string,
): string | null {
  const period = filter === 'year' && !/^\d{4}$/.test(value) ? null : periodOf(value);
  if (period === null) {
    return filter === 'year'
      ? `${quote(written)} is not a year: write four digits, as in year:2024.`
      : `${quote(written)} is not a date: write a year (${filter}:2024), a month (${filter}:2024-03) or a day (${filter}:2024-03-31).`;
  }
  const from = filter === 'before' ? null : filter === 'after' ? period.end : period.start;
  const before = filter === 'after' ? null : filter === 'before' ? period.start : period.end;
  // Several date filters all hold: the latest start and the earliest end win.
  if (from !== null && (query.datedFrom === null || from.toISOString() > query.datedFrom)) {
    query.datedFrom = from.toISOString();
  }
  if (before !== null && (query.datedBefore === null || before.toISOString() < query.datedBefore)) {
    query.datedBefore = before.toISOString();
  }
  return null;
}

/**
 * Reads what a user typed in the search box.
 *
 * - Words match the start of words, ignoring case and accents: `sglt` finds "SGLT2 inhibitors";
 *   `covid-19` finds the words "covid 19" in a row. Long numbers (six digits or more, such as a
 *   PubMed id) match whole.
 * - `"quoted phrases"` match those whole words in that order. An unclosed quote runs to the end.
 * - `title:`, `author:`, `journal:` and `feed:` limit a word or a quoted phrase to one field
 *   (`author:"van der Berg"`).
 * - `doi:10.1056/…`, `pmid:38123456` and `arxiv:2401.01234` match that paper exactly; a DOI typed
 *   on its own (`10.1056/NEJMoa…`, `https://doi.org/…`) does too.
 * - `after:`, `before:` and `year:` take a year, a month or a day (UTC): `after:2024-01` means from
 *   February 2024 on, `before:2025` up to the end of 2024, `year:2024` within 2024. Undated items
 *   count as dated when Rounds fetched them.
 * - `is:annotated` keeps only the papers the user has highlighted or written notes on.
 * - `-word`, `-"phrase"` and `-author:name` leave out items that contain them.
 * - Unknown `name:` prefixes are ordinary text (`http://…`); punctuation on its own is ignored.
 *
 * Every part must hold for an item to match. Fails, with a message naming the part, when a filter's
 * value is not what it expects (`after:2024-13`, `doi:hello`).
 */
export function parseSearchQuery(text: string): SearchQueryParse {
  const query: ParsedSearchQuery = {
    include: [],
    exclude: [],
    dois: [],
    pmids: [],
    arxivIds: [],
    datedFrom: null,
    datedBefore: null,
    annotated: false,
  };
  for (const token of rawTokens(text)) {
    const problem = applyToken(query, token);
    if (problem !== null) return { ok: false, message: problem };
  }
  return { ok: true, query };
}

/** True when the query asks for nothing (empty, or punctuation only): the list is not searched. */
export function isEmptySearch(query: ParsedSearchQuery): boolean {
  return (
    query.include.length === 0 &&
    query.exclude.length === 0 &&
    query.dois.length === 0 &&
    query.pmids.length === 0 &&
    query.arxivIds.length === 0 &&
    query.datedFrom === null &&
    query.datedBefore === null &&
    !query.annotated
  );
}

/**
 * One term as FTS5 syntax. Every word the user typed is inside a double-quoted string (and the
 * folded words contain only letters and digits anyway), so nothing typed can become an operator,
 * a column name or a syntax error.
 */
function ftsTermOf(term: SearchTerm): string {
  const phrase = `"${term.words.join(' ').replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
  return term.field === null ? phrase : `${COLUMN_OF_FIELD[term.field]} : ${phrase}`;
}

/** The full-text part of a query, as FTS5 MATCH expressions over {@link SEARCH_COLUMNS}. */
export interface FtsMatch {
  /** What every match contains (and none of the excluded terms), or null when no term is required. */
  match: string | null;
  /**
   * When there is nothing to require, the excluded terms alone (FTS5 cannot say "everything but"):
   * the index leaves out the items this matches. Null otherwise.
   */
  exclude: string | null;
}

/** Compiles the terms of a query into safe FTS5 MATCH expressions (see {@link FtsMatch}). */
export function compileFtsMatch(query: ParsedSearchQuery): FtsMatch {
  const required = query.include.map(ftsTermOf).join(' AND ');
  const excluded = query.exclude.map(ftsTermOf).join(' OR ');
  if (required === '') return { match: null, exclude: excluded === '' ? null : excluded };
  return { match: excluded === '' ? required : `(${required}) NOT (${excluded})`, exclude: null };
}

/**
 * The folded words and phrases to highlight in what a search found: its required terms, each to be
 * marked where it begins a word (see searchableText for the folding).
 */
export function highlightTermsOf(query: ParsedSearchQuery): string[] {
  return [...new Set(query.include.map((term) => term.words.join(' ')))];
}
