import { z } from 'zod';

// What Crossref says happened to a paper after publication, read from its REST API. A publisher
// deposits a notice (a retraction, a correction …) as a work of its own whose `update-to` list
// names the paper it updates; Crossref now also adds the notices Retraction Watch collected to
// the same list, marked `source: "retraction-watch"` beside the publisher's `source: "publisher"`.
// `GET /works?filter=updates:<doi>` therefore returns the notices about one paper, and
// `GET /works/<doi>` returns the paper with the same links reversed in `updated-by`.

/** What a notice says about a paper, most severe first (see {@link RETRACTION_KINDS}). */
export type RetractionKind = 'retracted' | 'withdrawn' | 'corrected' | 'expression-of-concern';

/**
 * Every kind, in order of severity: a retraction or withdrawal means the findings must not be
 * relied on; an expression of concern that the editors doubt them and may yet retract; a
 * correction that a part was wrong and has been fixed.
 */
export const RETRACTION_KINDS = [
  'retracted',
  'withdrawn',
  'expression-of-concern',
  'corrected',
] as const satisfies readonly RetractionKind[];

/** One editorial notice about a paper. */
export interface EditorialNotice {
  kind: RetractionKind;
  /** The notice's own DOI (lower-cased), when it has one. */
  noticeDoi: string | null;
  /** When the update took effect: an ISO date (`2024-06-27`), or `2024-06` / `2024` when that is all that is known. */
  date: string | null;
  /** Who reported it: Crossref (publishers and Retraction Watch), the user, or the club. */
  source: 'crossref' | 'user' | 'club';
}

/** The outcome of asking Crossref about one paper. */
export interface RetractionCheck {
  /** The paper's DOI, in {@link comparableDoi} form. */
  doi: string;
  /** Every notice found; empty when Crossref knows of none. */
  notices: EditorialNotice[];
  /** ISO 8601 UTC time of the answer. */
  checkedAt: string;
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Validates an {@link EditorialNotice} read back from storage or across a boundary. */
export const editorialNoticeSchema = z.object({
  kind: z.enum(RETRACTION_KINDS),
  noticeDoi: z.string().min(1).nullable(),
  date: z.string().regex(ISO_DATE).nullable(),
  source: z.enum(['crossref', 'user', 'club']),
});

/** Validates a {@link RetractionCheck} read back from storage or across a boundary. */
export const retractionCheckSchema = z.object({
  doi: z.string().min(1),
  notices: z.array(editorialNoticeSchema),
  checkedAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
});

/**
 * Crossref's update types, by what they mean for a reader. A partial retraction is shown as a
 * retraction: Rounds cannot tell which part still stands, and the stronger warning is the safer
 * one. A removal (taken down for legal reasons) leaves nothing to cite, like a withdrawal.
 * Addenda, clarifications, new versions and reinstatements say nothing against the findings and
 * are ignored, as is any type Crossref adds later.
 */
const KIND_OF_UPDATE_TYPE: Readonly<Record<string, RetractionKind>> = {
  retraction: 'retracted',
  partial_retraction: 'retracted',
  withdrawal: 'withdrawn',
  removal: 'withdrawn',
  expression_of_concern: 'expression-of-concern',
  correction: 'corrected',
  erratum: 'corrected',
  corrigendum: 'corrected',
};

const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/|doi:\s*|info:doi\/)/i;
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

// Each field falls back to "absent" on its own, so one odd value costs that value, not the notice.
const crossrefDate = z.object({
  'date-time': z.string().optional().catch(undefined),
  'date-parts': z.array(z.array(z.unknown())).optional().catch(undefined),
});
const optionalDate = crossrefDate.optional().catch(undefined);
const updateEntry = z.object({ DOI: z.string(), type: z.string(), updated: optionalDate });
const noticeWork = z.object({
  DOI: z.string().optional().catch(undefined),
  'update-to': z.array(z.unknown()),
  published: optionalDate,
  issued: optionalDate,
  created: optionalDate,
});
const workList = z.object({ message: z.object({ items: z.array(z.unknown()) }) });
const singleWork = z.object({
  message: z.object({
    DOI: z.string(),
    'updated-by': z.array(z.unknown()).optional().catch(undefined),
  }),
});

type CrossrefDate = z.infer<typeof crossrefDate>;

/**
 * A DOI in the form Rounds compares and stores it: bare, lower-cased (DOIs are case-insensitive),
 * from `https://doi.org/…`, `doi:…` or a URL-encoded copy. Null when the value is not a DOI.
 * Unlike the library's `normalizeDoi` it keeps every digit of a medRxiv number.
 */
export function comparableDoi(value: string): string | null {
  let text = value.trim();
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A stray "%" is left as it is; the shape check below decides.
    }
  }
  const doi = text.replace(DOI_PREFIX, '').trim().toLowerCase();
  return DOI_SHAPE.test(doi) ? doi : null;
}

/**
 * The notices about `doi` in Crossref's answer to `/works?filter=updates:<doi>` (or, read the
 * other way round, to `/works/<doi>`). Never throws: an answer it cannot read gives no notices,
 * so a caller that must tell "none" from "unreadable" uses {@link readCrossrefNotices}.
 */
export function noticesFromCrossref(doi: string, body: unknown): EditorialNotice[] {
  return readCrossrefNotices(doi, body) ?? [];
}

