// Person and place names. compromise tags the candidates; the filters here drop the names that
// clinical and scholarly writing is full of without any patient in them: paper authors, eponyms,
// trial sites. A few context rules add the names compromise does not know (many non-English names).
import nlp from 'compromise';
import { EPONYM_NOUNS, EPONYMS } from './eponyms';
import type { Finding, PhiType } from './findings';

const NAME_WORD = String.raw`[A-Z][\p{Ll}'’-]*[\p{Ll}](?:-[A-Z][\p{Ll}]+)?(?![\p{L}])`;
const FULL_NAME = String.raw`${NAME_WORD}(?:\s+(?:O['’])?${NAME_WORD}){0,2}`;

// A citation after the name: "et al.", "and colleagues", "(2021)", "and Jones (2021)".
const AUTHOR_AFTER = new RegExp(
  String.raw`^(?:['’]s)?\s*(?:et\.?\s+al\b|and\s+(?:colleagues|co-?workers|co-?authors)\b|,?\s*\(?\s*(?:19|20)\d{2}[a-z]?\b|(?:and|&)\s+${NAME_WORD}\s*(?:et\.?\s+al\b|,?\s*\(\s*(?:19|20)\d{2}|,\s*(?:19|20)\d{2}))`,
  'u',
);
// The second author in "Smith and Jones (2021)".
const AUTHOR_BEFORE = new RegExp(String.raw`${NAME_WORD}\s+(?:and|&)\s+$`, 'u');

const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse)\.?`;
const RELATIVE = String.raw`(?:wife|husband|partner|son|daughter|brother|sister|mother|father|nephew|niece|aunt|uncle|grandson|granddaughter|neighbour|neighbor|carer|friend|cousin)`;
const CASE_VERB = String.raw`(?:was|is|had|has|presented|reports|reported|called|declined|moved|lost|attended|developed|underwent|died|remains|complained|describes)`;

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}]+/gu) ?? [];
}

/** "Hashimoto thyroiditis", "Kaplan–Meier curves", "Wolff–Parkinson–White syndrome". */
function isEponym(text: string, start: number, end: number): boolean {
  const mention = wordsOf(text.slice(start, end));
  const first = mention.findIndex((word) => EPONYMS.has(word));
  if (first === -1) return false;
  if (/^[–—-]/.test(text.slice(end))) return true;
  // The noun may sit inside the mention ("Addison disease") or up to two words after it, past the
  // rest of a hyphenated chain and a possessive ("Ottawa ankle rules", "Glasgow Coma Scale").
  const rest = text.slice(end).replace(/^(?:[–—-]\s*[\p{L}]+)*(?:['’]s?)?/u, '');
  const following = /^(?:\s+([\p{L}]+))?(?:\s+([\p{L}]+))?/u.exec(rest) ?? [];
  const candidates = [...mention.slice(first + 1), following[1] ?? '', following[2] ?? ''];
  return candidates.some((word) => {
    const lower = word.toLowerCase();
    return EPONYM_NOUNS.has(lower) || (lower.endsWith('s') && EPONYM_NOUNS.has(lower.slice(0, -1)));
  });
}

function isAuthor(text: string, start: number, end: number): boolean {
  return (
    AUTHOR_AFTER.test(text.slice(end)) ||
    AUTHOR_BEFORE.test(text.slice(Math.max(0, start - 40), start))
  );
}

/** Trims what compromise includes around a mention (trailing commas, full stops, brackets). */
function trimmed(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && !/[\p{L}\d]/u.test(text[from] ?? '')) from += 1;
  while (to > from && !/[\p{L}\d]/u.test(text[to - 1] ?? '')) to -= 1;
  return [from, to];
}

function mention(text: string, type: PhiType, start: number, end: number): Finding | null {
  const [from, to] = trimmed(text, start, end);
  return to > from ? { type, start: from, end: to, text: text.slice(from, to) } : null;
}

interface TaggedMention {
  text: string;
  offset: { start: number; length: number };
}

function tagged(view: { out: (format: 'offset') => unknown }): TaggedMention[] {
  return view.out('offset') as TaggedMention[];
}

function contextNames(text: string): Finding[] {
  // No case-insensitive flag: it would let the capitalised name pattern take ordinary words.
  const patterns = [
    new RegExp(String.raw`\b${HONORIFIC}\s+(${FULL_NAME})`, 'gu'),
    new RegExp(
      String.raw`\b(?:[Pp]atient|[Pp]t|[Oo]ur patient|[Cc]ase)\b[:,]?\s+(?:${HONORIFIC}\s+)?(${FULL_NAME})`,
      'gu',
    ),
    new RegExp(
      String.raw`\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he patient['’]s)\s+${RELATIVE},?\s+(${FULL_NAME})`,
      'gu',
    ),
    new RegExp(String.raw`\b(?:and|with)\s+(?:his|her|their)\s+${RELATIVE}\s+(${NAME_WORD})`, 'gu'),
    new RegExp(
      String.raw`(?:^|[.!?]\s+)(${NAME_WORD}\s+${NAME_WORD}(?:\s+${NAME_WORD})?)(?=\s*(?:\(|,\s*(?:aged|\d)|\s${CASE_VERB}\b))`,
      'gu',
    ),
    // An employer names the patient's workplace: Safe Harbor counts it with the person's name.
    /\b(?:[Ee]mployer|employed by|works for|works at)\b:?\s+([A-Z][\w'’]*(?:\s+(?:&|and|of)?\s*[A-Z][\w'’]*)*)/g,
  ];
  const found: Finding[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      const start = match.index + match[0].lastIndexOf(value);
      const candidate = mention(text, 'name', start, start + value.length);
      if (
        candidate &&
        !/^(?:The|A|An|In|On|At|This|That|These|Patient|Participants)\b/.test(candidate.text)
      ) {
        found.push(candidate);
      }
    }
  }
  return found;
}

