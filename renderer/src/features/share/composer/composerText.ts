// Words the composer shows for the contract's codes, in one place so every section says the same.
import type { DismissalReason, PhiType } from '@shared/domain/guard/findings';
import type { SharePlatform } from '@shared/domain/share/platformRules';

/** What each kind of possible patient identifier is called in the "Before sharing" list. */
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

/** The reasons offered for keeping a finding, worded as the clinician would say them. */
export const DISMISSAL_REASON_LABELS: Readonly<Record<DismissalReason, string>> = {
  'not-identifying': 'It does not identify a patient',
  'public-role': 'A public figure named in their public role',
  'published-author': 'An author of published work',
  eponym: 'An eponym (a disease, sign or test named after someone)',
  consented: 'The person consented to being named',
  other: 'Another reason (say which in the note)',
};

/** Platform names as the platforms spell them. */
export const PLATFORM_NAMES: Readonly<Record<SharePlatform, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
};

/** "1 post", "3 posts". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
