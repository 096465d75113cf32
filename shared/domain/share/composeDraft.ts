// The first version of a summary, composed from what the library and the club already hold: the
// paper's details, the highlights (key findings), the appraisal, the bottom line, the vote and the
// notes. Every part is plain text the user then edits; nothing here is sent anywhere.
import type { DraftSource, SummaryDraft } from '@shared/contract/share';
import {
  CEBM_LEVEL_DESCRIPTIONS,
  CEBM_LEVEL_NAMES,
  GRADE_CERTAINTY_NAMES,
} from '@shared/domain/club/appraisal/evidence';
import type { PaperAppraisal } from '@shared/domain/club/appraisal/paperAppraisal';
import { PICO_PART_NAMES, PICO_PARTS } from '@shared/domain/club/appraisal/pico';
import { STUDY_DESIGN_NAMES } from '@shared/domain/club/appraisal/studyDesigns';
import type { PracticeVote } from '@shared/domain/club/session/sessionValues';
import { composeAltText } from './altText';
import { DISCLOSURE_PREFIX } from './checkDraft';
import {
  PREPRINT_LABEL,
  type HandoutField,
  type HandoutHighlight,
  type SummaryPaper,
  type VisualAbstractCard,
} from './summary';

/** The practice-change vote, counted as the session's tally does. */
export type VoteTally = Record<PracticeVote['vote'], number>;

/** Everything a first draft is composed from. */
export interface DraftIngredients {
  source: DraftSource;
  paper: SummaryPaper;
  sessionTitle: string | null;
  club: { clubId: string; name: string; hashtag: string } | null;
  /** The user's or the club's highlights, most useful first: they become the key findings. */
  highlights: HandoutHighlight[];
  appraisal: PaperAppraisal | null;
  bottomLine: string;
  tally: VoteTally | null;
  /** The session's presenter notes and discussion, as plain text. */
  notes: string;
  /** The profile's disclosure, or null while the user has not answered. */
  disclosure: string | null;
}

/** How many highlights become key findings in the post text (all of them go to the handout). */
const KEY_FINDINGS_IN_TEXT = 3;
/** A quoted finding longer than this is shortened at a word boundary. */
const KEY_FINDING_LENGTH = 220;
const NOT_APPRAISED = 'Level of evidence: not yet appraised';

/** "Smith J, Jones K, et al." from the author list (first two, then et al.). */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  const named = authors.slice(0, 2).join(', ');
  return authors.length > 2 ? `${named}, et al.` : named;
}

/** "Smith J, Jones K, et al. N Engl J Med 2026." — without the link. */
export function citationLine(paper: SummaryPaper): string {
  const parts = [
    shortAuthors(paper.authors),
    [paper.journal, paper.year].filter((part) => part !== null && part !== '').join(' '),
  ].filter((part) => part !== '');
  return parts.map((part) => (part.endsWith('.') ? part : `${part}.`)).join(' ');
}

