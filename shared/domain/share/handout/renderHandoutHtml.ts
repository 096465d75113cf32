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

// The file is opened from disk or an e-mail attachment, so it carries its own policy: no scripts,
// no requests of any kind, only its inline style and (should one ever be added) inline images.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// System fonts only (the policy forbids loading any). Colours come from variables so the page
// follows the reader's light or dark theme on screen, while print always gets dark ink on white
// paper, with borders rather than backgrounds, since browsers drop backgrounds when printing.
const STYLE = `
:root {
  color-scheme: light dark;
  --ink: #1b1d21; --muted: #555b66; --paper: #ffffff; --rule: #c9ced6;
  --accent: #0b57a4; --warn-ink: #7a3300; --warn-paper: #fff4e6; --warn-rule: #d9822b;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e7e9ee; --muted: #a7adb8; --paper: #15171b; --rule: #3a3f48;
    --accent: #8cc0ff; --warn-ink: #ffd9b0; --warn-paper: #33230f; --warn-rule: #d9822b;
  }
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body {
  max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem;
  font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--rule); }
p { margin: 0 0 0.6rem; }
a { color: var(--accent); overflow-wrap: anywhere; }
.citation { color: var(--muted); }
.warnings {
  margin: 1rem 0; padding: 0.6rem 0.9rem; border: 2px solid var(--warn-rule);
  border-radius: 4px; background: var(--warn-paper); color: var(--warn-ink);
}
.warnings p { margin: 0.2rem 0; }
figure { margin: 0.8rem 0 0.3rem; }
blockquote { margin: 0 0 0.3rem; padding: 0.1rem 0 0.1rem 0.9rem; border-left: 3px solid var(--rule); font-style: italic; }
figcaption, .comment { margin-left: 0.9rem; }
figcaption { color: var(--muted); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
th[scope="row"] { width: 32%; }
footer { margin-top: 2rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; }
@media print {
  :root {
    --ink: #000000; --muted: #333333; --paper: #ffffff; --rule: #888888;
    --accent: #000000; --warn-ink: #000000; --warn-paper: #ffffff; --warn-rule: #000000;
  }
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3 { break-after: avoid; }
  figure, tr, .warnings { break-inside: avoid; }
}
`;

/**
 * The handout as one standalone HTML5 file: no scripts, no external requests (its Content Security
 * Policy forbids both), inline CSS that follows a light or dark theme on screen and prints in
 * black on white A4. Every piece of the user's text is HTML-escaped, and the paper's source link
 * is an `http(s)` address only, opened with `rel="noopener"`. Sections with nothing in them are
 * left out.
 */
export function renderHandoutHtml(content: HandoutContent): string {
  const title = escapeHtml(handoutTitle(content));
  const header = [`<h1>${title}</h1>`];
  const citation = citationLine(content);
  if (citation !== '') header.push(`<p class="citation">${citation}</p>`);
  const warnings = handoutWarnings(content);
  if (warnings.length > 0) {
    const lines = warnings.map((warning) => `<p><strong>${escapeHtml(warning)}</strong></p>`);
    header.push(`<aside class="warnings" aria-label="Warnings">${lines.join('')}</aside>`);
  }
  const level = oneLine(content.levelOfEvidence);
  if (level !== '') {
    header.push(
      `<p class="evidence"><strong>${HANDOUT_HEADINGS.levelOfEvidence}:</strong> ${escapeHtml(level)}</p>`,
    );
  }
  const sections = handoutSections(content).map(renderSection);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Rounds">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    ...header,
    '</header>',
    '<main>',
    ...sections,
    '</main>',
    `<footer><p>${escapeHtml(handoutFooter(content))}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function citationLine(content: HandoutContent): string {
  const parts: string[] = [];
  const citation = oneLine(content.citation);
  if (citation !== '') parts.push(escapeHtml(citation));
  const link = handoutSourceLink(content.paper);
  if (link !== null) {
    parts.push(`<a href="${escapeHtml(link.href)}" rel="noopener">${escapeHtml(link.text)}</a>`);
  }
  return parts.join(' ');
}

function renderSection(section: HandoutSection): string {
  const heading = `<h2>${escapeHtml(section.heading)}</h2>`;
  switch (section.kind) {
    case 'paragraphs':
      return `<section>${heading}\n${section.paragraphs.map(paragraph).join('\n')}\n</section>`;
    case 'highlights':
      return `<section>${heading}\n${section.highlights.map(highlight).join('\n')}\n</section>`;
    case 'appraisal': {
      const rows = section.rows.map(
        (row) =>
          `<tr><th scope="row">${escapeHtml(row.label)}</th><td>${escapeHtml(row.value)}</td></tr>`,
      );
      return [
        `<section>${heading}`,
        '<table>',
        `<thead><tr><th scope="col">${APPRAISAL_COLUMNS.label}</th><th scope="col">${APPRAISAL_COLUMNS.value}</th></tr></thead>`,
        `<tbody>\n${rows.join('\n')}\n</tbody>`,
        '</table>',
        '</section>',
      ].join('\n');
    }
  }
}

function highlight(item: HandoutQuote): string {
  const caption = item.by === null ? '' : `<figcaption>— ${escapeHtml(item.by)}</figcaption>`;
  const quote = `<figure><blockquote>${item.quote.map(paragraph).join('')}</blockquote>${caption}</figure>`;
  const comment = item.comment.map((text, index) =>
    index === 0
      ? `<p class="comment"><strong>${HIGHLIGHT_COMMENT_LABEL}</strong> ${lines(text)}</p>`
      : `<p class="comment">${lines(text)}</p>`,
  );
  return [quote, ...comment].join('\n');
}

function paragraph(text: string): string {
  return `<p>${lines(text)}</p>`;
}

/** A paragraph's text with its line breaks kept as `<br>`. */
function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escaped for both text and double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
