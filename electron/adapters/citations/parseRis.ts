import { extractPaperIds, type PaperIds } from '@shared/domain/feeds/paperIdentity';
import type { ImportedReference, ImportProblem, ReferencesRead } from './ImportedReference';
import {
  addByDoiHint,
  displayName,
  partialIsoDate,
  textOrNull,
  tidyLine,
  uniqueValues,
  webAddressOrNull,
  yearIn,
} from './referenceText';

/**
 * Reads RIS as Zotero, Mendeley, EndNote, PubMed-derived and publisher exports write it: records
 * from `TY  - ` to `ER  - `, both the older tags (T1, A1, Y1, JF, N2) and the newer ones (TI, AU,
 * PY, DA, T2, AB). Written here rather than with @citation-js/plugin-ris, whose reader throws on
 * a tag before the first `TY`, keeps only AU when a record also has A1, reads a `Y1` without a
 * year rather than `PY`, and joins the lines of an abstract without keeping its paragraphs.
 */

// "AU  - Smith, Jane": two capitals or a capital and a digit, two spaces, a dash, then the value.
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;
const AUTHOR_TAGS = new Set(['AU', 'A1']);
// Full journal name first; abbreviations only when nothing else names it.
const JOURNAL_TAGS = ['JF', 'T2', 'JO', 'JA', 'J2', 'J1'];
const DATE_TAGS = ['DA', 'Y1', 'PY'];
const PUBMED_DATABASE = /pubmed|medline|\bnlm\b/i;

interface RisRecord {
  /** 1-based position among the file's records. */
  number: number;
  /** 1-based line of its `TY`. */
  line: number;
  /** Tag and value in file order; continuation lines are already joined to their value. */
  fields: [tag: string, value: string][];
  /** False when the file ended inside it, before its `ER` or another record's `TY`. */
  ended: boolean;
}

export function parseRis(text: string): ReferencesRead {
  const { records, problems } = readRecords(text);
  const references: ImportedReference[] = [];
  for (const record of records) {
    const outcome = referenceOf(record);
    if (typeof outcome === 'string') {
      const id = valuesOf(record, 'ID')[0];
      problems.push({
        entry: id ?? `record ${record.number}`,
        message: `${outcome} The record starts at line ${record.line}.`,
      });
    } else {
      references.push(outcome);
    }
  }
  return { references, problems };
}

function readRecords(text: string): { records: RisRecord[]; problems: ImportProblem[] } {
  const records: RisRecord[] = [];
  const problems: ImportProblem[] = [];
  let current: RisRecord | null = null;
  // The field continuation lines belong to, and whether a blank line came since its last text.
  let continued: [string, string] | null = null;
  let paragraphBreak = false;
  let stray: { line: number; tags: string[] } | null = null;
  const lines = text.split(/\r\n?|\n/);

  const closeStray = (): void => {
    if (stray !== null) problems.push(strayLinesProblem(stray.line, stray.tags));
    stray = null;
  };

  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.replace(/\s+$/, '');
    const tagged = TAG_LINE.exec(line);
    if (!tagged) {
      if (continued === null) continue;
      if (line.trim() === '') {
        paragraphBreak = true;
      } else {
        continued[1] += `${paragraphBreak ? '\n' : ' '}${line.trim()}`;
        paragraphBreak = false;
      }
      continue;
    }
    const tag = tagged[1] ?? '';
    const value = (tagged[2] ?? '').trim();
    continued = null;
    paragraphBreak = false;
    if (tag === 'TY') {
      closeStray();
      // A record left open by a missing ER is complete: the next TY marks where it stopped.
      if (current) records.push({ ...current, ended: true });
      current = { number: records.length + 1, line: index + 1, fields: [], ended: false };
    } else if (tag === 'ER') {
      if (current) records.push({ ...current, ended: true });
      current = null;
    } else if (current) {
      continued = [tag, value];
      current.fields.push(continued);
    } else {
      stray ??= { line: index + 1, tags: [] };
      stray.tags.push(tag);
    }
  }
  closeStray();
  if (current) records.push(current);
  return { records, problems };
}

