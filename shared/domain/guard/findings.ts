// What the privacy guard reports and how a clinician answers it. Kept apart from the detectors so
// the window and the tests can name the types without pulling in the name tagger.

/** The HIPAA Safe Harbor identifiers that can appear in typed text (photos and biometrics cannot). */
export const PHI_TYPES = [
  'name',
  'date',
  'age-over-89',
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'health-plan',
  'account',
  'licence',
  'vehicle',
  'device',
  'url',
  'ip',
  'street-address',
  'town',
  'zip',
  'other-id',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

/**
 * One suspected identifier. Offsets are UTF-16 code units into the scanned text (what
 * `String.prototype.slice` uses), `end` exclusive, so `text === scanned.slice(start, end)`.
 */
export interface Finding {
  type: PhiType;
  start: number;
  end: number;
  text: string;
}

/** Why a clinician kept a finding; recorded so a reviewer can see the decision later. */
export type DismissalReason =
  'not-identifying' | 'public-role' | 'published-author' | 'eponym' | 'consented' | 'other';

export interface Dismissal {
  finding: Finding;
  reason: DismissalReason;
  /** The clinician's own words when the reason is `other` (or to add detail). */
  note?: string;
}

/** The words put in place of a redacted finding: what kind of thing was there, never what it was. */
export const REDACTION_LABELS: Record<PhiType, string> = {
  name: '[name]',
  date: '[date]',
  'age-over-89': '[age 90+]',
  phone: '[phone]',
  fax: '[fax]',
  email: '[email]',
  ssn: '[SSN]',
  mrn: '[record number]',
  'health-plan': '[health plan number]',
  account: '[account number]',
  licence: '[licence number]',
  vehicle: '[vehicle]',
  device: '[device id]',
  url: '[web address]',
  ip: '[IP address]',
  'street-address': '[address]',
  town: '[place]',
  zip: '[postcode]',
  'other-id': '[identifier]',
};

/** Structured identifiers: found by pattern and context, held to the stricter recall target. */
export const STRUCTURED_TYPES: readonly PhiType[] = [
  'phone',
  'fax',
  'email',
  'ssn',
  'mrn',
  'date',
  'age-over-89',
  'zip',
  'ip',
  'url',
];

/** What each kind of possible identifier is called when it is shown or named in a message. */
export const PHI_TYPE_NAMES: Readonly<Record<PhiType, string>> = {
  name: 'Name',
  date: 'Date',
  'age-over-89': 'Age over 89',
  phone: 'Phone number',
  fax: 'Fax number',
  email: 'E-mail address',
  ssn: 'Social security number',
  mrn: 'Medical record number',
  'health-plan': 'Health plan number',
  account: 'Account number',
  licence: 'Licence number',
  vehicle: 'Vehicle identifier',
  device: 'Device identifier',
  url: 'Web address',
  ip: 'IP address',
  'street-address': 'Street address',
  town: 'Place name',
  zip: 'Postcode',
  'other-id': 'Identifying number',
};

/** The reasons offered for keeping a finding, worded as a clinician would say them. */
export const DISMISSAL_REASON_LABELS: Readonly<Record<DismissalReason, string>> = {
  'not-identifying': 'It does not identify a patient',
  'public-role': 'A public figure named in their public role',
  'published-author': 'An author of published work',
  eponym: 'An eponym (a disease, sign or test named after someone)',
  consented: 'The person consented to being named',
  other: 'Another reason (say which in the note)',
};
