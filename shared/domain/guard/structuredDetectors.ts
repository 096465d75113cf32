// Pattern detectors for the identifiers that have a shape: numbers, addresses, dates. Most need a
// context word before them ("MRN", "fax", "DOB"), because the same digits are often a lab value,
// a trial registration or a dose in a paper's discussion.
import { findDates, findOldAges } from './agesAndDates';
import type { Finding, PhiType } from './findings';
import { isIpv4, isIpv6, isPlausibleSsn, isValidNhsNumber, passesLuhn } from './identifierChecks';

function finding(text: string, type: PhiType, start: number, end: number): Finding {
  return { type, start, end, text: text.slice(start, end) };
}

/** Every match of `pattern`, reporting capture group `group` (or the whole match). */
function matchesOf(
  text: string,
  pattern: RegExp,
  type: PhiType,
  accept: (match: RegExpExecArray) => boolean = () => true,
  group = 0,
): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[group];
    if (value === undefined || !accept(match)) continue;
    const start = match.index + (group === 0 ? 0 : match[0].indexOf(value));
    found.push(finding(text, type, start, start + value.length));
  }
  return found;
}

// An identifier after a label: groups of capitals, digits and brackets joined by hyphens, slashes
// or dots; a group after a space must hold a digit ("SN 7723-A881-K", "MCD 44019283") so the
// following words are not swallowed.
const ID_GROUP = String.raw`[A-Z0-9()]+(?:[-/.][A-Z0-9()]+)*`;
const ID_TOKEN = String.raw`${ID_GROUP}(?: (?=[A-Z0-9()]*\d)${ID_GROUP})*`;

// Longer labels first so "licence plate" is a vehicle and "driving licence" a licence.
const LABELLED_IDENTIFIERS: { type: PhiType; labels: string[] }[] = [
  { type: 'ssn', labels: ['social security number', 'social security no', 'SSN'] },
  {
    type: 'vehicle',
    labels: [
      'licence plate',
      'license plate',
      'number plate',
      'car registration',
      'vehicle registration',
      'registration number',
      'reg\\. no',
      'reg no',
      'VIN',
    ],
  },
  {
    type: 'mrn',
    labels: [
      'medical record number',
      'medical record no',
      'medical record',
      'hospital number',
      'hospital no',
      'NHS number',
      'NHS no',
      'CHI number',
      'CHI no',
      'unit number',
      'patient ID',
      'pt ID',
      'MRN',
      'record number',
    ],
  },
  {
    type: 'health-plan',
    labels: [
      'health plan number',
      'health plan ID',
      'insurance member number',
      'insurance number',
      'insurance ID',
      'insurance no',
      'insurance card',
      'health insurance',
      'insurer ID',
      'subscriber ID',
      'subscriber number',
      'group number',
      'plan ID',
      'Medicare card',
      'member number',
      'member ID',
      'policy number',
      'policy no',
      'beneficiary number',
      'Medicare number',
      'Medicare ID',
      'Medicaid number',
      'Medicaid ID',
      'Medicare',
      'Medicaid',
    ],
  },
  {
    type: 'account',
    labels: [
      'bank account',
      'account number',
      'account no',
      'account',
      'acct',
      'sort code',
      'credit card',
      'card number',
      'IBAN',
    ],
  },
  {
    type: 'licence',
    labels: [
      'driving licence',
      "driver's license",
      'driver license',
      'licence number',
      'license number',
      'licence no',
      'GMC number',
      'GMC no',
      'DEA number',
      'NMC PIN',
      'NPI',
    ],
  },
  { type: 'device', labels: ['serial number', 'serial no', 'serial', 'device ID', 'UDI'] },
  {
    type: 'other-id',
    labels: [
      'passport number',
      'passport no',
      'national insurance number',
      'NI number',
      'employee ID',
      'employee badge',
      'staff number',
      'badge',
    ],
  },
];

function labelledIdentifiers(text: string): Finding[] {
  const found: Finding[] = [];
  for (const { type, labels } of LABELLED_IDENTIFIERS) {
    const pattern = new RegExp(
      String.raw`\b(?:${labels.join('|')})\b\.?(?:\s*(?:number|no\.?|num|ID|#))?\s*(?:[:=#-]\s*)?(?:is\s+)?(${ID_TOKEN})`,
      'gi',
    );
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      // Case-insensitive labels, but the identifier itself must look like one: digits, mostly.
      if ((value.match(/\d/g) ?? []).length < 3 || /[a-z]/.test(value)) continue;
      const start = match.index + match[0].length - value.length;
      found.push(finding(text, type, start, start + value.length));
    }
  }
  return found;
}

function unlabelledNumbers(text: string): Finding[] {
  return [
    // SSN with hyphens or spaces, checked against the issuing rules.
    ...matchesOf(text, /(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])/g, 'ssn', (match) =>
      isPlausibleSsn(match[1] ?? '', match[2] ?? '', match[3] ?? ''),
    ),
    // NHS numbers are recognisable without a label because the check digit must agree.
    ...matchesOf(text, /(?<!\+\d{0,3}\s?)(?<![\d-])\d{3} ?\d{3} ?\d{4}(?![\d-])/g, 'mrn', (match) =>
      isValidNhsNumber(match[0]),
    ),
    ...matchesOf(
      text,
      /(?<![\d-])\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![\d-])/g,
      'account',
      (match) => passesLuhn(match[0]),
    ),
    // VIN: 17 characters without I, O or Q, mixing letters and digits.
    ...matchesOf(
      text,
      /\b[A-HJ-NPR-Z0-9]{17}\b/g,
      'vehicle',
      (match) => /\d/.test(match[0]) && /[A-Z]/.test(match[0]),
    ),
    // UK plates of the current format only with a vehicle word nearby.
    ...matchesOf(
      text,
      /\b(?:reg(?:istration)?|plate|car|vehicle)\b\.?[^\n]{0,20}?\b([A-Z]{2}\d{2} ?[A-Z]{3})\b/gi,
      'vehicle',
      (match) => /^[A-Z]{2}\d{2} ?[A-Z]{3}$/.test(match[1] ?? ''),
      1,
    ),
  ];
}