/** Tag lines between records, reported once per run of them. */
function strayLinesProblem(line: number, tags: string[]): ImportProblem {
  const names = uniqueValues(tags).map((tag) => `“${tag}”`);
  const [subject, verb, skipped] =
    names.length === 1
      ? [`The tag ${names[0]}`, 'is', 'it was']
      : [`The tags ${names.join(', ')}`, 'are', 'they were'];
  return {
    entry: `line ${line}`,
    message: `${subject} ${verb} outside any record (records start with “TY  - ” and end with “ER  - ”), so ${skipped} skipped.`,
  };
}

/** The record's reference, or why it cannot be imported. */
function referenceOf(record: RisRecord): ImportedReference | string {
  const paperIds = paperIdsOf(record);
  const title = tidyLine(firstOf(record, ['TI', 'T1']) ?? '');
  if (!record.ended) {
    return 'The file ends inside it (no “ER  - ” line), so it may be cut short.';
  }
  if (title === '') {
    return `It has no title (TI or T1), so it cannot be stored.${addByDoiHint(paperIds.doi)}`;
  }
  return {
    sourceKey: valuesOf(record, 'ID')[0] ?? null,
    title,
    authors: uniqueValues(
      record.fields
        .filter(([tag]) => AUTHOR_TAGS.has(tag))
        .map(([, name]) => displayRisName(name) ?? ''),
    ),
    journal: textOrNull(tidyLine(firstOf(record, JOURNAL_TAGS) ?? '')),
    publishedAt: dateOf(record),
    paperIds,
    abstract: textOrNull(firstOf(record, ['AB', 'N2'])),
    url: addressesOf(record)[0] ?? null,
    keywords: uniqueValues(valuesOf(record, 'KW').flatMap((value) => value.split(/[;\n]/))),
  };
}

function paperIdsOf(record: RisRecord): PaperIds {
  const fromPubmed = [...valuesOf(record, 'DB'), ...valuesOf(record, 'DP')].some((database) =>
    PUBMED_DATABASE.test(database),
  );
  const notes = [...valuesOf(record, 'N1'), ...valuesOf(record, 'M1')].join('\n');
  return extractPaperIds({
    fields: [
      ...valuesOf(record, 'DO'),
      // An accession number is a PubMed id only when the record says it came from PubMed.
      ...(fromPubmed ? valuesOf(record, 'AN').map((id) => `pmid:${id}`) : []),
      ...[...notes.matchAll(/\b(PMID|arXiv):\s*([\w./-]+)/gi)].map(
        ([, label, id]) => `${label}:${id}`,
      ),
    ],
    links: [...valuesOf(record, 'UR'), ...valuesOf(record, 'L2')],
  });
}

/** The first date field with a year: `DA` and `Y1` ("2023/11/23/", "///Spring"), then `PY`. */
function dateOf(record: RisRecord): string | null {
  for (const tag of DATE_TAGS) {
    for (const value of valuesOf(record, tag)) {
      const numeric = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(value.trim());
      const date = numeric ? partialIsoDate(numeric[1], numeric[2], numeric[3]) : yearIn(value);
      if (date !== null) return date;
    }
  }
  return null;
}

/**
 * "Smith, Jane" and "Smith, Jane, Jr." as display names; a name without a comma ("World Health
 * Organization", "Smith JA") is kept whole, as is one whose parts are too long to be a person's.
 */
function displayRisName(value: string): string | null {
  const parts = value.split(',').map((part) => part.trim());
  const [family, given, suffix] = parts;
  const words = (part: string | undefined): number => (part ?? '').split(/\s+/).length;
  if (parts.length < 2 || parts.length > 3 || words(family) > 3 || words(given) > 3) {
    return displayName({ literal: value });
  }
  return displayName({ given: given ?? null, family: family ?? null, suffix: suffix ?? null });
}

function addressesOf(record: RisRecord): string[] {
  return [...valuesOf(record, 'UR'), ...valuesOf(record, 'L2')]
    .flatMap((value) => value.split(/\s+/))
    .map(webAddressOrNull)
    .filter((address): address is string => address !== null);
}

function firstOf(record: RisRecord, tags: readonly string[]): string | null {
  for (const tag of tags) {
    const value = valuesOf(record, tag).find((candidate) => candidate.trim() !== '');
    if (value !== undefined) return value;
  }
  return null;
}

function valuesOf(record: RisRecord, tag: string): string[] {
  return record.fields
    .filter(([fieldTag, value]) => fieldTag === tag && value.trim() !== '')
    .map(([, value]) => value);
}
