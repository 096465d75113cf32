// Test support only: the `annotations` service for the renderer's fake backend
// (renderer/src/testing/fakeBackend.ts), kept in memory. It follows the contract's comments as
// AnnotationsMainService does, built from the same shared pieces (tags, meanings, exports,
// import merge), so the window is tested against the behaviour it will meet.
import {
  channelOf,
  type AnnotationImport,
  type ExportedFile,
  type ItemDetail,
} from '@shared/contract';
import { normalizeTags, paperSource, type Annotation } from '@shared/domain/annotations/annotation';
import type { StoredNote } from '@shared/domain/annotations/annotationDocuments';
import {
  annotationsMarkdown,
  paperAnnotationsMarkdown,
  type AnnotatedPaper,
} from '@shared/domain/annotations/annotationsMarkdown';
import {
  resolveHighlightMeanings,
  type HighlightColourId,
} from '@shared/domain/annotations/highlightColours';
import {
  mergeAnnotations,
  parseWebAnnotations,
  toAnnotationCollection,
} from '@shared/domain/annotations/webAnnotationJsonLd';
import {
  exportBlockedMessage,
  findingsToResolve,
  type KeptFinding,
} from '@shared/domain/guard/exportGuard';
import { annotationExportParts } from '@shared/domain/guard/exportParts';
import { readNoteEnvelope, type NoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { notePlainText } from '@shared/domain/notes/notePlainText';

/** What the fake keeps: highlights in the order made, notes, and the user's meanings. */
export interface FakeAnnotations {
  annotations: Annotation[];
  notes: StoredNote[];
  /** Tags on whole papers, by item id. */
  paperTags?: Record<string, string[]>;
  meaningEdits: Partial<Record<HighlightColourId, string>>;
}

/** A failure the contract declares; the fake backend answers it as `fail(code, message)`. */
export class FakeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fake's clock: every change is stamped with this time. */
export const FAKE_NOW = '2024-05-01T12:00:00.000Z';

type Handler = (args: Record<string, unknown>) => unknown;

function paperOf(item: ItemDetail): AnnotatedPaper {
  return {
    title: item.title,
    authors: item.authors,
    journal: item.journal,
    publishedAt: item.publishedAt,
    doi: item.paperIds.doi,
    link: item.link,
  };
}

/** The annotations service's channels over `library.annotations` (created when first needed). */
export function annotationHandlers(library: {
  items: ItemDetail[];
  annotations?: FakeAnnotations;
}): [string, Handler][] {
  const store = (): FakeAnnotations =>
    (library.annotations ??= { annotations: [], notes: [], meaningEdits: {} });
  const meanings = () => resolveHighlightMeanings(store().meaningEdits);
  const itemOf = (itemId: string) => library.items.find((item) => item.id === itemId);
  const requireItem = (itemId: string): ItemDetail => {
    const item = itemOf(itemId);
    if (!item) throw new FakeFailure('not-found', 'That paper is no longer in your library.');
    return item;
  };
  const papers = (itemId: string | undefined) => {
    const ids =
      itemId === undefined
        ? [...new Set(store().annotations.map((annotation) => annotation.itemId))]
        : [itemId];
    return ids.flatMap((id) => {
      const item = itemOf(id);
      const annotations = store().annotations.filter((annotation) => annotation.itemId === id);
      return item && annotations.length > 0 ? [{ item, annotations }] : [];
    });
  };
  // The privacy guard as AnnotationsMainService runs it, on the same highlights the file holds.
  const findingsIn = (found: ReturnType<typeof papers>, kept: readonly KeptFinding[]) =>
    findingsToResolve(
      annotationExportParts(
        found.map(({ item, annotations }) => ({ title: item.title, annotations })),
      ),
      kept,
    );
  const requireGuardPassed = (found: ReturnType<typeof papers>, kept: unknown) => {
    const findings = findingsIn(found, (kept as KeptFinding[] | undefined) ?? []);
    if (findings.length > 0) throw new FakeFailure('blocked', exportBlockedMessage(findings));
  };
  const fileName = (subject: string, extension: string) =>
    `highlights-${subject.toLowerCase().replace(/[^a-z\d]+/g, '-')}.${extension}`;

  return [
    [
      channelOf('annotations', 'forItem'),
      ({ itemId }) => ({
        itemId,
        annotations: store().annotations.filter((annotation) => annotation.itemId === itemId),
        notes: store().notes.filter((note) => note.itemId === itemId),
        paperTags: store().paperTags?.[itemId as string] ?? [],
        meanings: meanings(),
      }),
    ],
    [
      channelOf('annotations', 'setPaperTags'),
      ({ itemId, tags }) => {
        requireItem(itemId as string);
        const tidy = normalizeTags(tags as string[]);
        store().paperTags = { ...store().paperTags, [itemId as string]: tidy };
        return { itemId, tags: tidy };
      },
    ],
    [
      channelOf('annotations', 'save'),
      ({ annotation }) => {
        const incoming = annotation as Annotation;
        requireItem(incoming.itemId);
        const list = store().annotations;
        const existing = list.find((entry) => entry.id === incoming.id);
        const saved: Annotation = {
          ...incoming,
          tags: normalizeTags(incoming.tags),
          note: existing?.note ?? '',
          noteId: existing?.noteId ?? null,
          createdAt: existing?.createdAt ?? incoming.createdAt,
          updatedAt: FAKE_NOW,
        };
        if (existing) list[list.indexOf(existing)] = saved;
        else list.push(saved);
        return saved;
      },
    ],
    [
      channelOf('annotations', 'remove'),
      ({ id }) => {
        const data = store();
        if (!data.annotations.some((entry) => entry.id === id)) {
          throw new FakeFailure('not-found', 'That highlight is no longer there.');
        }
        data.annotations = data.annotations.filter((entry) => entry.id !== id);
        data.notes = data.notes.filter((note) => note.annotationId !== id);
        return { id };
      },
    ],
    [
      channelOf('annotations', 'saveNote'),
      ({ itemId, annotationId, envelope }) => {
        const checked = readNoteEnvelope(envelope);
        if (!checked.ok) throw new FakeFailure('invalid-note', checked.message);
        const data = store();
        const highlight = data.annotations.find((entry) => entry.id === annotationId);
        if (annotationId !== null && highlight?.itemId !== itemId) {
          throw new FakeFailure('not-found', 'That highlight is no longer there.');
        }
        requireItem(itemId as string);
        const plainText = notePlainText(checked.envelope.editorState);
        const existing = data.notes.find(
          (note) => note.itemId === itemId && note.annotationId === annotationId,
        );
        const note: StoredNote = {
          id: existing?.id ?? crypto.randomUUID(),
          itemId: itemId as string,
          annotationId: annotationId as string | null,
          envelope: { ...(checked.envelope as NoteEnvelope), plainText, updatedAt: FAKE_NOW },
        };
        data.notes = [...data.notes.filter((entry) => entry !== existing), note];
        if (highlight) {
          data.annotations = data.annotations.map((entry) =>
            entry === highlight ? { ...entry, note: plainText, noteId: note.id } : entry,
          );
        }
        return note;
      },
    ],
    [channelOf('annotations', 'meanings'), () => meanings()],
    [
      channelOf('annotations', 'setMeanings'),
      ({ meanings: edits }) => {
        store().meaningEdits = { ...(edits as FakeAnnotations['meaningEdits']) };
        return meanings();
      },
    ],
    [
      channelOf('annotations', 'exportFindings'),
      ({ itemId }) => {
        const found = papers(itemId as string | undefined);
        if (found.length === 0) throw new FakeFailure('not-found', 'Nothing to export.');
        return findingsIn(found, []);
      },
    ],
    [
      channelOf('annotations', 'exportMarkdown'),
      ({ itemId, groupBy = 'colour', kept }): ExportedFile => {
        const found = papers(itemId as string | undefined);
        if (found.length === 0) throw new FakeFailure('not-found', 'Nothing to export.');
        requireGuardPassed(found, kept);
        const options = { groupBy: groupBy as 'colour' | 'position', meanings: meanings() };
        const single = itemId === undefined ? undefined : found[0];
        const text = single
          ? paperAnnotationsMarkdown(paperOf(single.item), single.annotations, options)
          : annotationsMarkdown(
              found.map(({ item, annotations }) => ({ paper: paperOf(item), annotations })),
              { ...options, title: 'Highlights and notes' },
            );
        return {
          fileName: fileName(single?.item.title ?? 'all papers', 'md'),
          mediaType: 'text/markdown',
          text,
        };
      },
    ],
    [
      channelOf('annotations', 'exportWebAnnotations'),
      ({ itemId, kept }): ExportedFile => {
        const found = papers(itemId as string | undefined);
        if (found.length === 0) throw new FakeFailure('not-found', 'Nothing to export.');
        requireGuardPassed(found, kept);
        const collection = toAnnotationCollection(
          found.flatMap(({ annotations }) => annotations),
          {
            id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
            label: 'Highlights',
            meanings: meanings(),
            // As AnnotationsMainService does: a highlight on a PDF names its paper as its scope.
            scopeOf: (annotation) => {
              const paper = library.items.find((entry) => entry.id === annotation.itemId);
              return paper === undefined
                ? null
                : paperSource({ doi: paper.paperIds.doi, link: paper.link, itemId: paper.id });
            },
          },
        );
        return {
          fileName: fileName(itemId === undefined ? 'all papers' : found[0]!.item.title, 'jsonld'),
          mediaType: 'application/ld+json',
          text: JSON.stringify(collection),
        };
      },
    ],
    [
      channelOf('annotations', 'importWebAnnotations'),
      ({ text }): AnnotationImport => {
        const data = store();
        const parsed = parseWebAnnotations(text as string, {
          meanings: meanings(),
          now: FAKE_NOW,
          newId: () => crypto.randomUUID(),
          itemIdForSource: (source) =>
            library.items.find(
              (item) =>
                item.link === source ||
                (item.paperIds.doi !== null && source.endsWith(item.paperIds.doi)),
            )?.id ?? null,
        });
        if (!parsed.ok) throw new FakeFailure('invalid-file', parsed.message);
        const merged = mergeAnnotations(data.annotations, parsed.annotations);
        data.annotations = merged.annotations;
        return {
          added: merged.added,
          updated: merged.updated,
          unchanged: merged.unchanged,
          problems: parsed.problems,
        };
      },
    ],
  ];
}
