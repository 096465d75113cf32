import { extractPaperIds, type PaperIds } from '@shared/domain/feeds/paperIdentity';
import {
  bibtexEntryToCsl,
  type CslItem,
  type RawBibtexEntry,
  readBibtexEntries,
} from './citationJs';
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
import { type BibtexBlock, splitBibtexEntries } from './splitBibtexEntries';

/**
 * Reads BibTeX and BibLaTeX as Zotero, Mendeley, JabRef and hand-edited files write them.
 * citation-js does the hard parts (the grammar, LaTeX to Unicode, splitting names into parts);
 * this file feeds it one entry at a time (see splitBibtexEntries) and maps its CSL-JSON onto an
 * ImportedReference, reading the few fields CSL drops (arXiv ids) from the raw entry.
 */

// Blocks that hold no reference.
const NON_REFERENCE_TYPES = new Set(['comment', 'preamble', 'string']);
// citation-js writes LaTeX formatting as these HTML tags; a reference is plain text.
const FORMATTING_MARKUP =
  /<\/?(?:i|b|sup|sub)>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>/g;
// Reference managers escape these in verbatim fields (doi, url), e.g. Mendeley's "{\_}".
const ESCAPED_VERBATIM_CHARACTER = /\{\\([_%&#$])\}|\\([_%&#$])/g;
// Anything after an entry's end that reads like another field: the entry closed too early.
const FIELD_AFTER_END = /^\s*,?\s*[A-Za-z_][\w:+-]*\s*=/;

export function parseBibtex(text: string): ReferencesRead {
  const blocks = splitBibtexEntries(text);
  const abbreviations = blocks.filter((block) => block.type === 'string' && block.text !== null);
  const references: ImportedReference[] = [];
  const problems: ImportProblem[] = [];
  let entryNumber = 0;
  for (const [index, block] of blocks.entries()) {
    if (NON_REFERENCE_TYPES.has(block.type)) continue;
    entryNumber++;
    const outcome = readBlock(block, abbreviations, index === blocks.length - 1);
    if (typeof outcome === 'string') {
      problems.push({
        entry: block.key ?? `entry ${entryNumber}`,
        message: `${outcome} The entry starts at line ${block.line}.`,
      });
    } else {
      references.push(outcome);
    }
  }
  return { references, problems };
}

/** The block's reference, or why it cannot be imported. */
function readBlock(
  block: BibtexBlock,
  abbreviations: BibtexBlock[],
  isLast: boolean,
): ImportedReference | string {
  if (block.key === null) return `It has no citation key after “@${block.type}{”.`;
  if (block.text === null) {
    const where = isLast ? 'the file ends inside it' : 'the next entry starts inside it';
    return `It never closes: a “{” has no matching “}”, so ${where}.`;
  }
  if (FIELD_AFTER_END.test(block.trailing)) {
    return 'It has a “}” too many, so the fields after it would be lost.';
  }
  let entry: RawBibtexEntry | undefined;
  try {
    entry = readBibtexEntries(`${abbreviationsUsedBy(block.text, abbreviations)}${block.text}`)[0];
  } catch (error) {
    return describeSyntaxError(error);
  }
  if (!entry) return 'It could not be read as BibTeX.';
  let csl: CslItem;
  try {
    csl = bibtexEntryToCsl(entry);
  } catch (error) {
    return `A field holds LaTeX that Rounds cannot read (${firstLineOf(error)}).`;
  }
  const reference = referenceOf(entry, csl);
  if (reference.title === '') {
    return `It has no title, so it cannot be stored.${addByDoiHint(reference.paperIds.doi)}`;
  }
  return reference;
}

function referenceOf(entry: RawBibtexEntry, csl: CslItem): ImportedReference {
  const field = (name: string): string | null => {
    const value = entry.properties[name];
    return value === undefined ? null : String(value);
  };
  const url = webAddressOrNull(unescapeVerbatim(field('url')));
  return {
    sourceKey: entry.label,
    title: tidyLine(plainText(csl.title)),
    authors: authorsOf(csl.author),
    journal: textOrNull(tidyLine(plainText(csl['container-title']))),
    publishedAt: dateOf(csl.issued),
    paperIds: paperIdsOf(field, url),
    abstract: textOrNull(plainText(csl.abstract)),
    url,
    keywords: uniqueValues(plainText(csl.keyword).split(/[,;]/)),
  };
}

function paperIdsOf(field: (name: string) => string | null, url: string | null): PaperIds {
  const eprintType = (field('eprinttype') ?? field('archiveprefix') ?? '').toLowerCase();
  const eprint = field('eprint');
  const pmid = field('pmid') ?? (/^(?:pubmed|pmid)$/.test(eprintType) ? eprint : null);
  const arxiv = field('arxivid') ?? (eprintType === 'arxiv' ? eprint : null);
  return extractPaperIds({
    fields: [
      unescapeVerbatim(field('doi')),
      pmid === null ? null : `pmid:${pmid}`,
      arxiv === null ? null : `arXiv:${arxiv}`,
      // Zotero writes what its Extra field says ("PMID: 123", "arXiv:2401.01234 [cs]") as a note.
      ...labelledIds(`${field('note') ?? ''}\n${field('extra') ?? ''}`),
    ],
    links: [url],
  });
}

/** `PMID: 123` and `arXiv:2401.01234` labels in a note, as fields the identity reader knows. */
function labelledIds(note: string): string[] {
  return [...note.matchAll(/\b(PMID|arXiv):\s*([\w./-]+)/gi)].map(
    ([, label, id]) => `${label}:${id}`,
  );
}

function authorsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((name: unknown) => {
    if (typeof name !== 'object' || name === null) return [];
    const parts = name as Record<string, unknown>;
    const display = displayName({
      given: plainText(parts.given),
      particle: [parts['dropping-particle'], parts['non-dropping-particle']]
        .map(plainText)
        .join(' '),
      family: plainText(parts.family),
      suffix: plainText(parts.suffix),
      literal: plainText(parts.literal),
    });
    return display === null ? [] : [display];
  });
}

function dateOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const date = value as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(date['date-parts']) ? (date['date-parts'][0] as unknown) : null;
  if (Array.isArray(parts)) {
    const iso = partialIsoDate(parts[0], parts[1], parts[2]);
    if (iso !== null) return iso;
  }
  return yearIn(plainText(date.raw ?? date.literal));
}

/** A CSL string value without citation-js's formatting tags; '' for anything else. */
function plainText(value: unknown): string {
  return typeof value === 'string' ? value.replace(FORMATTING_MARKUP, '') : '';
}

function unescapeVerbatim(value: string | null): string | null {
  if (value === null) return null;
  return value.replace(
    ESCAPED_VERBATIM_CHARACTER,
    (_, braced?: string, bare?: string) => braced ?? bare ?? '',
  );
}

/**
 * The `@string` definitions the entry uses (directly or through another definition), as text to
 * parse before it: only those, so a file of many abbreviations does not re-read them all per entry.
 */
function abbreviationsUsedBy(entryText: string, abbreviations: BibtexBlock[]): string {
  const used = new Set<BibtexBlock>();
  const pending = [entryText];
  while (pending.length > 0) {
    const text = (pending.pop() ?? '').toLowerCase();
    for (const abbreviation of abbreviations) {
      const name = abbreviationName(abbreviation);
      if (used.has(abbreviation) || name === null || !mentions(text, name)) continue;
      used.add(abbreviation);
      pending.push(abbreviation.text ?? '');
    }
  }
  return abbreviations
    .filter((abbreviation) => used.has(abbreviation))
    .map((abbreviation) => `${abbreviation.text}\n`)
    .join('');
}

function abbreviationName(block: BibtexBlock): string | null {
  return /^[^{(]*[{(]\s*([A-Za-z_][\w:+-]*)\s*=/.exec(block.text ?? '')?.[1]?.toLowerCase() ?? null;
}

function mentions(lowerCaseText: string, name: string): boolean {
  let index = lowerCaseText.indexOf(name);
  while (index !== -1) {
    const before = lowerCaseText[index - 1] ?? ' ';
    const after = lowerCaseText[index + name.length] ?? ' ';
    if (!/[\w:+-]/.test(before) && !/[\w:+-]/.test(after)) return true;
    index = lowerCaseText.indexOf(name, index + 1);
  }
  return false;
}

/** A sentence for citation-js's grammar error, naming the usual mistakes plainly. */
function describeSyntaxError(error: unknown): string {
  const message = firstLineOf(error);
  if (/expected "rbrace", got "identifier"/.test(message)) {
    return 'A comma is missing between two of its fields (fields are written name = {value} and separated by commas).';
  }
  if (/expected "equals"/.test(message)) {
    return 'A field name is not followed by “=” (fields are written name = {value}).';
  }
  if (/expected "comma"/.test(message)) {
    return 'Its citation key is not followed by a comma.';
  }
  return `It could not be read as BibTeX (${message}).`;
}

/** The library's message without its position and source excerpt, which name the wrong lines. */
function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\s+at line \d+ col \d+:?$/, '').trim();
}
