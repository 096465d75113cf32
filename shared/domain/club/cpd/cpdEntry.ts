import { z } from 'zod';

// A member's CPD/CME entry for one journal-club session (J4): what they claim, for which session,
// and what they reflect. Entries are the member's own; they are stored on their machine and only
// leave it in a CSV the member exports for their regulator or college.

/** The kinds of activity an entry records, in the order they are offered. */
export const CPD_ENTRY_TYPES = [
  'journal-club-live',
  'journal-club-asynchronous',
  'presenting',
  'reading',
] as const;

export type CpdEntryType = (typeof CPD_ENTRY_TYPES)[number];

/** How each type reads in the log and in the CSV. */
export const CPD_ENTRY_TYPE_LABELS: Record<CpdEntryType, string> = {
  'journal-club-live': 'journal club (live)',
  'journal-club-asynchronous': 'journal club (asynchronous)',
  presenting: 'presenting at journal club',
  reading: 'reading',
};

/** Hours are claimed in quarter hours, the unit most colleges count in. */
export const CPD_HOURS_STEP = 0.25;
/** No single entry can claim more than a day. */
export const MAX_CPD_HOURS = 24;

const NOT_A_NUMBER = 'Hours must be a number, such as 1 or 1.25.';

const formatHours = (hours: number): string => String(Math.round(hours * 100) / 100);

/** Why `hours` cannot be claimed, or null when it can: more than 0, at most 24, a quarter hour. */
export function checkCpdHours(hours: number): string | null {
  if (!Number.isFinite(hours)) return NOT_A_NUMBER;
  if (hours <= 0) return 'Hours must be more than 0.';
  if (hours > MAX_CPD_HOURS) return `One entry can record at most ${MAX_CPD_HOURS} hours.`;
  // Quarters are exact in binary floating point, so this is exact for every valid value.
  if (Number.isInteger(hours / CPD_HOURS_STEP)) return null;
  const below = Math.floor(hours / CPD_HOURS_STEP) * CPD_HOURS_STEP;
  const above = below + CPD_HOURS_STEP;
  const nearest =
    below <= 0
      ? `the nearest is ${formatHours(above)}`
      : `the nearest are ${formatHours(below)} and ${formatHours(above)}`;
  return `Hours are counted in quarter hours (0.25, 0.5, 0.75, …); ${hours} is not one — ${nearest}.`;
}

/** Reads hours as a member types them ("1.5", "1,5"). */
export function parseCpdHours(
  text: string,
): { ok: true; hours: number } | { ok: false; message: string } {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(normalised)) return { ok: false, message: NOT_A_NUMBER };
  const hours = Number(normalised);
  const problem = checkCpdHours(hours);
  return problem === null ? { ok: true, hours } : { ok: false, message: problem };
}

const requiredText = (what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .refine((value) => value.trim().length > 0, { message: `${what} cannot be empty.` });

const optionalText = (what: string) => z.string({ error: `${what} must be text.` });

const typeList = CPD_ENTRY_TYPES.map((type) => CPD_ENTRY_TYPE_LABELS[type]).join(', ');

/** One CPD entry as stored and as sent between the window and the backend. */
export const cpdEntrySchema = z.object({
  id: requiredText('The entry’s id'),
  /** When the activity took place, ISO 8601 with Z or an offset; its year is read in the member's zone. */
  date: z.iso.datetime({
    offset: true,
    error: 'The date must be an ISO 8601 date and time, e.g. 2026-03-10T19:00:00Z.',
  }),
  session: z.object(
    { id: requiredText('The session’s id'), title: requiredText('The session’s title') },
    { error: 'The session must name its id and title.' },
  ),
  citation: requiredText('The citation'),
  hours: z.number({ error: NOT_A_NUMBER }).superRefine((hours, context) => {
    const problem = checkCpdHours(hours);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  }),
  type: z.enum(CPD_ENTRY_TYPES, { error: `The type must be one of: ${typeList}.` }),
  /** Both may be empty while a draft: many bodies want them before the entry counts. */
  reflection: z.object(
    { learned: optionalText('What I learned'), willChange: optionalText('What I will change') },
    { error: 'The reflection must say what was learned and what will change.' },
  ),
  /** The body the member reports to (GMC, ABIM, RCP…), from their profile; may be empty. */
  reportedTo: optionalText('The reporting body'),
});

export type CpdEntry = z.infer<typeof cpdEntrySchema>;

export type CpdEntryResult = { ok: true; entry: CpdEntry } | { ok: false; message: string };

/** Checks one entry, naming the first field that is wrong and what is wrong with it. */
export function readCpdEntry(value: unknown): CpdEntryResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'A CPD entry must be an object.' };
  }
  const parsed = cpdEntrySchema.safeParse(value);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const message = issue?.message ?? 'The entry is damaged.';
  return { ok: false, message: path ? `${path}: ${message}` : message };
}

/** A log read from disk or another machine: the whole entries, and why each other one was left out. */
export interface CpdLog {
  entries: CpdEntry[];
  /** `index` is the entry's position in the input, or -1 when the input was not a list at all. */
  rejected: { index: number; message: string }[];
}

/** Keeps every whole entry of a log; a damaged one is reported, never silently dropped. */
export function readCpdLog(raw: unknown): CpdLog {
  if (!Array.isArray(raw)) {
    return {
      entries: [],
      rejected: [{ index: -1, message: 'The CPD log must be a list of entries.' }],
    };
  }
  const log: CpdLog = { entries: [], rejected: [] };
  const seen = new Set<string>();
  raw.forEach((value: unknown, index) => {
    const result = readCpdEntry(value);
    if (!result.ok) log.rejected.push({ index, message: result.message });
    else if (seen.has(result.entry.id)) {
      log.rejected.push({
        index,
        message: `Another entry already has the id "${result.entry.id}".`,
      });
    } else {
      seen.add(result.entry.id);
      log.entries.push(result.entry);
    }
  });
  return log;
}
