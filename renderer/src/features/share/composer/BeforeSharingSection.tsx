import type {
  DraftDismissal,
  DraftFinding,
  ShareCheck,
  ShareSettings,
  SummaryDraft,
} from '@shared/contract/share';
import { REDACTION_LABELS } from '@shared/domain/guard/findings';
import { changeForField, draftFieldText } from '@shared/domain/share/draftFields';
import { useId, useRef, useState } from 'react';
import { FormFailure } from '../../../ui/FormFailure';
import { countOf } from './composerText';
import type { DraftEditing } from './composerTypes';
import { EvidenceChecks } from './EvidenceChecks';
import { PossibleIdentifiers } from './PossibleIdentifiers';
import { RetractionCheck } from './RetractionCheck';
import type { ShareClient } from './shareClient';

export interface BeforeSharingSectionProps extends DraftEditing {
  client: ShareClient;
  /** The guards' live verdict on the text as typed, saved or not. */
  check: ShareCheck;
  settings: ShareSettings;
  adopt: (draft: SummaryDraft) => void;
  onAskDisclosure: () => void;
}

/** The verdict in one line: what the user must still resolve before anything can leave. */
export function readinessText(check: ShareCheck): string {
  if (check.ready) return 'Ready to share';
  return `Not ready: ${countOf(check.findings.length, 'possible patient identifier')}, ${countOf(check.evidence.length, 'evidence issue')}`;
}

/**
 * Everything that stops the summary leaving, with a fix beside each: possible patient
 * identifiers to redact or keep with a reason, and the evidence guard's requirements.
 */
export function BeforeSharingSection({
  client,
  draft,
  check,
  settings,
  saveNow,
  adopt,
  onAskDisclosure,
}: BeforeSharingSectionProps) {
  const headingId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const findingsHeading = useRef<HTMLHeadingElement>(null);

  const save = async (changes: Parameters<typeof saveNow>[0]) => {
    const message = await saveNow(changes);
    setFailure(message);
    return message;
  };

  const redact = (finding: DraftFinding) => {
    const text = draftFieldText(draft, finding.field);
    // The list follows the live text, so the offsets hold; a mismatch means it moved under us.
    if (text === null || text.slice(finding.start, finding.end) !== finding.text) return;
    const redacted =
      text.slice(0, finding.start) + REDACTION_LABELS[finding.type] + text.slice(finding.end);
    const change = changeForField(draft, finding.field, redacted);
    if (change === null) return;
    // The pressed button leaves with its finding; the list's heading keeps the user in place.
    findingsHeading.current?.focus();
    void save(change);
  };

  const keep = (dismissal: DraftDismissal) =>
    save({ dismissals: [...draft.dismissals, dismissal] });

  return (
    <section className="composer-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Before sharing</h2>
      <p
        role="status"
        className={
          check.ready ? 'composer-readiness' : 'composer-readiness composer-readiness-blocked'
        }
      >
        {readinessText(check)}
      </p>
      <h3 ref={findingsHeading} tabIndex={-1} className="composer-subheading">
        Possible patient identifiers
      </h3>
      <PossibleIdentifiers findings={check.findings} onRedact={redact} onKeep={keep} />
      <h3 className="composer-subheading">Evidence checks</h3>
      <EvidenceChecks
        issues={check.evidence}
        draft={draft}
        settings={settings}
        onFix={save}
        onAskDisclosure={onAskDisclosure}
      />
      <FormFailure message={failure} />
      <RetractionCheck client={client} draft={draft} onChecked={adopt} />
    </section>
  );
}
