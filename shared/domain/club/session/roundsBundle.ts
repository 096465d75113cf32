import * as Y from 'yjs';
import { z } from 'zod';
import { jsonTextNestsDeeperThan, utf8ByteLength } from '../../json/jsonLimits';
import { decodeBase64, encodeBase64 } from './base64';
import { applyUpdate, encodeState, sessionIdOf } from './sessionDocument';
import { readSession } from './sessionSnapshot';
import { itemIdSchema, sessionMetadataSchema, type SessionMetadata } from './sessionValues';

// A `.rounds` file: one session, exchanged by mail, USB or a shared folder. It is one UTF-8 JSON
// document; the Yjs update and any PDFs are base64 strings inside it (a third larger than raw
// bytes, but one self-describing text file that any mailer carries and zod can check as a whole).
// Importing validates everything, then tries the update on a scratch document, and only then
// merges it into the member's own document: a bundle that fails any step changes nothing.

export const ROUNDS_BUNDLE_FORMAT = 'rounds.session-bundle';
/** Raised when a change would make older versions misread a bundle; they then refuse it. */
export const ROUNDS_BUNDLE_VERSION = 1;
/** The largest bundle imported, in bytes of the file (UTF-8 JSON, base64 included). */
export const MAX_ROUNDS_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_PAPERS = 20;
const MAX_CONTENT_LENGTH = 8 * 1024 * 1024;
const MAX_JSON_DEPTH = 16;

/** A paper as a bundle carries it: enough to show and read it on a machine that lacks it. */
export interface BundlePaper {
  paperId: string;
  doi: string | null;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  /** The stored readable text (sanitised HTML or plain text), if this machine had it. */
  content: { format: 'html' | 'text'; body: string } | null;
  /** Only in a bundle exported with PDFs. */
  pdf: { fileName: string; bytes: Uint8Array } | null;
}

export interface RoundsBundle {
  sessionId: string;
  exportedAt: string;
  /** A copy of the metadata in the update, for showing what is being imported. */
  metadata: SessionMetadata;
  papers: BundlePaper[];
  /** The whole session document as one Yjs update. */
  update: Uint8Array;
}

export type BundleProblem =
  'too-large' | 'newer-version' | 'not-a-bundle' | 'damaged' | 'other-session';
export interface BundleFailure {
  ok: false;
  problem: BundleProblem;
  /** For the user, as is. */
  message: string;
}
export type ParsedRoundsBundle = { ok: true; bundle: RoundsBundle } | BundleFailure;
export type ImportedRoundsBundle =
  | {
      ok: true;
      bundle: RoundsBundle;
      /** False when the document already held all of it. */ changed: boolean;
    }
  | BundleFailure;

const paperOnDiskSchema = z.object({
  paperId: itemIdSchema.max(256),
  doi: z.string().min(1).max(256).nullable(),
  title: z.string().max(2_000),
  authors: z.array(z.string().max(500)).max(2_000),
  journal: z.string().max(500).nullable(),
  year: z.number().int().min(1000).max(9999).nullable(),
  content: z
    .object({ format: z.enum(['html', 'text']), body: z.string().max(MAX_CONTENT_LENGTH) })
    .nullable(),
  pdf: z
    .object({
      fileName: z.string().min(1).max(255),
      byteLength: z.number().int().nonnegative(),
      base64: z.string(),
    })
    .nullable(),
});

// Unknown keys are ignored rather than refused: a later version that only adds fields keeps the
// version number, and this one still reads what it understands.
const envelopeSchema = z.object({
  format: z.literal(ROUNDS_BUNDLE_FORMAT),
  version: z.literal(ROUNDS_BUNDLE_VERSION),
  sessionId: itemIdSchema,
  exportedAt: z.iso.datetime(),
  session: sessionMetadataSchema,
  papers: z.array(paperOnDiskSchema).max(MAX_PAPERS),
  yjsUpdate: z.string().min(1),
});

function failure(problem: BundleProblem, message: string): BundleFailure {
  return { ok: false, problem, message };
}

function damaged(what: string): BundleFailure {
  return failure('damaged', `This bundle is damaged: ${what}. Ask for it to be exported again.`);
}

/** The bundle as a `.rounds` file's text. Throws when the document has no session id. */
export function exportRoundsBundle(
  doc: Y.Doc,
  options: { papers: BundlePaper[]; exportedAt: string },
): string {
  const sessionId = sessionIdOf(doc);
  if (sessionId === null) throw new Error('Only a session document (with its id) can be exported.');
  const envelope: z.input<typeof envelopeSchema> = {
    format: ROUNDS_BUNDLE_FORMAT,
    version: ROUNDS_BUNDLE_VERSION,
    sessionId,
    exportedAt: options.exportedAt,
    session: readSession(doc).snapshot.metadata,
    papers: options.papers.map(({ pdf, ...paper }) => ({
      ...paper,
      pdf: pdf && {
        fileName: pdf.fileName,
        byteLength: pdf.bytes.length,
        base64: encodeBase64(pdf.bytes),
      },
    })),
    yjsUpdate: encodeBase64(encodeState(doc)),
  };
  return JSON.stringify(envelope);
}

