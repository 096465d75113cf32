// Scores the guard against a labelled set, for the test that holds it to its targets and for the
// bench that reports the figures. A labelled span counts as found when a finding of the same type
// overlaps it: the clinician sees the highlight and the redaction covers the overlap.
import { PHI_TYPES, STRUCTURED_TYPES, type Finding, type PhiType } from './findings';

export interface LabelledSpan {
  type: PhiType;
  start: number;
  end: number;
  text: string;
}

export interface LabelledText {
  id: string;
  text: string;
  spans: LabelledSpan[];
}

export interface GuardScores {
  /** Found ÷ labelled, per type present in the set. */
  recallByType: Partial<Record<PhiType, { found: number; labelled: number; recall: number }>>;
  recallStructured: number;
  recallNames: number;
  /** PHI-free texts with at least one finding ÷ PHI-free texts. */
  falseAlarmRate: number;
  phiFreeTexts: number;
  missed: { id: string; span: LabelledSpan }[];
  falseAlarms: { id: string; findings: Finding[] }[];
}

export function isPhiType(value: unknown): value is PhiType {
  return typeof value === 'string' && (PHI_TYPES as readonly string[]).includes(value);
}

function ratio(found: number, labelled: number): number {
  return labelled === 0 ? 1 : found / labelled;
}

export function evaluateGuard(
  texts: readonly LabelledText[],
  scan: (text: string) => Finding[],
): GuardScores {
  const counts = new Map<PhiType, { found: number; labelled: number }>();
  const missed: GuardScores['missed'] = [];
  const falseAlarms: GuardScores['falseAlarms'] = [];
  let phiFreeTexts = 0;
  for (const labelled of texts) {
    const findings = scan(labelled.text);
    if (labelled.spans.length === 0) {
      phiFreeTexts += 1;
      if (findings.length > 0) falseAlarms.push({ id: labelled.id, findings });
      continue;
    }
    for (const span of labelled.spans) {
      const count = counts.get(span.type) ?? { found: 0, labelled: 0 };
      count.labelled += 1;
      const found = findings.some(
        (finding) =>
          finding.type === span.type && finding.start < span.end && span.start < finding.end,
      );
      if (found) count.found += 1;
      else missed.push({ id: labelled.id, span });
      counts.set(span.type, count);
    }
  }
  const recallByType: GuardScores['recallByType'] = {};
  for (const type of PHI_TYPES) {
    const count = counts.get(type);
    if (count) recallByType[type] = { ...count, recall: ratio(count.found, count.labelled) };
  }
  const sum = (types: readonly PhiType[]) =>
    types.reduce(
      (total, type) => {
        const count = counts.get(type);
        return count
          ? { found: total.found + count.found, labelled: total.labelled + count.labelled }
          : total;
      },
      { found: 0, labelled: 0 },
    );
  const structured = sum(STRUCTURED_TYPES);
  const names = sum(['name']);
  return {
    recallByType,
    recallStructured: ratio(structured.found, structured.labelled),
    recallNames: ratio(names.found, names.labelled),
    falseAlarmRate: phiFreeTexts === 0 ? 0 : falseAlarms.length / phiFreeTexts,
    phiFreeTexts,
    missed,
    falseAlarms,
  };
}
