// Ages over 89 and dates finer than a year. Both are common in case notes and in papers, so the
// detectors look at how the number is written (an age phrasing, a date shape) and, for the looser
// shapes, at the sentence around it: a month and year in a sentence about a trial's recruitment or
// a guideline's publication describes no one, the same words beside "she" or "admitted" do.
import type { Finding } from './findings';

function finding(text: string, start: number, end: number, type: Finding['type']): Finding {
  return { type, start, end, text: text.slice(start, end) };
}

/** Every match of `pattern`, reporting capture group 1 when it matched, else the whole match. */
function spans(
  text: string,
  pattern: RegExp,
  type: Finding['type'],
  accept: (match: RegExpExecArray) => boolean = () => true,
): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    if (!accept(match)) continue;
    const value = match[1] ?? match[0];
    const start = match.index + (match[1] === undefined ? 0 : match[0].lastIndexOf(value));
    found.push(finding(text, start, start + value.length, type));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Ages over 89

const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEEN_WORDS =
  'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const ORDINAL_UNITS = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth';
// 90 to 119 in digits or words; older ages are not plausible and larger numbers are doses.
const OLD_AGE_DIGITS = String.raw`(?:9\d|1[01]\d)`;
const OLD_AGE_WORDS = String.raw`(?:ninety(?:[- ]?(?:${UNIT_WORDS}))?|(?:(?:one|a)[- ])?hundred(?:[- ](?:and[- ])?(?:${UNIT_WORDS}|${TEEN_WORDS}))?)`;
const OLD_AGE = String.raw`(?:${OLD_AGE_DIGITS}|${OLD_AGE_WORDS})`;
const OLD_AGE_ORDINAL = String.raw`(?:${OLD_AGE_DIGITS}(?:st|nd|rd|th)|ninetieth|ninety[- ](?:${ORDINAL_UNITS})|hundredth|hundred[- ](?:and[- ])?(?:${ORDINAL_UNITS}))`;
// What may follow a number that is not an age in years: units, percentages, days of a neonate's
// life, and ranges ("aged 90 to 104"), which describe a population rather than a person.
const NOT_AN_AGE = String.raw`(?!\s*(?:%|°|degrees|mg|mcg|µg|g\b|kg|mmol|mL|ml|L\b|bpm|mmHg|\/|\.\d|per\b|percent|cm|mm\b|patients|participants|days?|weeks?|wks?|months?|hours?|minutes?|(?:to|or|and|-|–)\s*(?:\d|over|older|above|more|plus)|\+))`;
const YEARS_OLD = String.raw`(?:[- ]?years?[- ]?old|[- ]?yrs?[- ]?old|[- ]?y(?:[-/.]\s?|\s)?o\b\.?|\s+years\s+of\s+age)`;
const PERSON_NOUNS =
  'man|woman|lady|gentleman|gent|male|female|patient|widow|widower|grandmother|grandfather|veteran';

// Checks on the words before a match are done in code rather than in look-behinds, which the
// regular expression engine would otherwise try at every character of a long note.
const STUDY_AVERAGE_BEFORE = /\b(?:mean|median|average)\s+$/i;
const TEMPERATURE_BEFORE = /\b(?:[Tt]emp\w*|T)[:\s]*$/;