/** Refuses a file by its size alone, so the caller need not read a huge file to refuse it. */
export function checkRoundsBundleSize(byteLength: number): BundleFailure | null {
  if (byteLength <= MAX_ROUNDS_BUNDLE_BYTES) return null;
  const megabytes = Math.ceil((byteLength / (1024 * 1024)) * 10) / 10;
  return failure(
    'too-large',
    `This bundle is ${megabytes.toFixed(1)} MB; Rounds imports bundles of at most ${MAX_ROUNDS_BUNDLE_BYTES / (1024 * 1024)} MB. Ask for it to be exported without PDFs.`,
  );
}

/** Reads and checks a `.rounds` file's text completely, touching no document but a scratch one. */
export function parseRoundsBundle(text: string): ParsedRoundsBundle {
  // Every UTF-16 unit is at least one UTF-8 byte: a text too long in units is refused uncounted.
  const tooLarge =
    checkRoundsBundleSize(text.length) ?? checkRoundsBundleSize(utf8ByteLength(text));
  if (tooLarge) return tooLarge;
  if (jsonTextNestsDeeperThan(text, MAX_JSON_DEPTH)) return damaged('it is nested too deeply');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return damaged('it is not valid JSON (it may have been cut short)');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return notABundle();
  const { format, version } = raw as Record<string, unknown>;
  if (format !== ROUNDS_BUNDLE_FORMAT) return notABundle();
  if (typeof version === 'number' && Number.isInteger(version) && version > ROUNDS_BUNDLE_VERSION) {
    return failure(
      'newer-version',
      `This bundle was made by a newer version of Rounds (bundle format ${version}; this version reads format ${ROUNDS_BUNDLE_VERSION}). Update Rounds to import it.`,
    );
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return damaged(`${issue?.path.join('.') || 'the envelope'}: ${issue?.message ?? 'invalid'}`);
  }
  const envelope = parsed.data;

  const papers: BundlePaper[] = [];
  for (const { pdf, ...paper } of envelope.papers) {
    if (pdf === null) {
      papers.push({ ...paper, pdf: null });
      continue;
    }
    const bytes = decodeBase64(pdf.base64);
    if (bytes === null) return damaged(`the PDF of “${paper.title}” is not valid base64`);
    if (bytes.length !== pdf.byteLength)
      return damaged(`the PDF of “${paper.title}” is incomplete`);
    papers.push({ ...paper, pdf: { fileName: pdf.fileName, bytes } });
  }

  const update = decodeBase64(envelope.yjsUpdate);
  if (update === null) return damaged('its session data is not valid base64');
  const scratchProblem = tryOnScratchDocument(update, envelope.sessionId);
  if (scratchProblem) return scratchProblem;

  return {
    ok: true,
    bundle: {
      sessionId: envelope.sessionId,
      exportedAt: envelope.exportedAt,
      metadata: envelope.session,
      papers,
      update,
    },
  };
}

function notABundle(): BundleFailure {
  return failure('not-a-bundle', 'This file is not a Rounds session bundle (.rounds).');
}

function tryOnScratchDocument(update: Uint8Array, sessionId: string): BundleFailure | null {
  const scratch = new Y.Doc();
  try {
    applyUpdate(scratch, update);
  } catch {
    return damaged('its session data cannot be read');
  }
  // Yjs keeps, rather than refuses, changes whose history it lacks; a bundle must carry it all.
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return damaged('its session data is incomplete');
  }
  try {
    if (readSession(scratch).snapshot.sessionId !== sessionId) {
      return damaged('its session data belongs to another session than its envelope names');
    }
  } catch {
    return damaged('its session data cannot be read');
  } finally {
    scratch.destroy();
  }
  return null;
}

/**
 * Merges a `.rounds` file into a session document (a fresh Y.Doc for a session this machine does
 * not have). Merging is a Yjs update: nobody's work is replaced, the same bundle twice changes
 * nothing, and bundles merge to the same document in any order. On failure the document is as it was.
 */
export function importRoundsBundle(doc: Y.Doc, text: string): ImportedRoundsBundle {
  const parsed = parseRoundsBundle(text);
  if (!parsed.ok) return parsed;
  const { bundle } = parsed;
  const ownId = sessionIdOf(doc);
  if (ownId !== null && ownId !== bundle.sessionId) {
    return failure(
      'other-session',
      `This bundle is for another session (“${bundle.metadata.title}”), not this one.`,
    );
  }
  // Yjs emits 'update' only for a transaction that added or deleted something; a deletion adds
  // nothing to the state vector, so comparing state vectors would miss it.
  let changed = false;
  const noteChange = (): void => {
    changed = true;
  };
  doc.on('update', noteChange);
  try {
    applyUpdate(doc, bundle.update, ROUNDS_BUNDLE_FORMAT);
  } finally {
    doc.off('update', noteChange);
  }
  return { ok: true, bundle, changed };
}
