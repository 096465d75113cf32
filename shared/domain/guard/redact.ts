import { REDACTION_LABELS, type Finding } from './findings';

export interface Redaction {
  text: string;
  /** Where each label now sits in the new text, so the window can show what was replaced. */
  replaced: { start: number; end: number; label: string }[];
}

/**
 * Replaces each finding with its label ("[name]", "[date]", ...). Findings that overlap or touch
 * are merged into one replacement labelled by the earliest finding, so the result does not depend
 * on the order the findings arrive in and no fragment of an identifier survives between two labels.
 * Findings whose offsets do not match the text (the text changed since the scan) are skipped
 * rather than cutting the wrong characters.
 */
export function redact(text: string, findings: readonly Finding[]): Redaction {
  const valid = findings
    .filter(
      (finding) =>
        finding.start >= 0 &&
        finding.end <= text.length &&
        finding.start < finding.end &&
        text.slice(finding.start, finding.end) === finding.text,
    )
    .sort((a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type));
  const merged: { start: number; end: number; finding: Finding }[] = [];
  for (const finding of valid) {
    const last = merged[merged.length - 1];
    if (last && finding.start <= last.end) {
      last.end = Math.max(last.end, finding.end);
    } else {
      merged.push({ start: finding.start, end: finding.end, finding });
    }
  }
  let output = '';
  let cursor = 0;
  const replaced: Redaction['replaced'] = [];
  for (const span of merged) {
    output += text.slice(cursor, span.start);
    const label = REDACTION_LABELS[span.finding.type];
    replaced.push({ start: output.length, end: output.length + label.length, label });
    output += label;
    cursor = span.end;
  }
  output += text.slice(cursor);
  return { text: output, replaced };
}
