import type { Finding, PhiType } from './findings';
import { findNames } from './nameDetector';
import { findStructuredIdentifiers } from './structuredDetectors';

// When two findings overlap the more specific one names the span: a number after "NHS number" is
// a record number even though it is shaped like a phone number, and "Elm Grove" in an address is
// not a person.
const PRECEDENCE: readonly PhiType[] = [
  'ssn',
  'mrn',
  'health-plan',
  'account',
  'licence',
  'vehicle',
  'device',
  'other-id',
  'email',
  'url',
  'ip',
  'fax',
  'phone',
  'date',
  'age-over-89',
  'street-address',
  'zip',
  'name',
  'town',
];

function rank(finding: Finding): number {
  return PRECEDENCE.indexOf(finding.type);
}

/**
 * Suspected identifiers in `text`, in reading order, none overlapping. Offsets are UTF-16 code
 * units, `end` exclusive. Pure: nothing leaves the machine and nothing is remembered between calls.
 */
export function scanForPhi(text: string): Finding[] {
  const structured = findStructuredIdentifiers(text);
  const addressEnds = structured
    .filter((finding) => finding.type === 'street-address' || finding.type === 'zip')
    .map((finding) => finding.end);
  const candidates = [...structured, ...findNames(text, addressEnds)].sort(
    (a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const candidate of candidates) {
    if (kept.some((finding) => finding.start < candidate.end && candidate.start < finding.end))
      continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
