import { z } from 'zod';
import { utf8ByteLength, valueNestsDeeperThan } from '../../json/jsonLimits';
import { evidenceLevelRecordSchema, gradeRecordSchema } from '../appraisal/evidence';
import { picoSchema } from '../appraisal/pico';
import { studyDesignSchema } from '../appraisal/studyDesigns';

// The values one session document holds, validated both when this machine writes them and when
// they are read back after merging another machine's work: a bundle or a sync server is input from
// outside, so nothing in the document is trusted until it has passed these schemas.

const MAX_ID_LENGTH = 128;
const MAX_REASON_LENGTH = 2_000;
/** A member's own annotation on a paper, stored as they wrote it; bounded so one cannot swamp a bundle. */
export const MAX_ANNOTATION_BYTES = 64 * 1024;
const MAX_ANNOTATION_DEPTH = 32;
export const MAX_BOTTOM_LINE_LENGTH = 280;

export const memberIdSchema = z.string().min(1).max(MAX_ID_LENGTH);
export const itemIdSchema = z.string().min(1).max(MAX_ID_LENGTH);
/** A paper's id in a session: its DOI-based id, or the library item id it was made from. */
export const paperIdSchema = z.string().min(1).max(256);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export const SESSION_STATUSES = ['planned', 'reading', 'live', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const sessionPaperRefSchema = z.object({
  paperId: paperIdSchema,
  doi: z.string().min(1).max(256).nullable(),
});
export type SessionPaperRef = z.infer<typeof sessionPaperRefSchema>;

export const discussionWindowSchema = z
  .object({ opensAt: z.iso.datetime(), closesAt: z.iso.datetime() })
  .refine((window) => Date.parse(window.opensAt) <= Date.parse(window.closesAt), {
    message: 'the discussion window closes before it opens',
  });
export type DiscussionWindow = z.infer<typeof discussionWindowSchema>;

/**
 * Each field is its own key in the document, so two members who change different fields offline
 * both keep their change; the same field changed twice keeps one of them (the same on every machine).
 */
export const sessionMetadataFieldSchemas = {
  title: z.string().max(300),
  papers: z.array(sessionPaperRefSchema).max(20),
  /** Wall-clock time in `timeZone`, minutes precision, e.g. `2026-12-09T19:00`. */
  startsAt: z.string().regex(localDateTime, 'the start is not a date and time').nullable(),
  timeZone: z
    .string()
    .max(64)
    .refine(isIanaTimeZone, 'the time zone is not an IANA time zone (like Europe/London)')
    .nullable(),
  presenterId: memberIdSchema.nullable(),
  status: z.enum(SESSION_STATUSES),
  discussionWindow: discussionWindowSchema.nullable(),
} as const;

export const sessionMetadataSchema = z.object(sessionMetadataFieldSchemas);
export type SessionMetadata = z.infer<typeof sessionMetadataSchema>;

export const EMPTY_SESSION_METADATA: SessionMetadata = {
  title: '',
  papers: [],
  startsAt: null,
  timeZone: null,
  presenterId: null,
  status: 'planned',
  discussionWindow: null,
};

export const appraisalAnswerSchema = z.object({
  answer: z.enum(['yes', 'no', 'unclear']),
  reason: z.string().max(MAX_REASON_LENGTH),
  /** Ids of the member's own highlights that back the answer. */
  citedHighlightIds: z.array(itemIdSchema).max(50),
});
export type AppraisalAnswer = z.infer<typeof appraisalAnswerSchema>;

export const PRACTICE_VOTES = ['yes', 'no', 'not-sure'] as const;
export const practiceVoteSchema = z.object({
  vote: z.enum(PRACTICE_VOTES),
  reason: z.string().max(MAX_REASON_LENGTH),
});
export type PracticeVote = z.infer<typeof practiceVoteSchema>;

export const actionItemSchema = z.object({
  text: z.string().trim().min(1).max(500),
  ownerId: memberIdSchema.nullable(),
  dueDate: z.string().regex(isoDate, 'the due date is not a date (YYYY-MM-DD)').nullable(),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const attendanceSchema = z.enum(['live', 'asynchronous']);
export type Attendance = z.infer<typeof attendanceSchema>;

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Plain JSON (what JSON.stringify keeps unchanged), at most 64 KiB and 32 levels deep. */
export const annotationValueSchema = z.custom<JsonValue>(
  (value) =>
    !valueNestsDeeperThan(value, MAX_ANNOTATION_DEPTH) &&
    isPlainJson(value) &&
    utf8ByteLength(JSON.stringify(value)) <= MAX_ANNOTATION_BYTES,
  { message: 'the annotation is not plain JSON of at most 64 KiB' },
);

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  // Yjs decodes objects by assignment, where a `__proto__` key would set the prototype instead.
  if (Object.hasOwn(value, '__proto__')) return false;
  return Object.values(value).every(isPlainJson);
}

export const bottomLineSchema = z.string().max(MAX_BOTTOM_LINE_LENGTH);

/** Thrown by a mutator given a value that does not fit; the document is left as it was. */
export class SessionValueError extends Error {
  override name = 'SessionValueError';
}

/** Parses `value` or throws a SessionValueError that names `what` and the first problem. */
export function requireValid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new SessionValueError(`The ${what} does not fit${where}: ${issue?.message ?? 'invalid'}.`);
}

export const MAX_PRESENTER_NOTES_LENGTH = 20_000;
/** The presenter's notes for the pre-reading pack, as plain text. */
export const presenterNotesSchema = z.string().max(MAX_PRESENTER_NOTES_LENGTH);

/**
 * The club a session belongs to, written into the session so that a member who receives it by
 * bundle (and has never heard of the club) can create the club on their machine.
 */
export const sessionClubSchema = z.object({
  clubId: itemIdSchema,
  name: z.string().trim().min(1).max(200),
  hashtag: z.string().max(100),
  timeZone: sessionMetadataFieldSchemas.timeZone.unwrap(),
  defaultDisclosure: z.enum(['names', 'initials', 'anonymous']),
});
export type SessionClub = z.infer<typeof sessionClubSchema>;

/** A member as the session knows them: written by the member themselves, or by the organiser. */
export const sessionPersonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  profession: z.string().max(200),
  role: z.enum(['organiser', 'presenter', 'member']),
  handle: z.string().min(1).max(200).nullable(),
});
export type SessionPerson = z.infer<typeof sessionPersonSchema>;

