import { MAX_SUMMARY_LENGTH, type ShareCheck } from '@shared/contract/share';
import { assessReadability } from '@shared/domain/share/readability/assessReadability';
import { useDeferredValue, useId, useMemo } from 'react';
import type { DraftEditing } from './composerTypes';
import { MarkedTextArea } from './MarkedTextArea';

/** How many characters of a long sentence the list quotes before the ellipsis. */
const SENTENCE_QUOTE_LENGTH = 60;

/**
 * The version for patients and the public, with what makes it hard to read: the reading grade
 * against the usual target of 8, the longest sentences and medical terms left unexplained.
 */
export interface PlainLanguageSectionProps extends DraftEditing {
  check: ShareCheck;
}

export function PlainLanguageSection({ draft, check, edit, flush }: PlainLanguageSectionProps) {
  const headingId = useId();
  const gradeId = useId();
  // Readability is advice, not a guard: it may trail the typing by a frame.
  const text = useDeferredValue(draft.laySummary);
  const report = useMemo(() => assessReadability(text), [text]);
  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Plain-language summary</h2>
      <MarkedTextArea
        label="Plain-language summary"
        rows={8}
        marks={check.findings.filter((finding) => finding.field === 'laySummary')}
        value={draft.laySummary}
        maxLength={MAX_SUMMARY_LENGTH}
        describedBy={gradeId}
        onChange={(laySummary) => edit({ laySummary })}
        onBlur={() => void flush()}
      />
      <p id={gradeId} role="status" className="composer-muted">
        {report.grade === null
          ? 'Reading grade: write some text first'
          : `Reading grade ${report.grade.toFixed(1)} (aim for ${report.target} or below)`}
      </p>
      {report.longSentences.length > 0 ? (
        <>
          <h3 className="composer-subheading">Long sentences</h3>
          <ul className="composer-advice" aria-label="Long sentences">
            {report.longSentences.map((sentence) => {
              const whole = text.slice(sentence.start, sentence.end);
              const quoted =
                whole.length > SENTENCE_QUOTE_LENGTH
                  ? `${whole.slice(0, SENTENCE_QUOTE_LENGTH).trimEnd()}…`
                  : whole;
              return (
                <li key={sentence.start}>
                  {quoted} ({sentence.words} words)
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {report.unexplainedTerms.length > 0 ? (
        <>
          <h3 className="composer-subheading">Terms to explain</h3>
          <ul className="composer-advice" aria-label="Terms to explain">
            {report.unexplainedTerms.map((term) => (
              <li key={term.start}>
                {term.term} — try “{term.plain}”
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
