// The two guards over a whole draft: what the privacy guard still finds that the user neither
// redacted nor kept, and what the evidence guard requires (the preprint label, the source link,
// the level of evidence, the disclosure, acknowledged retractions). The window runs it live as the
// user types and the backend runs it again before anything leaves, so both agree by construction.
import type {
  DraftDismissal,
  DraftFinding,
  EvidenceIssue,
  ShareCheck,
  ShareSettings,
  SummaryDraft,
} from '@shared/contract/share';
import type { Finding } from '@shared/domain/guard/findings';
import { scanForPhi } from '@shared/domain/guard/scanForPhi';
import { draftFieldLabel, draftTextParts } from './draftFields';
import { PREPRINT_LABEL } from './summary';

/** The editorial notices that stop sharing until the user acknowledges them. */
const BLOCKING_NOTICE_NAMES: Readonly<Record<string, string>> = {
  retracted: 'retracted',
  withdrawn: 'withdrawn',
  corrected: 'corrected',
  'expression-of-concern': 'the subject of an expression of concern',
};

/** The line every summary's disclosure is written on. */
export const DISCLOSURE_PREFIX = 'Disclosure: ';

/**
 * True when the user kept this finding: a dismissal for the same field, type and text. Offsets are
 * left out on purpose, so typing earlier in the field does not bring a kept finding back.
 */
export function isDismissed(
  finding: Finding,
  field: DraftDismissal['field'],
  dismissals: readonly DraftDismissal[],
): boolean {
  return dismissals.some(
    (dismissal) =>
      dismissal.field === field &&
      dismissal.finding.type === finding.type &&
      dismissal.finding.text === finding.text,
  );
}

/**
 * True for the paper's own link (its DOI's resolver address or the publisher's page), which the
 * evidence guard requires in every summary: a web address, but the paper's, not a patient's.
 */
function isPaperLink(finding: Finding, draft: SummaryDraft): boolean {
  if (finding.type !== 'url') return false;
  const link = finding.text.replace(/[.,;:)\]]+$/u, '');
  return (
    link === draft.paper.url ||
    (draft.paper.doi !== null && link.toLowerCase().endsWith(draft.paper.doi))
  );
}

/** The findings in every part of the draft that the user neither redacted nor kept. */
export function openFindings(
  draft: SummaryDraft,
  scan: (text: string) => Finding[] = scanForPhi,
): DraftFinding[] {
  const found: DraftFinding[] = [];
  for (const part of draftTextParts(draft)) {
    if (part.text.trim() === '') continue;
    for (const finding of scan(part.text)) {
      if (isPaperLink(finding, draft)) continue;
      if (!isDismissed(finding, part.field, draft.dismissals)) {
        found.push({ ...finding, field: part.field });
      }
    }
  }
  return found;
}

/** What the evidence guard requires that the draft lacks. */
export function evidenceIssues(
  draft: SummaryDraft,
  settings: Pick<ShareSettings, 'disclosure'>,
): EvidenceIssue[] {
  const issues: EvidenceIssue[] = [];
  if (draft.paper.preprint && !draft.preprintLabelRemoved && !draft.text.includes(PREPRINT_LABEL)) {
    issues.push({
      kind: 'preprint-label',
      message: `This paper is a ${draft.paper.preprint} preprint: the summary must say “${PREPRINT_LABEL}” (or confirm removing it).`,
    });
  }
  if (draft.paper.url && !draft.text.includes(draft.paper.url)) {
    issues.push({
      kind: 'source-link',
      message: `The summary must link to the paper (${draft.paper.url}).`,
    });
  }
  if (draft.levelOfEvidence.trim() === '' || !draft.text.includes(draft.levelOfEvidence.trim())) {
    issues.push({
      kind: 'level-of-evidence',
      message: 'The summary must state the level of evidence.',
    });
  }
  if (settings.disclosure === null) {
    issues.push({
      kind: 'disclosure-unanswered',
      message:
        'Say whether you have any conflicts of interest; Rounds asks once and adds it to every summary.',
    });
  } else if (!draft.text.includes(`${DISCLOSURE_PREFIX}${settings.disclosure}`)) {
    issues.push({
      kind: 'disclosure-missing',
      message: `The summary must end with your disclosure (“${DISCLOSURE_PREFIX}${settings.disclosure}”).`,
    });
  }
  const blocking = draft.notices.filter((notice) => notice.kind in BLOCKING_NOTICE_NAMES);
  if (blocking.length > 0 && !draft.noticesAcknowledged) {
    const kinds = [...new Set(blocking.map((notice) => BLOCKING_NOTICE_NAMES[notice.kind]))];
    issues.push({
      kind: 'editorial-notice',
      message: `This paper has been ${kinds.join(' and ')}. Acknowledge it before sharing, and say so in the summary.`,
    });
  }
  return issues;
}

/** Both guards' verdict on the draft. */
export function checkDraft(
  draft: SummaryDraft,
  settings: Pick<ShareSettings, 'disclosure'>,
  scan: (text: string) => Finding[] = scanForPhi,
): ShareCheck {
  const findings = openFindings(draft, scan);
  const evidence = evidenceIssues(draft, settings);
  return { findings, evidence, ready: findings.length === 0 && evidence.length === 0 };
}

const MAX_FINDINGS_NAMED = 3;

/** The sentence an export answers with when the guards stop it. */
export function blockedMessage(check: ShareCheck): string {
  const parts: string[] = [];
  if (check.findings.length > 0) {
    const named = check.findings
      .slice(0, MAX_FINDINGS_NAMED)
      .map((finding) => `“${finding.text}” in ${draftFieldLabel(finding.field).toLowerCase()}`);
    const more = check.findings.length - named.length;
    const count = check.findings.length;
    parts.push(
      `${count} possible patient identifier${count === 1 ? '' : 's'} to redact or keep with a reason (${named.join(', ')}${more > 0 ? `, and ${more} more` : ''})`,
    );
  }
  for (const issue of check.evidence) parts.push(issue.message.replace(/\.$/u, ''));
  return `Not shared: ${parts.join('; ')}.`;
}
