import type { DraftDismissal, DraftFinding } from '@shared/contract/share';
import { draftFieldLabel } from '@shared/domain/share/draftFields';
import { useState } from 'react';
import { PHI_TYPE_NAMES } from './composerText';
import { KeepFindingDialog } from './KeepFindingDialog';

export interface PossibleIdentifiersProps {
  findings: readonly DraftFinding[];
  onRedact: (finding: DraftFinding) => void;
  onKeep: (dismissal: DraftDismissal) => Promise<string | null>;
}

/** How a finding reads: "Name “Ann Lee” in Summary". */
export function describeFinding(finding: DraftFinding): string {
  return `${PHI_TYPE_NAMES[finding.type]} “${finding.text}” in ${draftFieldLabel(finding.field)}`;
}

/**
 * The privacy guard's findings as a list, the accessible twin of the marks drawn in the text:
 * each can be redacted in one press or kept with a reason.
 */
export function PossibleIdentifiers({ findings, onRedact, onKeep }: PossibleIdentifiersProps) {
  const [keeping, setKeeping] = useState<DraftFinding | null>(null);
  if (findings.length === 0) {
    return <p className="composer-muted">No possible patient identifiers found.</p>;
  }
  return (
    <>
      <ul className="composer-findings" aria-label="Possible patient identifiers">
        {findings.map((finding) => (
          <li
            key={`${finding.field}:${finding.start}:${finding.type}`}
            className="composer-finding"
          >
            <span className="composer-finding-text">{describeFinding(finding)}</span>
            <span className="composer-row-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => onRedact(finding)}
              >
                Redact “{finding.text}”
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => setKeeping(finding)}
              >
                Keep “{finding.text}”…
              </button>
            </span>
          </li>
        ))}
      </ul>
      {keeping !== null ? (
        <KeepFindingDialog
          finding={keeping}
          description={describeFinding(keeping)}
          onKeep={onKeep}
          onClose={() => setKeeping(null)}
        />
      ) : null}
    </>
  );
}