const UK_PHONE = String.raw`(?:\+44[\s-]?(?:\(0\)[\s-]?)?|(?<![\d+])0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}`;
const US_PHONE = String.raw`(?:\+1[\s.-]?)?(?:\(\d{3}\)\s?|(?<![\d+])\d{3}[\s.-])\d{3}[\s.-]\d{4}`;
const INTERNATIONAL_PHONE = String.raw`\+(?:\d[\s-]?){7,13}\d`;
const PHONE = new RegExp(`(?:${UK_PHONE}|${US_PHONE}|${INTERNATIONAL_PHONE})(?![\\d-])`, 'g');
const FAX_CONTEXT_BEFORE = /\bfax(?:ed)?\b[^.\n]{0,25}$/i;
const FAX_CONTEXT_AFTER = /^\s*\(?fax\b/i;

function phones(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 10);
    const type = FAX_CONTEXT_BEFORE.test(before) || FAX_CONTEXT_AFTER.test(after) ? 'fax' : 'phone';
    found.push(finding(text, type, match.index, match.index + match[0].length));
  }
  return found;
}

// Scholarly and public hosts: a link to a paper or guideline says nothing about a patient.
const PUBLIC_HOSTS =
  /(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|pubmed\.gov|nih\.gov|clinicaltrials\.gov|who\.int|nice\.org\.uk|nhs\.uk|gov\.uk|nejm\.org|thelancet\.com|bmj\.com|jamanetwork\.com|nature\.com|sciencedirect\.com|wiley\.com|springer\.com|cochranelibrary\.com|isrctn\.com|medrxiv\.org|biorxiv\.org|arxiv\.org)$/i;
const SOCIAL_HOSTS =
  /\b(?:facebook|instagram|twitter|x|tiktok|linkedin|youtube|reddit|gofundme|justgiving|blogspot|wordpress|medium|substack)\.(?:com|co\.uk|org|me)\/?[^\s,;)]*/gi;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]/gi;

function urls(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(URL)) {
    const host = match[0].replace(/^https?:\/\//i, '').split(/[/?#:]/)[0] ?? '';
    if (PUBLIC_HOSTS.test(host)) continue;
    found.push(finding(text, 'url', match.index, match.index + match[0].length));
  }
  for (const match of text.matchAll(SOCIAL_HOSTS)) {
    let start = match.index;
    // Include a sub-domain written before the host ("name.blogspot.com").
    while (start > 0 && /[\w.-]/.test(text[start - 1] ?? '')) start -= 1;
    const end = match.index + match[0].replace(/[.,;:!?]+$/, '').length;
    found.push(finding(text, 'url', start, end));
  }
  return found;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function addresses(text: string): Finding[] {
  const ipv4 = matchesOf(text, /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d)/g, 'ip', (match) =>
    isIpv4(match[0]),
  );
  const ipv6 = matchesOf(
    text,
    /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g,
    'ip',
    (match) => /[0-9A-Fa-f]/.test(match[0]) && isIpv6(match[0]),
  );
  return [...matchesOf(text, EMAIL, 'email'), ...ipv4, ...ipv6, ...urls(text)];
}

const STREET_SUFFIX = String.raw`(?:Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Grove|Drive|Close|Way|Court|Ct|Place|Pl|Crescent|Terrace|Boulevard|Blvd|View|Hill|Gardens|Square|Row|Walk|Mews|Parade)`;
const STREET = String.raw`(?:(?:Flat|Apartment|Apt|Unit|Suite)\s+\w+,?\s+|\d+[A-Z]?,\s+|[A-Z][a-z]+\s+(?:House|Cottage|Lodge|Farm|Court|Hall),\s+)?\d{1,5}[A-Z]?\s+(?:[A-Z0-9][A-Za-z0-9'’]*\s+){1,3}${STREET_SUFFIX}\b\.?(?:\s+(?:NW|NE|SW|SE)\b)?`;
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const UK_POSTCODE = String.raw`\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b`;

function places(text: string): Finding[] {
  return [
    ...matchesOf(text, new RegExp(STREET, 'g'), 'street-address'),
    ...matchesOf(text, new RegExp(UK_POSTCODE, 'g'), 'zip'),
    ...matchesOf(
      text,
      new RegExp(`\\b(?:${US_STATES}),?\\s+(\\d{5}(?:-\\d{4})?)\\b`, 'g'),
      'zip',
      () => true,
      1,
    ),
    ...matchesOf(
      text,
      /\b(?:zip|zip code|postcode|postal code)\b:?\s*(\d{5}(?:-\d{4})?)\b/gi,
      'zip',
      () => true,
      1,
    ),
  ];
}

/** Every structured finding, overlapping ones included (the caller settles overlaps). */
export function findStructuredIdentifiers(text: string): Finding[] {
  return [
    ...labelledIdentifiers(text),
    ...unlabelledNumbers(text),
    ...phones(text),
    ...addresses(text),
    ...findDates(text),
    ...findOldAges(text),
    ...places(text),
  ];
}