/** The level-of-evidence line a summary must keep: CEBM level and GRADE certainty, as recorded. */
export function levelOfEvidenceLine(appraisal: PaperAppraisal | null): string {
  if (!appraisal?.evidenceLevel && !appraisal?.certainty) return NOT_APPRAISED;
  const pieces: string[] = [];
  if (appraisal.evidenceLevel) {
    pieces.push(`Oxford CEBM ${CEBM_LEVEL_NAMES[appraisal.evidenceLevel.level]}`);
  }
  if (appraisal.certainty) {
    pieces.push(
      `GRADE certainty ${GRADE_CERTAINTY_NAMES[appraisal.certainty.certainty].toLowerCase()}`,
    );
  }
  return `Level of evidence: ${pieces.join(', ')}`;
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > length / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.]+$/u, '')}…`;
}

function voteLine(tally: VoteTally | null, clubName: string | null): string | null {
  if (!tally || tally.yes + tally.no + tally['not-sure'] === 0) return null;
  const who = clubName ?? 'The club';
  return `${who} voted on changing practice: ${tally.yes} yes, ${tally.no} no, ${tally['not-sure']} not sure.`;
}

function hashtagsOf(club: DraftIngredients['club']): string {
  return club?.hashtag.trim() ?? '';
}

/** The summary for colleagues, section by section, paragraphs separated by blank lines. */
export function composeSummaryText(ingredients: DraftIngredients, levelLine: string): string {
  const { paper, highlights, bottomLine, tally, club, disclosure } = ingredients;
  const sections: string[] = [];
  sections.push([paper.title, citationLine(paper), paper.url].filter(Boolean).join('\n'));
  if (paper.preprint) sections.push(PREPRINT_LABEL);
  const findings = highlights
    .slice(0, KEY_FINDINGS_IN_TEXT)
    .map((highlight) => `• ${shorten(highlight.quote, KEY_FINDING_LENGTH)}`);
  if (findings.length > 0) sections.push(['Key findings:', ...findings].join('\n'));
  if (bottomLine.trim() !== '') sections.push(`Bottom line: ${bottomLine.trim()}`);
  sections.push(levelLine);
  const vote = voteLine(tally, club?.name ?? null);
  if (vote) sections.push(vote);
  const hashtags = hashtagsOf(club);
  if (hashtags !== '') sections.push(hashtags);
  if (disclosure !== null) sections.push(`${DISCLOSURE_PREFIX}${disclosure}`);
  return sections.join('\n\n');
}

/** A scaffold for the plain-language version, in the words a patient would use. */
export function composeLaySummary(ingredients: DraftIngredients): string {
  const pico = ingredients.appraisal?.pico;
  const studied = pico?.population
    ? `Researchers studied ${pico.population.trim()}${pico.interventionOrExposure ? ` who had ${pico.interventionOrExposure.trim()}` : ''}.`
    : `Researchers studied: ${ingredients.paper.title}.`;
  const found = ingredients.bottomLine.trim() || 'Write here, in everyday words, what they found.';
  return [
    `What was this study about?\n${studied}`,
    `What did it find?\n${found}`,
    'What does it mean for you?\nWrite here what a patient or carer should take from it, and that they should talk to their own doctor before changing anything.',
  ].join('\n\n');
}

function appraisalFields(appraisal: PaperAppraisal | null, levelLine: string): HandoutField[] {
  if (!appraisal) return [];
  const fields: HandoutField[] = [];
  if (appraisal.design)
    fields.push({ label: 'Design', value: STUDY_DESIGN_NAMES[appraisal.design] });
  for (const part of PICO_PARTS) {
    const value = appraisal.pico[part].trim();
    if (value !== '') fields.push({ label: PICO_PART_NAMES[part], value });
  }
  if (appraisal.evidenceLevel) {
    const { level, reason } = appraisal.evidenceLevel;
    fields.push({
      label: 'Level of evidence',
      value: [`${CEBM_LEVEL_NAMES[level]}: ${CEBM_LEVEL_DESCRIPTIONS[level]}`, reason.trim()]
        .filter(Boolean)
        .join('. '),
    });
  } else if (levelLine === NOT_APPRAISED) {
    fields.push({ label: 'Level of evidence', value: 'Not yet appraised' });
  }
  if (appraisal.certainty) {
    fields.push({
      label: 'GRADE certainty',
      value: GRADE_CERTAINTY_NAMES[appraisal.certainty.certainty],
    });
  }
  return fields;
}

/** The visual abstract's fields, from the appraisal's PICO and the first key finding. */
export function composeCard(ingredients: DraftIngredients, levelLine: string): VisualAbstractCard {
  const { paper, appraisal, highlights, bottomLine, club } = ingredients;
  const pico = appraisal?.pico;
  const question =
    pico?.population && pico.interventionOrExposure
      ? `In ${pico.population.trim()}, does ${pico.interventionOrExposure.trim()}${pico.comparison ? ` compared with ${pico.comparison.trim()}` : ''} change ${pico.outcomes.trim() || 'outcomes'}?`
      : paper.title;
  const citation = [citationLine(paper), paper.doi ? `doi:${paper.doi}` : paper.url]
    .filter(Boolean)
    .join(' ');
  return {
    question: shorten(question, 300),
    population: pico?.population.trim() ?? '',
    intervention: pico?.interventionOrExposure.trim() ?? '',
    comparison: pico?.comparison.trim() ?? '',
    mainResult: highlights[0] ? shorten(highlights[0].quote, 300) : '',
    bottomLine: bottomLine.trim(),
    citation: shorten(citation, 300),
    levelOfEvidence: levelLine.replace(/^Level of evidence: /u, ''),
    club: club?.name ?? null,
    preprintLabel: paper.preprint ? PREPRINT_LABEL : null,
  };
}

/** A new draft, with `id` and the time given (the caller owns both). */
export function composeDraft(ingredients: DraftIngredients, id: string, now: Date): SummaryDraft {
  const levelLine = levelOfEvidenceLine(ingredients.appraisal);
  const card = composeCard(ingredients, levelLine);
  const at = now.toISOString();
  return {
    id,
    source: ingredients.source,
    sessionTitle: ingredients.sessionTitle,
    club: ingredients.club,
    paper: ingredients.paper,
    text: composeSummaryText(ingredients, levelLine),
    levelOfEvidence: levelLine,
    laySummary: composeLaySummary(ingredients),
    contentWarning: '',
    card,
    altText: composeAltText(card),
    handout: {
      highlights: ingredients.highlights,
      appraisal: appraisalFields(ingredients.appraisal, levelLine),
      notes: ingredients.notes,
    },
    dismissals: [],
    preprintLabelRemoved: false,
    notices: [],
    noticesCheckedAt: null,
    noticesAcknowledged: false,
    posted: { bluesky: null, mastodon: null },
    publishedToFeedAt: null,
    feedEntry: null,
    createdAt: at,
    updatedAt: at,
  };
}