/** What a session shows of a paper, so a member who lacks it still sees what it is. */
export const sessionPaperDetailsSchema = z.object({
  title: z.string().max(2_000),
  authors: z.array(z.string().max(500)).max(2_000),
  journal: z.string().max(500).nullable(),
  year: z.number().int().min(1000).max(9999).nullable(),
  abstract: z.string().max(100_000).nullable(),
});
export type SessionPaperDetails = z.infer<typeof sessionPaperDetailsSchema>;

/**
 * Each field of a paper's appraisal as kept in the document (see APPRAISALS_ROOT): the PICO is
 * split into its parts so concurrent edits of different parts both stay.
 */
export const appraisalFieldSchemas = {
  design: studyDesignSchema.nullable(),
  population: picoSchema.shape.population,
  interventionOrExposure: picoSchema.shape.interventionOrExposure,
  comparison: picoSchema.shape.comparison,
  outcomes: picoSchema.shape.outcomes,
  evidenceLevel: evidenceLevelRecordSchema.nullable(),
  certainty: gradeRecordSchema.nullable(),
} as const;
export type AppraisalField = keyof typeof appraisalFieldSchemas;

/**
 * A member's highlight as the app copies it into the session's `annotations` root: what the other
 * members need to see it, not the selectors that anchor it in one copy of the paper.
 */
export const sessionHighlightValueSchema = z.object({
  paperId: paperIdSchema,
  quote: z.string().max(20_000),
  page: z.number().int().min(1).max(999_999).nullable(),
  colour: z.string().max(64),
  note: z.string().max(50_000),
});
export type SessionHighlightValue = z.infer<typeof sessionHighlightValueSchema>;