const AGE_PATTERNS: { pattern: RegExp; wordsBefore?: RegExp }[] = [
  // "93-year-old", "ninety two year old", "92 y/o", "94 y.o.", "93yo", "91 years of age".
  { pattern: new RegExp(String.raw`\b(${OLD_AGE}${YEARS_OLD})(?![a-z])`, 'gi') },
  // "aged 93", "age: 91", "at the age of 99"; not a study's mean or median age.
  {
    pattern: new RegExp(String.raw`\b(?:aged?:?|age\s+of)\s*(${OLD_AGE})\b${NOT_AN_AGE}`, 'gi'),
    wordsBefore: STUDY_AVERAGE_BEFORE,
  },
  // "she is 94", "who will be 95".
  {
    pattern: new RegExp(
      String.raw`\b(?:s?he|patient|pt|who|they|I)\s+(?:is|was|is now|was now|will be|would have been|turned|turns|has turned|had turned|had just turned|just turned|['’]s)\s+(${OLD_AGE})\b${NOT_AN_AGE}`,
      'gi',
    ),
  },
  {
    pattern: new RegExp(String.raw`\b(?:turned|turns|turning)\s+(${OLD_AGE})\b${NOT_AN_AGE}`, 'gi'),
  },
  // "a man of 96", "a lady of ninety-seven".
  {
    pattern: new RegExp(String.raw`\b(?:${PERSON_NOUNS})\s+of\s+(${OLD_AGE})\b${NOT_AN_AGE}`, 'gi'),
  },
  // "her 100th birthday", "his ninety-fifth birthday".
  { pattern: new RegExp(String.raw`\b(${OLD_AGE_ORDINAL})\s+birthday`, 'gi') },
  // "Mrs Eileen Doherty, 101, lives alone" and "Mr Arthur Penhaligon (97)".
  { pattern: new RegExp(String.raw`\b[A-Z][a-z]+,\s*(${OLD_AGE_DIGITS}),`, 'g') },
  {
    pattern: new RegExp(
      String.raw`\b(?:Mr|Mrs|Ms|Miss|Mx|[Pp]atient|[Pp]t)\.?(?:\s+[A-Z][\p{L}'’-]+){1,3}\s*\((${OLD_AGE_DIGITS})\)`,
      'gu',
    ),
  },
  // "92F with AF", "94 M, known COPD": US shorthand, never after a temperature.
  {
    pattern: new RegExp(
      String.raw`\b(${OLD_AGE_DIGITS}\s?[MF])\b(?=\s*(?:,|with\b|presents|presenting|presented|admitted|known|pmh|hx|who\b|s\/p|c\/o))`,
      'g',
    ),
    wordsBefore: TEMPERATURE_BEFORE,
  },
];

/** Ages of 90 to 119 in the phrasings case notes use, in digits or in words. */
export function findOldAges(text: string): Finding[] {
  return AGE_PATTERNS.flatMap(({ pattern, wordsBefore }) =>
    spans(
      text,
      pattern,
      'age-over-89',
      (match) =>
        !wordsBefore || !wordsBefore.test(text.slice(Math.max(0, match.index - 12), match.index)),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)`;
const MONTH = String.raw`${MONTH_NAMES}\.?`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d{2}|20\d{2})`;
const MONTH_NUMBER = String.raw`(?:0?[1-9]|1[0-2])`;
const DAY_NUMBER = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const DAY_MONTH = String.raw`(?:${WEEKDAY},?\s+)?(?:the\s+)?${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+${YEAR})?`;
const MONTH_DAY = String.raw`(?:${WEEKDAY},?\s+)?${MONTH}\s+${DAY}(?:,?\s+${YEAR})?`;
// "3-Jun-24", "05-MAR-2024": the laboratory and pharmacy style.
const HYPHENATED = String.raw`${DAY_NUMBER}-${MONTH_NAMES}-(?:${YEAR}|\d{2})`;
const NUMERIC_DATE = String.raw`(?:${YEAR}[-/.]${MONTH_NUMBER}[-/.]${DAY_NUMBER}|${DAY_NUMBER}[/.-]${MONTH_NUMBER}[/.-](?:${YEAR}|\d{2})|${MONTH_NUMBER}/${DAY_NUMBER}/(?:${YEAR}|\d{2}))`;
const HOLIDAY = String.raw`(?:(?:Christmas Day|Christmas Eve|Boxing Day|New Year['’]s Day|New Year['’]s Eve|Easter (?:Sunday|Monday)|Thanksgiving Day)(?:\s+${YEAR})?|(?:Christmas|Easter|Thanksgiving|Diwali|Eid|Hanukkah|Ramadan)\s+${YEAR})`;
// Month and year: "April 2019", "Sept. 2021", "June, 2018", "March of 2016", "Apr '19".
const MONTH_YEAR = String.raw`${MONTH}(?:,?\s+(?:of\s+)?${YEAR}|\s*['’]\d{2}\b)`;
const NUMERIC_MONTH_YEAR = String.raw`(?:(?<![\d/.-])${MONTH_NUMBER}/${YEAR}(?![\d/])|(?<![\d/.-])${YEAR}-(?:0[1-9]|1[0-2])(?![\d-]|\.\d))`;

// Words that make a sentence about research, publishing or regulation rather than about a person.
const PUBLIC_SENTENCE =
  /\b(?:enrol+(?:ed|ment|ing)?|recruit(?:ed|ment|ing)?|randomi[sz](?:ed|ation)|participants|subjects|trials|(?:the|this|a|our|that) trial|trial (?:sites?|period|participants)|cohort|registry|(?:were|was) (?:included|enrolled|recruited|screened|studied|eligible)|inclusion|eligible|data cut-?off|study period|(?:the|this|our|that) study|published|publication|epub|e-pub|accessed|retrieved|searched|databases?|inception|guidelines?|updated|approved|approval|licen[sc]ed|FDA|EMA|MHRA|NICE|journal|preprint|press release|conference|congress|symposium|webinar|issue|edition|volume|version|released|launched|announced|pandemic|lockdown|outbreak)\b/i;
// A person in the sentence: a pronoun, a title, a relative or a single patient.
const PERSON_IN_SENTENCE =
  /\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Hh]ers|(?<!(?:[Pp]hase|[Tt]ype|[Gg]rade|[Cc]lass|[Ss]tage|[Ll]evel)\s)I|[Mm]y|[Mm]e|[Mm]um|[Dd]ad|Mr|Mrs|Ms|Miss|Mx|[Pp]atient(?!s)|[Pp]t|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Bb]aby)\b/;
