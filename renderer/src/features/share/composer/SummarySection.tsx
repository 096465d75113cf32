import { MAX_SUMMARY_LENGTH, type ShareCheck } from '@shared/contract/share';
import { useId } from 'react';
import type { DraftEditing } from './composerTypes';
import { DraftTextField } from './DraftTextField';
import { MarkedTextArea } from './MarkedTextArea';

export interface SummarySectionProps extends DraftEditing {
  check: ShareCheck;
}

/** The summary for colleagues, with possible identifiers marked as they are typed. */
export function SummarySection({ draft, check, edit, flush }: SummarySectionProps) {
  const headingId = useId();
  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Summary</h2>
      <MarkedTextArea
        label="Summary"
        value={draft.text}
        marks={check.findings.filter((finding) => finding.field === 'text')}
        maxLength={MAX_SUMMARY_LENGTH}
        onChange={(text) => edit({ text })}
        onBlur={() => void flush()}
      />
      <DraftTextField
        label="Content warning (Mastodon)"
        value={draft.contentWarning}
        maxLength={500}
        onChange={(contentWarning) => edit({ contentWarning })}
        onBlur={() => void flush()}
      />
    </section>
  );
}
