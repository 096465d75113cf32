import type { Annotation } from './annotation';
import { HIGHLIGHT_COLOURS, type HighlightMeanings } from './highlightColours';
import { pageNumberOf } from './selectors';

/** What the Markdown export says about a paper. */
export interface AnnotatedPaper {
  title: string;
  authors: readonly string[];
  journal: string | null;
  /** ISO 8601; only the year is shown. */
  publishedAt: string | null;
  doi: string | null;
  link: string | null;
}

export interface MarkdownOptions {
  /** By the colours' meanings (in the colours' order), or in the order they appear in the paper. */
  groupBy: 'colour' | 'position';
  meanings: HighlightMeanings;
}

const AUTHORS_SHOWN = 3;

// Characters that are Markdown wherever they stand: emphasis, links, raw HTML, tables, code,
// strike-through, and the backslash itself.
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
// Characters that are Markdown only at the start of a line: headings, quotes, lists, setext rules.
const LINE_START_SPECIAL = /^([#>+=-])/;
const ORDERED_LIST_START = /^(\d+)([.)])/;
const ENTITY = /&(#?[a-z\d]+;)/gi;

function escapeLine(line: string): string {
  return line
    .trimStart() // four spaces would make a code block
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(ENTITY, '\\&$1')
    .replace(LINE_START_SPECIAL, '\\$1')
    .replace(ORDERED_LIST_START, '$1\\$2');
}

/**
 * User text made safe to place in Markdown: it renders as typed, never as a heading, list, link,
 * emphasis or HTML. Line breaks are kept as they are; callers decide what a line break becomes.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\n');
}

/** One line of user text (a title, a label): breaks become spaces. */
function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

function citationLine(paper: AnnotatedPaper): string {
  const parts: string[] = [];
  if (paper.authors.length > 0) {
    const shown = paper.authors.slice(0, AUTHORS_SHOWN).map(escapeInline);
    if (paper.authors.length > AUTHORS_SHOWN) shown.push('et al');
    parts.push(`${shown.join(', ')}.`);
  }
  if (paper.journal) parts.push(`*${escapeInline(paper.journal)}*.`);
  const year = paper.publishedAt?.slice(0, 4);
  if (year && /^\d{4}$/.test(year)) parts.push(`${year}.`);
  const address = paper.doi
    ? `https://doi.org/${encodeURIComponent(paper.doi).replaceAll('%2F', '/')}`
    : paper.link;
  // An autolink cannot hold spaces or angle brackets; an address with them is left out.
  if (address && /^https?:\/\/[^\s<>]+$/.test(address)) parts.push(`<${address}>`);
  return parts.join(' ');
}

/** Quoted text as a blockquote; a blank line inside it stays inside the quote. */
function blockquote(text: string): string {
  return escapeMarkdown(text.trim())
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** A note's paragraphs, its single line breaks kept as hard breaks. */
function noteParagraphs(note: string): string {
  return escapeMarkdown(note.trim())
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').join('  \n'))
    .join('\n\n');
}

function readingOrder(a: Annotation, b: Annotation): number {
  const page = (annotation: Annotation) =>
    annotation.selectors.page ? (pageNumberOf(annotation.selectors.page) ?? 0) : 0;
  const start = (annotation: Annotation) =>
    annotation.selectors.position?.start ?? Number.MAX_SAFE_INTEGER;
  return page(a) - page(b) || start(a) - start(b) || a.createdAt.localeCompare(b.createdAt);
}

function highlightBlock(annotation: Annotation, label: string | null): string {
  const blocks = [blockquote(annotation.selectors.quote.exact)];
  const page = annotation.selectors.page ? pageNumberOf(annotation.selectors.page) : null;
  const details = [label === null ? null : escapeInline(label), page === null ? null : `p. ${page}`]
    .filter((detail) => detail !== null)
    .join(', ');
  if (details !== '') blocks.push(`*${details}*`);
  if (annotation.note.trim() !== '') blocks.push(noteParagraphs(annotation.note));
  if (annotation.tags.length > 0) {
    blocks.push(`Tags: ${annotation.tags.map(escapeInline).join(', ')}`);
  }
  return blocks.join('\n\n');
}

function paperBody(
  paper: AnnotatedPaper,
  annotations: readonly Annotation[],
  options: MarkdownOptions,
  headingLevel: number,
): string[] {
  const heading = '#'.repeat(headingLevel);
  const blocks = [`${heading} ${escapeInline(paper.title)}`];
  const citation = citationLine(paper);
  if (citation !== '') blocks.push(citation);
  const ordered = [...annotations].sort(readingOrder);
  if (ordered.length === 0) {
    blocks.push('No highlights.');
  } else if (options.groupBy === 'position') {
    for (const annotation of ordered) {
      blocks.push(highlightBlock(annotation, options.meanings[annotation.colour]));
    }
  } else {
    for (const colour of HIGHLIGHT_COLOURS) {
      const group = ordered.filter((annotation) => annotation.colour === colour.id);
      if (group.length === 0) continue;
      blocks.push(`${heading}# ${escapeInline(options.meanings[colour.id])}`);
      for (const annotation of group) blocks.push(highlightBlock(annotation, null));
    }
  }
  return blocks;
}

/** One paper's highlights and notes as a Markdown document. */
export function paperAnnotationsMarkdown(
  paper: AnnotatedPaper,
  annotations: readonly Annotation[],
  options: MarkdownOptions,
): string {
  return `${paperBody(paper, annotations, options, 1).join('\n\n')}\n`;
}

/** Several papers' highlights in one document, each paper a section under `title`. */
export function annotationsMarkdown(
  papers: readonly { paper: AnnotatedPaper; annotations: readonly Annotation[] }[],
  options: MarkdownOptions & { title: string },
): string {
  const blocks = [`# ${escapeInline(options.title)}`];
  for (const { paper, annotations } of papers) {
    blocks.push(...paperBody(paper, annotations, options, 2));
  }
  return `${blocks.join('\n\n')}\n`;
}