/**
 * Like {@link noticesFromCrossref}, but null when the answer is not a Crossref work list (or
 * work), or `doi` is not a DOI. Items and entries that are malformed, about another paper or of
 * a kind that does not matter are skipped; a notice that both the publisher and Retraction Watch
 * report is kept once.
 */
export function readCrossrefNotices(doi: string, body: unknown): EditorialNotice[] | null {
  const wanted = comparableDoi(doi);
  if (wanted === null) return null;
  const list = workList.safeParse(body);
  if (list.success) {
    const notices: EditorialNotice[] = [];
    for (const rawItem of list.data.message.items) {
      const item = noticeWork.safeParse(rawItem);
      if (!item.success) continue;
      const noticeDoi = item.data.DOI === undefined ? null : comparableDoi(item.data.DOI);
      const fallbackDate =
        isoDateOf(item.data.published) ??
        isoDateOf(item.data.issued) ??
        isoDateOf(item.data.created);
      for (const rawEntry of item.data['update-to']) {
        const notice = noticeOf(rawEntry, wanted, () => noticeDoi, fallbackDate);
        if (notice !== null) notices.push(notice);
      }
    }
    return withoutRepeats(notices);
  }
  const work = singleWork.safeParse(body);
  if (!work.success) return null;
  if (comparableDoi(work.data.message.DOI) !== wanted) return [];
  const notices: EditorialNotice[] = [];
  for (const rawEntry of work.data.message['updated-by'] ?? []) {
    // In `updated-by` the entry's DOI is the notice's, and the paper is the work itself.
    const notice = noticeOf(rawEntry, null, (entryDoi) => entryDoi, null);
    if (notice !== null) notices.push(notice);
  }
  return withoutRepeats(notices);
}

/**
 * The notice one update entry stands for, or null. With `wanted`, the entry must name that paper
 * (an `update-to` entry); without, it names the notice (an `updated-by` entry).
 */
function noticeOf(
  rawEntry: unknown,
  wanted: string | null,
  noticeDoiOf: (entryDoi: string | null) => string | null,
  fallbackDate: string | null,
): EditorialNotice | null {
  const entry = updateEntry.safeParse(rawEntry);
  if (!entry.success) return null;
  const entryDoi = comparableDoi(entry.data.DOI);
  if (wanted !== null && entryDoi !== wanted) return null;
  const kind = kindOfUpdateType(entry.data.type);
  if (kind === null) return null;
  return {
    kind,
    noticeDoi: noticeDoiOf(entryDoi),
    date: isoDateOf(entry.data.updated) ?? fallbackDate,
    source: 'crossref',
  };
}

function kindOfUpdateType(type: string): RetractionKind | null {
  const key = type
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return Object.hasOwn(KIND_OF_UPDATE_TYPE, key) ? (KIND_OF_UPDATE_TYPE[key] ?? null) : null;
}

/** `2024-06-27` from `date-time`, else as much of `date-parts` as is known; null for neither. */
function isoDateOf(date: CrossrefDate | undefined): string | null {
  if (date === undefined) return null;
  const fromTime = /^(\d{4}-\d{2}-\d{2})T/.exec(date['date-time'] ?? '')?.[1];
  if (fromTime !== undefined) return fromTime;
  const [year, month, day] = date['date-parts']?.[0] ?? [];
  if (!isWhole(year, 1000, 9999)) return null;
  if (!isWhole(month, 1, 12)) return String(year);
  const yearMonth = `${year}-${pad(month)}`;
  return isWhole(day, 1, 31) ? `${yearMonth}-${pad(day)}` : yearMonth;
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** One notice per kind and notice DOI, in order of appearance, keeping the first known date. */
function withoutRepeats(notices: EditorialNotice[]): EditorialNotice[] {
  const kept = new Map<string, EditorialNotice>();
  for (const notice of notices) {
    const key = `${notice.kind} ${notice.noticeDoi ?? ''}`;
    const earlier = kept.get(key);
    if (earlier === undefined) kept.set(key, notice);
    else if (earlier.date === null && notice.date !== null)
      kept.set(key, { ...earlier, date: notice.date });
  }
  return [...kept.values()];
}

/**
 * The notice to show first: the most severe kind ({@link RETRACTION_KINDS}), and of two of that
 * kind the latest (undated ones last). Null when there is none.
 */
export function mostSevere(notices: readonly EditorialNotice[]): EditorialNotice | null {
  let chosen: EditorialNotice | null = null;
  for (const notice of notices) {
    if (chosen === null || outranks(notice, chosen)) chosen = notice;
  }
  return chosen;
}

function outranks(notice: EditorialNotice, other: EditorialNotice): boolean {
  const severity = RETRACTION_KINDS.indexOf(notice.kind);
  const otherSeverity = RETRACTION_KINDS.indexOf(other.kind);
  if (severity !== otherSeverity) return severity < otherSeverity;
  if (notice.date === null) return false;
  return other.date === null || notice.date > other.date;
}

/**
 * Whether a notice of this kind holds back sharing until the user acknowledges it. Every kind
 * does: the issue names retracted, withdrawn and corrected papers, and an expression of concern
 * is graver than a correction. A correction is often minor, but only a reader can judge whether
 * it touches the result being shared; acknowledging takes one click. The kinds differ in how
 * they are worded and ordered ({@link mostSevere}), not in whether they stop an export.
 */
export function blocksSharing(kind: RetractionKind): boolean {
  return RETRACTION_KINDS.includes(kind);
}
