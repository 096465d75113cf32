import type {
  DraftChanges,
  EvidenceIssue,
  ShareSettings,
  SummaryDraft,
} from '@shared/contract/share';
import { fail, ok } from '@shared/contract/define';
import { useState } from 'react';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import {
  withDisclosure,
  withLevelOfEvidence,
  withPreprintLabel,
  withSourceLink,
} from './evidenceFixes';

export interface EvidenceChecksProps {
  issues: readonly EvidenceIssue[];
  draft: SummaryDraft;
  settings: ShareSettings;
  /** Applies a fix and saves it; resolves with the refusal's message, or null once saved. */
  onFix: (changes: DraftChanges) => Promise<string | null>;
  onAskDisclosure: () => void;
}

/** The evidence guard's issues, each with the button that fixes it where one press can. */
export function EvidenceChecks({
  issues,
  draft,
  settings,
  onFix,
  onAskDisclosure,
}: EvidenceChecksProps) {
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  if (issues.length === 0) {
    return <p className="composer-muted">The evidence checks all pass.</p>;
  }
  const fixButton = (label: string, changes: DraftChanges) => (
    <button type="button" className="button button-small" onClick={() => void onFix(changes)}>
      {label}
    </button>
  );
  const fixesFor = (issue: EvidenceIssue) => {
    switch (issue.kind) {
      case 'preprint-label':
        return (
          <>
            {fixButton('Put the label back', { text: withPreprintLabel(draft.text) })}
            <button
              type="button"
              className="button button-small"
              onClick={() => setConfirmingRemoval(true)}
            >
              Remove the label…
            </button>
          </>
        );
      case 'source-link':
        return draft.paper.url !== null
          ? fixButton('Add the link', { text: withSourceLink(draft.text, draft.paper.url) })
          : null;
      case 'level-of-evidence':
        return draft.levelOfEvidence.trim() !== ''
          ? fixButton('Add the level of evidence', {
              text: withLevelOfEvidence(draft.text, draft.levelOfEvidence),
            })
          : null;
      case 'disclosure-unanswered':
        return (
          <button type="button" className="button button-small" onClick={onAskDisclosure}>
            Answer…
          </button>
        );
      case 'disclosure-missing':
        return settings.disclosure !== null
          ? fixButton('Add my disclosure', {
              text: withDisclosure(draft.text, settings.disclosure),
            })
          : null;
      case 'editorial-notice':
        return fixButton('Acknowledge', { noticesAcknowledged: true });
    }
  };
  return (
    <>
      <ul className="composer-findings" aria-label="Evidence checks">
        {issues.map((issue) => (
          <li key={issue.kind} className="composer-finding">
            <span className="composer-finding-text">{issue.message}</span>
            <span className="composer-row-actions">{fixesFor(issue)}</span>
          </li>
        ))}
      </ul>
      {confirmingRemoval ? (
        <ConfirmDialog
          title="Remove the preprint label?"
          explanation="The paper has not been peer reviewed. Without the label, readers of the posts, the card, the handout and the feed will not be told so."
          confirmLabel="Remove the label"
          workingLabel="Removing…"
          onConfirm={async () => {
            const message = await onFix({ preprintLabelRemoved: true });
            return message === null ? ok(null) : fail('not-saved', message);
          }}
          onConfirmed={() => setConfirmingRemoval(false)}
          onClose={() => setConfirmingRemoval(false)}
        />
      ) : null}
    </>
  );
}
