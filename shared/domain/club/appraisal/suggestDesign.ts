import type { StudyDesign } from './studyDesigns';

/** What suggested a design: the words as the paper wrote them, and where. */
export interface DesignSuggestion {
  design: StudyDesign;
  phrase: string;
  foundIn: 'title' | 'abstract';
}

interface DesignCue {
  design: StudyDesign;
  pattern: RegExp;
}

// "non-randomised", "quasi-randomised", "not randomised" and "Mendelian randomisation" are not
// randomised trials ("nonrandomised" fails the word boundary on its own).
const NOT_NEGATED = String.raw`(?<!\b(?:non|quasi|not|mendelian)[\s-])`;

function randomised(rest: string): RegExp {
  return new RegExp(String.raw`${NOT_NEGATED}\brandomi[sz]${rest}`, 'i');
}

/**
 * Cues in order of precedence: the first that matches decides, so a design that contains the
 * words of another comes first. A meta-analysis of randomised trials is a review; a trial
 * emulated in registry data is a cohort; a trial run "in a cohort of…" is a trial; a case-control
 * study nested in a cohort is a case-control study. Weak cues (a survey, interviews) come last.
 */
const CUES: readonly DesignCue[] = [
  { design: 'systematic-review', pattern: /\bsystematic(?:ally)?\s+review(?:s|ed)?\b/i },
  { design: 'systematic-review', pattern: /\bmeta-?\s?analy(?:sis|ses|sed|zed|tic)\b/i },
  { design: 'systematic-review', pattern: /\bumbrella\s+review\b/i },
  {
    design: 'cohort',
    pattern:
      /\bemulat(?:e|ed|es|ing|ion)\s+(?:of\s+)?(?:a\s+)?(?:target|randomi[sz]ed)\s+trials?\b|\btarget[\s-]trial\s+emulation\b/i,
  },
  { design: 'diagnostic-accuracy', pattern: /\bsensitivity\s+and\s+specificity\b/i },
  { design: 'diagnostic-accuracy', pattern: /\bspecificity\s+and\s+sensitivity\b/i },
  { design: 'diagnostic-accuracy', pattern: /\bdiagnostic\s+(?:test\s+)?accuracy\b/i },
  { design: 'diagnostic-accuracy', pattern: /\b(?:positive|negative)\s+predictive\s+values?\b/i },
  { design: 'diagnostic-accuracy', pattern: /\blikelihood\s+ratios?\b(?!\s+tests?\b)/i },
  { design: 'diagnostic-accuracy', pattern: /\bindex\s+tests?\b/i },
  {
    design: 'qualitative',
    pattern:
      /\bqualitative\s+(?:study|studies|research|design|approach|methods?|inquiry|interviews?|analysis|descriptive)\b/i,
  },
  { design: 'qualitative', pattern: /\bthematic(?:ally)?\s+analy[sz](?:is|ed)\b/i },
  { design: 'qualitative', pattern: /\bgrounded\s+theory\b/i },
  { design: 'qualitative', pattern: /\bfocus\s+groups?\b/i },
  { design: 'qualitative', pattern: /\b(?:semi-?structured|in-depth)\s+interviews?\b/i },
  { design: 'qualitative', pattern: /\b(?:phenomenolog|ethnograph)\w*/i },
  { design: 'randomised-trial', pattern: /\brandomly\s+(?:assigned|allocated)\b/i },
  {
    design: 'randomised-trial',
    pattern: randomised(String.raw`ed(?:[\s,-]+[a-z-]+){0,3}?[\s-]+trials?\b`),
  },
  { design: 'randomised-trial', pattern: randomised(String.raw`ed\s+(?:to\b|\d:\d|in\s+a\b)`) },
  { design: 'randomised-trial', pattern: randomised(String.raw`ation\b`) },
  // Upper case only: "rct" in running text is more likely a typo than a design.
  { design: 'randomised-trial', pattern: /\bRCTs?\b/ },
  { design: 'case-control', pattern: /\bcase[\s-]+(?:control|referent)\b/i },
  { design: 'cross-sectional', pattern: /\bcross[\s-]+sectional\b/i },
  { design: 'cohort', pattern: /\bcohorts?\b/i },
  { design: 'cohort', pattern: /\blongitudinal\s+(?:study|analysis|follow-?up)\b/i },
  { design: 'cross-sectional', pattern: /\b(?:surveys?|questionnaires?|prevalence)\b/i },
  { design: 'qualitative', pattern: /\binterview(?:s|ed)?\b/i },
];

/** Markup removed and white space made single, so a phrase split across lines still matches. */
function plain(text: string | null): string {
  return (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function suggestFrom(text: string, foundIn: DesignSuggestion['foundIn']): DesignSuggestion | null {
  if (text === '') return null;
  for (const cue of CUES) {
    const match = cue.pattern.exec(text);
    if (match) return { design: cue.design, phrase: match[0], foundIn };
  }
  return null;
}

/**
 * The design a paper's wording suggests, with the phrase that suggested it, or null when nothing
 * does. The title is read first, because authors name their design there ("…: a randomised
 * trial") while an abstract also mentions other designs in passing. This is a suggestion for the
 * presenter to confirm, never a decision.
 */
export function suggestDesign(paper: {
  title: string | null;
  abstract: string | null;
}): DesignSuggestion | null {
  return suggestFrom(plain(paper.title), 'title') ?? suggestFrom(plain(paper.abstract), 'abstract');
}
