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
function eitherCase(words: string): string {
  return words
    .split(' ')
    .map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`)
    .join('|');
}
const PERSON_PLACE_VERBS = eitherCase(
  'lives living lived resident residing born moved moving from returned travelled traveled found collapsed admitted transferred',
);
const PERSON_PLACE = new RegExp(
  String.raw`\b(?:${PERSON_PLACE_VERBS})\b(?:\s+(?:alone|here|to|of|in|at|back|hypothermic|unconscious|on\s+the\s+floor))*\s+(?:in|from|of|to|at)?\s*(${FULL_NAME})`,
  'gu',
);
// Words about where someone lives may sit several words before the place ("lives with her
// granddaughter in a flat in Salford", "discharged home to Hexham", "grew up in Port Talbot"), so
// a place anywhere later in the same clause counts, after a preposition of place.
const HOME_WORDS = eitherCase(
  'lives live living lived resides reside residing resident stays staying settled relocated moved moving home native originally grew raised hails hailing visiting',
);
const HOME_CLAUSE_PLACE = new RegExp(
  String.raw`\b(?:${HOME_WORDS})\b[^.;:!?\n]{0,60}?\b(?:in|to|near|at|from|of)\s+(${FULL_NAME})`,
  'gu',
);
// Indian case notes write "resident of" as "r/o".
const RESIDENT_OF = new RegExp(String.raw`\b[Rr]\/[Oo]\s+(${FULL_NAME})`, 'gu');
// Capitalised words a clause about home often holds that are not places: services, wards, months,
// days, festivals, languages and the labels that follow an address.
const NOT_PLACE_STARTS = new Set(
  (
    'Cardiology Oncology Neurology Respiratory Renal Haematology Gastroenterology Rheumatology ' +
    'Dermatology Urology Orthopaedics Orthopedics Paediatrics Pediatrics Geriatrics Psychiatry ' +
    'Radiology Surgery Medicine Clinic Ward Theatre Theatres Recovery Resus Majors Minors ' +
    'Outpatients Intensive Accident Emergency General Primary Care Hospice Hospital Rehab Day ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Diwali Eid ' +
    'English Hindi Urdu Punjabi Polish Arabic Spanish Tel Telephone Phone Mobile Email Fax Mob ' +
    'Her His Their Our My'
  ).split(' '),
);
// "born on 9 March 1958 in Kumasi": the date between the verb and the place.
const BIRTHPLACE = new RegExp(String.raw`\bborn\b[^.;\n]{0,30}?\bin\s+(${FULL_NAME})`, 'gu');
// A state abbreviation counts only with its ZIP after it: "ID" and "IN" are ordinary words too.
const PLACE_BEFORE_ADDRESS_PART = new RegExp(
  String.raw`(${FULL_NAME}),?\s+(?=(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+\d{5}\b|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)`,
  'gu',
);
// Countries, states and provinces: Safe Harbor allows them, so a word of one is never a town.
const NOT_TOWNS = new Set(
  (
    'United States America Canada Germany France Spain Italy England Scotland Wales Ireland ' +
    'Britain UK US USA Europe Africa Asia Australia India China Japan Pakistan Bangladesh Nepal ' +
    'Sri Lanka Nigeria Ghana Kenya Uganda Somalia Ethiopia Sudan Zimbabwe Zambia Egypt Morocco ' +
    'Poland Romania Lithuania Latvia Hungary Czech Portugal Netherlands Belgium Switzerland ' +
    'Austria Sweden Norway Denmark Finland Greece Turkey Iran Iraq Syria Afghanistan Russia ' +
    'Ukraine Jamaica Philippines Vietnam Thailand Malaysia Singapore Indonesia Korea Brazil ' +
    'Mexico Argentina Chile Peru Colombia Zealand Texas California Florida Ohio Alaska Hawaii ' +
    'Ontario Quebec Alberta Manitoba Saskatchewan Queensland Tasmania NSW Kerala Punjab Gujarat ' +
    'Maharashtra Tamil Nadu Karnataka Bengal Rajasthan Bihar Dr Mr Mrs Ms The'
  ).split(' '),
);
const RECRUITMENT_WORDS =
  /\b(?:participants|patients were|trials|cohort|enrolled|enrolment|enrollment|recruited|recruitment|sites|registry)\b/i;
const STUDY_WORDS =
  /\b(?:participants|patients were|trial|trials|cohort|enrolled|recruited|sites?|centres?|centers?|countries|study|registry|guideline|hospitals)\b/i;

function placeNames(text: string, addressEnds: readonly number[]): Finding[] {
  const found: Finding[] = [];
  const add = (start: number, end: number) => {
    const candidate = mention(text, 'town', start, end);
    if (!candidate || wordsOf(candidate.text).some((word) => NOT_TOWNS.has(word))) return;
    if (NOT_PLACE_STARTS.has(wordsOf(candidate.text)[0] ?? '')) return;
    if (isEponym(text, candidate.start, candidate.end) || namesAScheme(text, candidate.end)) return;
    // "Recruited from Ontario sites": a study's places, unless a person is in the sentence too.
    // Narrower than STUDY_WORDS, because "another centre" or "a sleep study" is a patient's care.
    const sentence = sentenceAround(text, candidate.start, candidate.end);
    if (RECRUITMENT_WORDS.test(sentence) && !PERSON_WORDS.test(sentence)) return;
    found.push(candidate);
  };
  for (const pattern of [PERSON_PLACE, BIRTHPLACE, HOME_CLAUSE_PLACE, RESIDENT_OF]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      const start = match.index + match[0].lastIndexOf(value);
      add(start, start + value.length);
    }
  }
  for (const match of text.matchAll(PLACE_BEFORE_ADDRESS_PART)) {
    add(match.index, match.index + (match[1] ?? '').length);
  }
  // The town after a street address or a ZIP: "14 Elm Grove, Harrogate", "3 Kingfisher Close in
  // Morpeth", "ZIP code 73301, Austin".
  for (const end of addressEnds) {
    const match = new RegExp(String.raw`^(?:,\s+|\s+in\s+)(${FULL_NAME})`, 'u').exec(
      text.slice(end),
    );
    if (match) {
      const start = end + match[0].length - (match[1] ?? '').length;
      add(start, start + (match[1] ?? '').length);
    }
  }
  return found;
}

// A place followed by the kind of document or scheme named after a meeting place ("the Berlin
// definition", "the Vienna classification") names the scheme, not where anyone lives.
const SCHEME_AFTER_PLACE =
  /^['’]?\s+(?:definition|consensus|declaration|statement|convention|guidelines?|criteria|classification|rules?|score|scale|system|staging|protocol|questionnaire|study|trial|cohort|group|agreement|nomenclature|cebm|levels?|cent(?:re|er)\s+for)\b/i;

function namesAScheme(text: string, end: number): boolean {
  return SCHEME_AFTER_PLACE.test(text.slice(end));
}

// Someone particular in the sentence, which makes a place in it theirs even beside study words.
const PERSON_WORDS =
  /\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is|[Mm]y|[Mm]um|[Dd]ad|Mr|Mrs|Ms|Miss|Mx|[Pp]atient(?!s)|[Pp]t|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband)\b/;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start), text.lastIndexOf('\n', start)) + 1;
  const stop = text.slice(end).search(/[.\n]/);
  return text.slice(from, stop === -1 ? text.length : end + stop);
}

/**
 * Names of people and places; `addressEnds` are where street addresses and ZIP codes found
 * earlier end, because the town is usually written next.
 */
export function findNames(text: string, addressEnds: readonly number[] = []): Finding[] {
  const document = nlp(text);
  const found: Finding[] = [];
  const places = placeNames(text, addressEnds);
  // Next to an address the word is a town even when the tagger takes it for a person ("Austin").
  const besideAddress = places.filter((place) =>
    addressEnds.some(
      (end) => end <= place.start && /^(?:,\s+|\s+in\s+)$/.test(text.slice(end, place.start)),
    ),
  );
  for (const person of tagged(document.people())) {
    const candidate = mention(
      text,
      'name',
      person.offset.start,
      person.offset.start + person.offset.length,
    );
    // A name starts with a capital here ("al. (Lancet" is a citation), and all-capital words are
    // acronyms (ARIA, SPRINT).
    if (!candidate || !/^\p{Lu}/u.test(candidate.text) || !/\p{Ll}/u.test(candidate.text)) continue;
    if (besideAddress.some((place) => place.start < candidate.end && candidate.start < place.end))
      continue;
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
    if (isEponym(text, candidate.start, candidate.end) || namesAScheme(text, candidate.end))
      continue;
    if (STUDY_WORDS.test(sentenceAround(text, candidate.start, candidate.end))) continue;
    found.push(candidate);
  }
  return [...found, ...places];
}
