import { stripInvisibleControls } from '@shared/domain/feeds/stripInvisibleControls';

/**
 * Small text helpers shared by the BibTeX, RIS and Crossref readers, so that a paper reads the
 * same whichever way it arrived.
 */

/**
 * Text as it is stored: invisible direction controls removed (as at feed ingest), white space
 * collapsed within each line, blank lines dropped, one paragraph per line.
 */
export function tidyText(text: string): string {
  return stripInvisibleControls(text)
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** {@link tidyText} on one line: for titles, names and journals. */
export function tidyLine(text: string): string {
  return tidyText(text).replace(/\n/g, ' ');
}

/** Tidied text, or null when nothing is left. */
export function textOrNull(text: string | null | undefined): string | null {
  const tidy = text === null || text === undefined ? '' : tidyText(text);
  return tidy === '' ? null : tidy;
}

/** The name parts a reference source gives for one person; a group has only `literal`. */
export interface NameParts {
  given?: string | null;
  family?: string | null;
  /** "van der" in "Anna van der Berg". */
  particle?: string | null;
  suffix?: string | null;
  /** A name that is not split into parts (an organisation, a consortium). */
  literal?: string | null;
}

/** "Jörg Müller", "Anna van der Berg", "Martin King Jr.", "World Health Organization"; or null. */
export function displayName(name: NameParts): string | null {
  if (name.literal) return textOrNull(tidyLine(name.literal));
  const parts = [name.given, name.particle, name.family, name.suffix]
    .map((part) => (part ? tidyLine(part) : ''))
    .filter((part) => part !== '');
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * The date a source gives as numbers (year, month, day), written `YYYY-MM-DD`, `YYYY-MM` or
 * `YYYY`: as precise as the source, and never a part that is out of range. Null without a year.
 */
export function partialIsoDate(year: unknown, month?: unknown, day?: unknown): string | null {
  const y = wholeNumber(year);
  if (y === null || y < 1000 || y > 9999) return null;
  const m = wholeNumber(month);
  if (m === null || m < 1 || m > 12) return String(y);
  const d = wholeNumber(day);
  const monthText = `${y}-${pad(m)}`;
  if (d === null || d < 1 || d > daysIn(y, m)) return monthText;
  return `${monthText}-${pad(d)}`;
}

/** The first four-digit year written in free text ("Spring 2021"), or null. */
export function yearIn(text: string): string | null {
  return /\b(1[5-9]\d\d|2\d{3})\b/.exec(text)?.[1] ?? null;
}

/** The value when it is an http(s) address, else null. */
export function webAddressOrNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).protocol.startsWith('http') ? text : null;
  } catch {
    return null;
  }
}

/** Each non-empty value once, in first-seen order. */
export function uniqueValues(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => tidyLine(value)).filter((value) => value !== ''))];
}

/** "It has the DOI …: add it by DOI instead." for an entry that cannot be imported otherwise. */
export function addByDoiHint(doi: string | null): string {
  return doi === null ? '' : ` It has the DOI ${doi}: add it by DOI instead.`;
}

function wholeNumber(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