// A place belongs to a person after words like "lives in" or "from"; "participants in London" and
// "trial sites in Canada" describe a study. States and countries are wider than Safe Harbor asks.
// Either case for the first letter, so a sentence may start with them ("Lives in Ely").
const PERSON_PLACE_VERBS =
  'lives living lived resident residing born moved moving from returned travelled traveled found collapsed admitted'
    .split(' ')
    .map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`)
    .join('|');
const PERSON_PLACE = new RegExp(
  String.raw`\b(?:${PERSON_PLACE_VERBS})\b(?:\s+(?:alone|here|to|of|in|at|back|hypothermic|unconscious|on\s+the\s+floor))*\s+(?:in|from|of|to|at)?\s*(${FULL_NAME})`,
  'gu',
);
// "born on 9 March 1958 in Kumasi": the date between the verb and the place.
const BIRTHPLACE = new RegExp(String.raw`\bborn\b[^.;\n]{0,30}?\bin\s+(${FULL_NAME})`, 'gu');
// A state abbreviation counts only with its ZIP after it: "ID" and "IN" are ordinary words too.
const PLACE_BEFORE_ADDRESS_PART = new RegExp(
  String.raw`(${FULL_NAME}),?\s+(?=(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+\d{5}\b|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)`,
  'gu',
);
const NOT_TOWNS = new Set(
  'United States America Canada Germany France Spain Italy England Scotland Wales Ireland Britain UK US USA Europe Africa Asia Australia India China Japan Dr Mr Mrs Ms The'.split(
    ' ',
  ),
);
const STUDY_WORDS =
  /\b(?:participants|patients were|trial|trials|cohort|enrolled|recruited|sites?|centres?|centers?|countries|study|registry|guideline|hospitals)\b/i;

function placeNames(text: string, streetEnds: readonly number[]): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, end: number) => {
    const candidate = mention(text, 'town', start, end);
    if (!candidate || wordsOf(candidate.text).some((word) => NOT_TOWNS.has(word))) return;
    if (isEponym(text, candidate.start, candidate.end)) return;
    found.push(candidate);
  };
  for (const match of text.matchAll(PERSON_PLACE)) {
    const value = match[1] ?? '';
    const start = match.index + match[0].lastIndexOf(value);
    add(start, start + value.length);
  }
  for (const match of text.matchAll(BIRTHPLACE)) {
    const value = match[1] ?? '';
    const start = match.index + match[0].lastIndexOf(value);
    add(start, start + value.length);
  }
  for (const match of text.matchAll(PLACE_BEFORE_ADDRESS_PART)) {
    add(match.index, match.index + (match[1] ?? '').length);
  }
  // The town after a street address: "14 Elm Grove, Harrogate".
  for (const end of streetEnds) {
    const match = new RegExp(String.raw`^,\s+(${FULL_NAME})`, 'u').exec(text.slice(end));
    if (match) {
      const start = end + match[0].length - (match[1] ?? '').length;
      add(start, start + (match[1] ?? '').length);
    }
  }
  return found;
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start), text.lastIndexOf('\n', start)) + 1;
  const stop = text.slice(end).search(/[.\n]/);
  return text.slice(from, stop === -1 ? text.length : end + stop);
}

/** Names of people and places; `streetEnds` are where street addresses found earlier end. */
export function findNames(text: string, streetEnds: readonly number[] = []): Finding[] {
  const document = nlp(text);
  const found: Finding[] = [];
  for (const person of tagged(document.people())) {
    const candidate = mention(
      text,
      'name',
      person.offset.start,
      person.offset.start + person.offset.length,
    );
    // Lower-case words are not names here, and all-capital words are acronyms (ARIA, SPRINT).
    if (!candidate || !/\p{Lu}/u.test(candidate.text) || !/\p{Ll}/u.test(candidate.text)) continue;
    if (
      isAuthor(text, candidate.start, candidate.end) ||
      isEponym(text, candidate.start, candidate.end)
    )
      continue;
    found.push(candidate);
  }
  for (const candidate of contextNames(text)) {
    if (
      isAuthor(text, candidate.start, candidate.end) ||
      isEponym(text, candidate.start, candidate.end)
    )
      continue;
    found.push(candidate);
  }
  for (const place of tagged(document.places())) {
    const candidate = mention(
      text,
      'town',
      place.offset.start,
      place.offset.start + place.offset.length,
    );
    if (!candidate || wordsOf(candidate.text).some((word) => NOT_TOWNS.has(word))) continue;
    if (isEponym(text, candidate.start, candidate.end)) continue;
    if (STUDY_WORDS.test(sentenceAround(text, candidate.start, candidate.end))) continue;
    found.push(candidate);
  }
  return [...found, ...placeNames(text, streetEnds)];
}
