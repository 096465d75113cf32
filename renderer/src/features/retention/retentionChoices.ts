import { RETENTION_DAY_CHOICES, type Api, type RetentionKept } from '@shared/contract';

/** The retention service as the window's client has it. */
export type RetentionClient = Api['retention'];

/** A select's value for an age: days as text, or `never` for "for ever". */
export type AgeValue = string;

export const NEVER = 'never';

/** The select's value for an age in days (null: for ever). */
export function ageValueOf(days: number | null): AgeValue {
  return days === null ? NEVER : String(days);
}

/** The age in days a select's value stands for (null: for ever). */
export function daysOf(value: AgeValue): number | null {
  return value === NEVER ? null : Number(value);
}

/**
 * The ages offered: the usual ones, and the current one when a file or an older version set
 * another, so opening the dialog never changes the policy by itself.
 */
export function ageChoices(current: number | null): number[] {
  const choices: number[] = [...RETENTION_DAY_CHOICES];
  if (current !== null && !choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}

/** "Older than 30 days". */
export function olderThanLabel(days: number): string {
  return `Older than ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "Kept: 2 starred, 1 annotated, 0 imported, 0 discussed." */
export function describeKept(kept: RetentionKept): string {
  return `Kept: ${kept.starred} starred, ${kept.annotated} annotated, ${kept.imported} imported, ${kept.discussed} discussed.`;
}
