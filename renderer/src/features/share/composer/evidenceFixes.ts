// The one-click fixes the "Before sharing" list offers for the evidence guard's issues. Each one
// changes the summary's text so that `checkDraft` finds what it asked for, in the place a reader
// expects it: the label and the link with the citation at the top, the disclosure last.
import { DISCLOSURE_PREFIX } from '@shared/domain/share/checkDraft';
import { PREPRINT_LABEL } from '@shared/domain/share/summary';

const PARAGRAPH_BREAK = /\n[ \t]*\n/u;

function paragraphsOf(text: string): string[] {
  return text.trim() === '' ? [] : text.trim().split(PARAGRAPH_BREAK);
}

function joined(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

/** The text with the preprint label as the paragraph after the citation block (the first one). */
export function withPreprintLabel(text: string): string {
  const [citation, ...rest] = paragraphsOf(text);
  return joined(citation === undefined ? [PREPRINT_LABEL] : [citation, PREPRINT_LABEL, ...rest]);
}

/** The text with the paper's address as the last line of the citation block. */
export function withSourceLink(text: string, url: string): string {
  const [citation, ...rest] = paragraphsOf(text);
  return joined(citation === undefined ? [url] : [`${citation}\n${url}`, ...rest]);
}

/** The text with the level of evidence as a paragraph before the disclosure (or last). */
export function withLevelOfEvidence(text: string, levelOfEvidence: string): string {
  const paragraphs = paragraphsOf(text);
  const disclosureAt = paragraphs.findIndex((paragraph) => paragraph.startsWith(DISCLOSURE_PREFIX));
  const at = disclosureAt === -1 ? paragraphs.length : disclosureAt;
  return joined([...paragraphs.slice(0, at), levelOfEvidence.trim(), ...paragraphs.slice(at)]);
}

/** The text ending with the user's disclosure line. */
export function withDisclosure(text: string, disclosure: string): string {
  return joined([...paragraphsOf(text), `${DISCLOSURE_PREFIX}${disclosure}`]);
}
