// The privacy guard over a file about to leave: exported highlights and notes, a session bundle.
// Unlike a summary draft, such a file is built from records (a highlight, a member's answer, the
// discussion) that cannot be redacted in place on export, so a finding is either edited away at
// its source or kept with a reason. The window asks for the findings first and the backend runs
// this again on the text that goes into the file, so both see the same thing.
import { PHI_TYPE_NAMES, type DismissalReason, type Finding, type PhiType } from './findings';
import { scanForPhi } from './scanForPhi';

export { PHI_TYPE_NAMES };

/**
 * One piece of free text that goes into a file, and where the user would find it to edit it
 * ("Discussion", "Your note on “reduced kidney…”", "Ben Okafor’s answer to “Was allocation
 * concealed?”").
 */
export interface GuardedPart {
  where: string;
  text: string;
}

/** A possible identifier in one part; offsets are into that part's `text`. */
export interface ExportFinding extends Finding {
  where: string;
}

/**
 * A finding the user chose to leave in the file, with why. Matched by type and text, not by
 * offsets or part, so the decision holds when the text around it changes and wherever the same
 * words appear again.
 */
export interface KeptFinding {
  type: PhiType;
  text: string;
  reason: DismissalReason;
  /** The user's own words; required by the window when the reason is `other`. */
  note?: string;
}

/** True when the user kept this finding: same type and same text. */
export function isKept(finding: Pick<Finding, 'type' | 'text'>, kept: readonly KeptFinding[]) {
  return kept.some((entry) => entry.type === finding.type && entry.text === finding.text);
}

/**
 * The possible identifiers in `parts` that the user has not kept, part by part in the order
 * given, each in reading order. Blank parts are not scanned.
 */
export function findingsToResolve(
  parts: readonly GuardedPart[],
  kept: readonly KeptFinding[],
  scan: (text: string) => Finding[] = scanForPhi,
): ExportFinding[] {
  const found: ExportFinding[] = [];
  for (const part of parts) {
    if (part.text.trim() === '') continue;
    for (const finding of scan(part.text)) {
      if (!isKept(finding, kept)) found.push({ ...finding, where: part.where });
    }
  }
  return found;
}

const MAX_FINDINGS_NAMED = 3;

/** The sentence an export answers with while findings remain (`findings` is not empty). */
export function exportBlockedMessage(findings: readonly ExportFinding[]): string {
  const count = findings.length;
  const named = findings
    .slice(0, MAX_FINDINGS_NAMED)
    .map(
      (finding) =>
        `${PHI_TYPE_NAMES[finding.type].toLowerCase()} “${finding.text}” in ${finding.where}`,
    );
  const more = count - named.length;
  const list = `${named.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
  const advice =
    count === 1
      ? 'Edit the text to remove it, or keep it with a reason.'
      : 'Edit the text to remove them, or keep each with a reason.';
  return `Not exported: ${count} possible patient identifier${count === 1 ? '' : 's'} (${list}). ${advice}`;
}

/**
 * The start of a text to name it by in a `where`: whole words up to about `length` characters,
 * with an ellipsis when cut ("reduced kidney…").
 */
export function excerptOf(text: string, length = 24): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > length / 2 ? cut.slice(0, lastSpace) : flat.slice(0, length);
  return `${words.replace(/[\s,.;:]+$/u, '')}…`;
}
