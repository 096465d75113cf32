// The free text of an annotation export and of a session bundle, part by part, named as the user
// would find it to edit it. Only what someone typed is scanned: quotes, notes, tags, reasons, the
// discussion, the presenter's notes, the bottom line and actions. Member names, the roster and
// papers' titles, authors and journals are left out: clinicians and published authors are not
// patients, and flagging them on every export would teach users to wave the guard through.
import type { SessionView } from '@shared/contract/club';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { CHECKLISTS } from '@shared/domain/club/appraisal/checklists';
import { PICO_PART_NAMES, PICO_PARTS } from '@shared/domain/club/appraisal/pico';
import {
  excerptOf,
  findingsToResolve,
  type ExportFinding,
  type GuardedPart,
  type KeptFinding,
} from './exportGuard';
import type { Finding } from './findings';
import { scanForPhi } from './scanForPhi';

/** The highlights and notes of each paper as an annotation export carries them. */
export function annotationExportParts(
  papers: readonly { title: string; annotations: readonly Annotation[] }[],
): GuardedPart[] {
  const parts: GuardedPart[] = [];
  for (const { title, annotations } of papers) {
    for (const annotation of annotations) {
      const quote = annotation.selectors.quote.exact;
      const on = `“${excerptOf(quote)}”`;
      parts.push({ where: `Your highlight in “${excerptOf(title, 40)}”`, text: quote });
      parts.push({ where: `Your note on ${on}`, text: annotation.note });
      if (annotation.tags.length > 0) {
        parts.push({ where: `Your tags on ${on}`, text: annotation.tags.join(', ') });
      }
    }
  }
  return parts;
}

const QUESTION_TEXT: ReadonlyMap<string, string> = new Map(
  Object.values(CHECKLISTS).flatMap((questions) =>
    questions.map((question) => [question.id, question.text] as const),
  ),
);

/** Everything typed into a session that its bundle carries (and its live sync shares). */
export function sessionExportParts(view: SessionView): GuardedPart[] {
  const parts: GuardedPart[] = [
    { where: 'Presenter’s notes', text: view.presenterNotes },
    { where: 'Discussion', text: view.discussionText },
    { where: 'Bottom line', text: view.bottomLine },
  ];
  const titles = new Map(view.papers.map((paper) => [paper.paperId, excerptOf(paper.title, 40)]));
  for (const paper of view.papers) {
    const of = `“${titles.get(paper.paperId) ?? ''}”`;
    for (const part of PICO_PARTS) {
      parts.push({ where: `${PICO_PART_NAMES[part]} of ${of}`, text: paper.appraisal.pico[part] });
    }
    const { evidenceLevel, certainty } = paper.appraisal;
    if (evidenceLevel) {
      parts.push({ where: `Level of evidence of ${of}`, text: evidenceLevel.reason });
    }
    if (certainty) parts.push({ where: `GRADE certainty of ${of}`, text: certainty.reason });
  }
  for (const member of view.members) {
    const whose = member.isMe ? 'Your' : `${member.name}’s`;
    for (const byQuestion of Object.values(member.answers)) {
      for (const [questionId, answer] of Object.entries(byQuestion)) {
        const question = QUESTION_TEXT.get(questionId);
        parts.push({
          where: question ? `${whose} answer to “${question}”` : `${whose} checklist answer`,
          text: answer.reason,
        });
      }
    }
    if (member.vote) parts.push({ where: `${whose} vote`, text: member.vote.reason });
    for (const highlight of member.highlights) {
      parts.push({
        where: `${whose} highlight in “${titles.get(highlight.paperId) ?? 'a paper'}”`,
        text: highlight.quote,
      });
      parts.push({
        where: `${whose} note on “${excerptOf(highlight.quote)}”`,
        text: highlight.note,
      });
    }
  }
  for (const action of view.actions) {
    parts.push({ where: `Action “${excerptOf(action.item.text)}”`, text: action.item.text });
  }
  return parts;
}

const TITLE = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sister|nurse)\.?\s+/iu;
const POSSESSIVE = /['’]s$/u;

/**
 * `scan` without the name findings that are one of `names` (a club member: a clinician, not a
 * patient), whole or one word of it, with or without a title ("Dr Okafor", "Ben's").
 */
export function scanIgnoringNames(
  names: readonly string[],
  scan: (text: string) => Finding[] = scanForPhi,
): (text: string) => Finding[] {
  const fold = (text: string) => text.replace(/\s+/gu, ' ').trim().toLocaleLowerCase();
  const known = new Set<string>();
  for (const name of names) {
    known.add(fold(name));
    for (const word of fold(name).split(' ')) if (word.length > 1) known.add(word);
  }
  return (text) =>
    scan(text).filter(
      (finding) =>
        finding.type !== 'name' ||
        !known.has(fold(finding.text).replace(TITLE, '').replace(POSSESSIVE, '')),
    );
}

/**
 * The findings a session's bundle would carry that the user has not kept: its typed text
 * scanned, members' own names mentioned in it let through.
 */
export function sessionFindingsToResolve(
  view: SessionView,
  kept: readonly KeptFinding[],
  scan: (text: string) => Finding[] = scanForPhi,
): ExportFinding[] {
  const names = view.members.map((member) => member.name);
  return findingsToResolve(sessionExportParts(view), kept, scanIgnoringNames(names, scan));
}
