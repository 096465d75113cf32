import type { HandoutContent } from '../summary';
import {
  APPRAISAL_COLUMNS,
  HANDOUT_HEADINGS,
  HIGHLIGHT_COMMENT_LABEL,
  handoutFooter,
  handoutSections,
  handoutSourceLink,
  handoutTitle,
  handoutWarnings,
  oneLine,
  type HandoutQuote,
  type HandoutSection,
} from './handoutSections';

/**
 * The handout as CommonMark (with a GitHub-style table for the appraisal), for pasting into notes,
 * wikis and e-mail. Every piece of the user's text is escaped so it reads back as the same literal
 * text and can never open a heading, list, quote, table, link, image, code span or HTML tag;
 * paragraphs stay paragraphs. Sections with nothing in them are left out.
 */
export function renderHandoutMarkdown(content: HandoutContent): string {
  const blocks: string[] = [`# ${escapeInline(handoutTitle(content))}`];
  const citation = citationLine(content);
  if (citation !== '') blocks.push(citation);
  for (const warning of handoutWarnings(content)) blocks.push(`**${escapeInline(warning)}**`);
  const level = oneLine(content.levelOfEvidence);
  if (level !== '') {
    blocks.push(`**${HANDOUT_HEADINGS.levelOfEvidence}:** ${escapeInline(level)}`);
  }
  for (const section of handoutSections(content)) {
    blocks.push(`## ${section.heading}`, ...sectionBlocks(section));
  }
  blocks.push('---', escapeLine(handoutFooter(content)));
  return `${blocks.join('\n\n')}\n`;
}

function citationLine(content: HandoutContent): string {
  const citation = oneLine(content.citation);
  const link = handoutSourceLink(content.paper);
  const parts: string[] = [];
  if (citation !== '') parts.push(escapeLine(citation));
  // The target is percent-encoded (no spaces, brackets or parentheses), so it needs no escaping.
  if (link !== null) parts.push(`[${escapeInline(link.text)}](${link.href})`);
  return parts.join(' ');
}

function sectionBlocks(section: HandoutSection): string[] {
  switch (section.kind) {
    case 'paragraphs':
      return section.paragraphs.map(escapeParagraph);
    case 'highlights':
      return section.highlights.flatMap(highlightBlocks);
    case 'appraisal':
      return [
        [
          `| ${APPRAISAL_COLUMNS.label} | ${APPRAISAL_COLUMNS.value} |`,
          '| --- | --- |',
          ...section.rows.map(
            (row) => `| ${escapeInline(row.label)} | ${escapeInline(row.value)} |`,
          ),
        ].join('\n'),
      ];
  }
}

function highlightBlocks(highlight: HandoutQuote): string[] {
  const quote = highlight.quote
    .map((paragraph) =>
      escapeParagraph(paragraph)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    )
    .join('\n>\n');
  const blocks = [quote];
  if (highlight.by !== null) blocks.push(`— ${escapeInline(highlight.by)}`);
  highlight.comment.forEach((paragraph, index) => {
    const escaped = escapeParagraph(paragraph);
    blocks.push(index === 0 ? `**${HIGHLIGHT_COMMENT_LABEL}** ${escaped}` : escaped);
  });
  return blocks;
}

// Characters that can open or close a span, a link, an HTML tag, a table cell or strikethrough
// anywhere in a line. `#` is escaped everywhere too, because a heading drops a trailing `#` run.
const INLINE_SPECIALS = /[\\`*_[\]<|~#]/g;
// `&` matters only where it would start an entity (`&amp;`, `&#169;`) that renders as a character.
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_START, '\\&');
}

/** One trimmed line that starts a line of the document: it must not open a block either. */
function escapeLine(line: string): string {
  const escaped = escapeInline(line);
  if (/^[>+=-]/.test(escaped)) return `\\${escaped}`;
  // "12." or "3)" would start an ordered list; escaping the mark keeps the number as it is.
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2');
}

function escapeParagraph(paragraph: string): string {
  return paragraph.split('\n').map(escapeLine).join('\n');
}
