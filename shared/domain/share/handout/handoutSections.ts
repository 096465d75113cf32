// The handout's structure, decided once: which sections exist, in what order, under what headings,
// and how the user's text splits into paragraphs. The Markdown, HTML and PDF renderers only
// differ in how they draw it, so the three files a user may hand out always say the same thing.

import type { HandoutContent, HandoutField, SummaryPaper } from '../summary';

/** The headings of the handout's sections, worded the same in every format. */
export const HANDOUT_HEADINGS = {
  levelOfEvidence: 'Level of evidence',
  summary: 'Summary',
  laySummary: 'In plain language',
  bottomLine: 'Bottom line',
  highlights: 'Highlights',
  appraisal: 'Appraisal',
  notes: 'Notes and discussion',
  disclosure: 'Disclosure',
} as const;

/** The column headings of the appraisal table (Markdown and HTML). */
export const APPRAISAL_COLUMNS = { label: 'Aspect', value: 'Assessment' } as const;

/** The label put before a highlight's comment. */
export const HIGHLIGHT_COMMENT_LABEL = 'Comment:';

/** A highlight with its text already split into paragraphs. */
export interface HandoutQuote {
  /** The quoted passage, paragraph by paragraph (never empty). */
  quote: string[];
  /** The annotator's comment, paragraph by paragraph (empty when there is none). */
  comment: string[];
  /** Who highlighted it, on one line, or null for the user's own highlight. */
  by: string | null;
}

/** One section of the handout's body, below the warnings and the level of evidence. */
export type HandoutSection =
  | { kind: 'paragraphs'; heading: string; paragraphs: string[] }
  | { kind: 'highlights'; heading: string; highlights: HandoutQuote[] }
  | { kind: 'appraisal'; heading: string; rows: HandoutField[] };

/**
 * The body sections in the order every format prints them: summary, plain-language summary,
 * bottom line, highlights, appraisal, notes, disclosure. A section with nothing in it is left out,
 * so a handout never shows an empty heading; so is a highlight whose quote is blank.
 */
export function handoutSections(content: HandoutContent): HandoutSection[] {
  const sections: HandoutSection[] = [];
  const addParagraphs = (heading: string, paragraphs: string[]): void => {
    if (paragraphs.length > 0) sections.push({ kind: 'paragraphs', heading, paragraphs });
  };
  addParagraphs(HANDOUT_HEADINGS.summary, paragraphsOf(content.summary));
  addParagraphs(HANDOUT_HEADINGS.laySummary, paragraphsOf(content.laySummary));
  addParagraphs(HANDOUT_HEADINGS.bottomLine, paragraphsOf(content.bottomLine));
  const highlights = content.highlights
    .map((highlight) => ({
      quote: paragraphsOf(highlight.quote),
      comment: paragraphsOf(highlight.comment),
      by: highlight.by === null || oneLine(highlight.by) === '' ? null : oneLine(highlight.by),
    }))
    .filter((highlight) => highlight.quote.length > 0);
  if (highlights.length > 0) {
    sections.push({ kind: 'highlights', heading: HANDOUT_HEADINGS.highlights, highlights });
  }
  const rows = content.appraisal
    .map((field) => ({ label: oneLine(field.label), value: oneLine(field.value) }))
    .filter((field) => field.label !== '' || field.value !== '');
  if (rows.length > 0) {
    sections.push({ kind: 'appraisal', heading: HANDOUT_HEADINGS.appraisal, rows });
  }
  addParagraphs(
    HANDOUT_HEADINGS.notes,
    content.notes.flatMap((note) => paragraphsOf(note)),
  );
  addParagraphs(HANDOUT_HEADINGS.disclosure, paragraphsOf(content.disclosure));
  return sections;
}

/**
 * Text split into paragraphs at blank lines. Each paragraph keeps its line breaks, with every line
 * trimmed and tabs turned into spaces: leading white space would mean code in Markdown, and
 * trailing white space a hard line break. Null or blank text gives no paragraphs.
 */
export function paragraphsOf(text: string | null): string[] {
  if (text === null) return [];
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/\t/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
}

/** Text on one line: every run of white space, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The title the handout shows: its own, else the paper's, so the page never starts blank. */
export function handoutTitle(content: HandoutContent): string {
  return oneLine(content.title) || oneLine(content.paper.title) || 'Handout';
}

/** The warnings, one line each, blank ones dropped. */
export function handoutWarnings(content: HandoutContent): string[] {
  return content.warnings.map(oneLine).filter((warning) => warning !== '');
}

/** The closing line: "Made with Rounds on 2026-12-02", followed by " · <club>" for a club. */
export function handoutFooter(content: HandoutContent): string {
  const made = `Made with Rounds on ${oneLine(content.date)}`;
  const club = content.club === null ? '' : oneLine(content.club);
  return club === '' ? made : `${made} · ${club}`;
}

/** Where the handout points readers for the paper: the link target and the text shown for it. */
export interface HandoutLink {
  /** An `http:` or `https:` address, percent-encoded so it is safe in any link syntax. */
  href: string;
  /** The address as a reader should see it (also what a printout shows). */
  text: string;
}

// What may stay as it is in a link target; the rest is percent-encoded. Parentheses, angle
// brackets, quotes and spaces go, since they end a link in Markdown or an attribute in HTML.
const SAFE_URL_CHARACTER = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=]/;
// DOIs are opaque strings that may contain `?`, `#`, `%` and `&`, which must not act as query,
// fragment, escape or (in Markdown and HTML) entity in the address.
const SAFE_DOI_CHARACTER = /[A-Za-z0-9\-._~:/@!$'*+,;=]/;

/**
 * The paper's source link. With a DOI it is always `https://doi.org/<doi>`, built from the DOI so
 * that every character of the DOI is encoded; without one, the paper's own address, but only an
 * `http:` or `https:` one (a `javascript:` or `file:` address is never linked). Null when there is
 * nothing to link.
 */
export function handoutSourceLink(paper: SummaryPaper): HandoutLink | null {
  const doi = paper.doi === null ? '' : paper.doi.trim();
  if (doi !== '') {
    return {
      href: `https://doi.org/${percentEncode(doi, SAFE_DOI_CHARACTER)}`,
      text: `https://doi.org/${oneLine(doi)}`,
    };
  }
  const url = paper.url === null ? '' : paper.url.trim();
  if (!/^https?:\/\/[^\s/?#]/i.test(url)) return null;
  return { href: percentEncode(url, SAFE_URL_CHARACTER, true), text: oneLine(url) };
}

function percentEncode(text: string, safe: RegExp, keepEscapes = false): string {
  let encoded = '';
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (keepEscapes && character === '%' && /^%[0-9A-Fa-f]{2}/.test(text.slice(index))) {
      encoded += character;
    } else if (safe.test(character)) {
      encoded += character;
    } else {
      const codePoint = text.codePointAt(index) ?? 0;
      if (codePoint > 0xffff) index += 1;
      // A lone surrogate has no UTF-8 form; it becomes the replacement character.
      const isLoneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
      encoded += encodeUtf8(isLoneSurrogate ? '\uFFFD' : String.fromCodePoint(codePoint));
    }
  }
  return encoded;
}

function encodeUtf8(character: string): string {
  const encoded = encodeURIComponent(character);
  // encodeURIComponent leaves these alone, yet they are not safe in a link target.
  return encoded.replace(/[!'()*]/g, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`);
}