// Events of care, for the number-only month–year shapes that need more than the absence of a study.
const CARE_IN_SENTENCE =
  /\b(?:admi(?:tted|ssion)|discharged?|seen|reviewed|diagnos\w*|surgery|operat\w*|stroke|biopsy|scan\w*|procedure|started|stopped|presented|born|died|death|fell|fall|fracture\w*|transplant\w*|delivered|delivery|seizure|stent\w*|clinic|appointment|visit|referr\w*|follow-up|treated|implanted|vaccinated|infarct\w*|MI|CABG|PCI)\b/i;

/** The sentence holding [start, end): split at line breaks, semicolons and full stops before a capital. */
function sentenceAround(text: string, start: number, end: number): string {
  const boundary = /[.!?]\s+(?=[A-Z])|[\n;]/g;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(boundary)) {
    const stop = match.index + match[0].length;
    if (stop <= start) from = stop;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  return text.slice(from, to);
}

function describesNoOne(text: string, date: Finding): boolean {
  const sentence = sentenceAround(text, date.start, date.end);
  return PUBLIC_SENTENCE.test(sentence) && !PERSON_IN_SENTENCE.test(sentence);
}

function tiedToCare(text: string, date: Finding): boolean {
  const sentence = sentenceAround(text, date.start, date.end);
  return PERSON_IN_SENTENCE.test(sentence) || CARE_IN_SENTENCE.test(sentence);
}

/** Dates finer than a year, except those in sentences about research or publishing alone. */
export function findDates(text: string): Finding[] {
  const found = [
    ...spans(
      text,
      new RegExp(String.raw`(?<![\w/.-])(?:${NUMERIC_DATE}|${HYPHENATED})(?![\w/]|[.-]\d)`, 'g'),
      'date',
    ),
    ...spans(
      text,
      new RegExp(String.raw`\b(?:${DAY_MONTH}|${MONTH_DAY}|${HOLIDAY})\b`, 'g'),
      'date',
      (match) =>
        // "may 5 patients" is not a date, and "2023 Apr 6" is a citation's issue date.
        !/^May\s+\d+\s+(?:patients|participants|people)/.test(match[0]) &&
        !/\b(?:19|20)\d{2}\s+$/.test(text.slice(Math.max(0, match.index - 6), match.index)),
    ),
    ...spans(
      text,
      new RegExp(`\\b${MONTH_YEAR}`, 'g'),
      'date',
      (match) =>
        !/\b(?:19|20)\d{2}\s+$/.test(text.slice(Math.max(0, match.index - 6), match.index)),
    ),
    ...spans(text, new RegExp(NUMERIC_MONTH_YEAR, 'g'), 'date').filter((date) =>
      tiedToCare(text, date),
    ),
    ...spans(text, /\bon the (\d{1,2}(?:st|nd|rd|th))\b/g, 'date'),
    ...spans(text, new RegExp(`\\b(?:last|this|next)\\s+${WEEKDAY}(?![a-z])`, 'g'), 'date'),
  ];
  return found.filter((date) => !describesNoOne(text, date));
}
