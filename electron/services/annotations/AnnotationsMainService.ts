import { randomUUID } from 'node:crypto';
import {
  type annotationsContract,
  type ExportedFile,
  fail,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import { normalizeTags, paperSource } from '@shared/domain/annotations/annotation';
import {
  type AnnotatedPaper,
  annotationsMarkdown,
  paperAnnotationsMarkdown,
} from '@shared/domain/annotations/annotationsMarkdown';
import {
  type HighlightMeanings,
  resolveHighlightMeanings,
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
import type { ItemRecord } from '@shared/domain/library/libraryDocuments';
import { readNoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { notePlainText } from '@shared/domain/notes/notePlainText';
import type { Clock } from '../feeds/ports';
import type { LibraryStore } from '../library/LibraryStore';
import type { AnnotationStore } from './AnnotationStore';

type AnnotationsService = ServiceImplementation<typeof annotationsContract>;

const GONE = 'That paper is no longer in your library.';
const NO_HIGHLIGHT = 'That highlight is no longer there.';
const NOTHING_ANNOTATED = 'There are no highlights or notes to export yet.';

/** Told which items' highlights or notes changed, so search finds what they say. */
export interface AnnotationChangeListener {
  annotationsChanged(itemIds: readonly string[]): void;
}

/**
 * Highlights, notes and exports. The window anchors highlights in the paper's text (it has the
 * rendered text); this service keeps them, checks what comes in, and tells the search index.
 */
export class AnnotationsMainService implements AnnotationsService {
  private readonly annotations: AnnotationStore;
  private readonly library: Pick<LibraryStore, 'recordOf' | 'itemIdForSource'>;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly listener: AnnotationChangeListener;

  constructor(dependencies: {
    annotations: AnnotationStore;
    library: Pick<LibraryStore, 'recordOf' | 'itemIdForSource'>;
    clock: Clock;
    changes: AnnotationChangeListener;
    newId?: () => string;
  }) {
    this.annotations = dependencies.annotations;
    this.library = dependencies.library;
    this.clock = dependencies.clock;
    this.listener = dependencies.changes;
    this.newId = dependencies.newId ?? randomUUID;
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly forItem: AnnotationsService['forItem'] = async ({ itemId }) =>
    ok({ itemId, ...this.annotations.forItem(itemId), meanings: this.currentMeanings() });

  readonly save: AnnotationsService['save'] = async ({ annotation }) => {
    if (!(await this.library.recordOf(annotation.itemId))) return fail('not-found', GONE);
    const existing = this.annotations.annotation(annotation.id);
    const saved: Annotation = {
      ...annotation,
      tags: normalizeTags(annotation.tags),
      // The note is the note's: only saveNote changes it.
      note: existing?.note ?? '',
      noteId: existing?.noteId ?? null,
      createdAt: existing?.createdAt ?? annotation.createdAt,
      updatedAt: this.now(),
    };
    await this.annotations.putAnnotations([saved]);
    this.listener.annotationsChanged([saved.itemId]);
    return ok(saved);
  };

  readonly remove: AnnotationsService['remove'] = async ({ id }) => {
    const removed = await this.annotations.removeAnnotation(id);
    if (!removed) return fail('not-found', NO_HIGHLIGHT);
    this.listener.annotationsChanged([removed.itemId]);
    return ok({ id });
  };

  readonly saveNote: AnnotationsService['saveNote'] = async ({
    itemId,
    annotationId,
    envelope,
  }) => {
    const checked = readNoteEnvelope(envelope);
    if (!checked.ok) return fail('invalid-note', checked.message);
    const highlight = annotationId === null ? undefined : this.annotations.annotation(annotationId);
    if (annotationId !== null && highlight?.itemId !== itemId)
      return fail('not-found', NO_HIGHLIGHT);
    if (!(await this.library.recordOf(itemId))) return fail('not-found', GONE);
    // What search indexes is what the note says, not what the window claims it says.
    const plainText = notePlainText(checked.envelope.editorState);
    const existing = this.annotations.noteFor(itemId, annotationId);
    const note = {
      id: existing?.id ?? this.newId(),
      itemId,
      annotationId,
      envelope: { ...checked.envelope, plainText, updatedAt: this.now() },
    };
    await this.annotations.putNote(note);
    if (highlight) {
      await this.annotations.putAnnotations([
        { ...highlight, note: plainText, noteId: note.id, updatedAt: note.envelope.updatedAt },
      ]);
    }
    this.listener.annotationsChanged([itemId]);
    return ok(note);
  };

  readonly setPaperTags: AnnotationsService['setPaperTags'] = async ({ itemId, tags }) => {
    if (!(await this.library.recordOf(itemId))) return fail('not-found', GONE);
    const tidy = normalizeTags(tags);
    await this.annotations.putPaperTags(itemId, tidy);
    this.listener.annotationsChanged([itemId]);
    return ok({ itemId, tags: tidy });
  };

  readonly meanings: AnnotationsService['meanings'] = async () => ok(this.currentMeanings());

  readonly setMeanings: AnnotationsService['setMeanings'] = async ({ meanings }) => {
    await this.annotations.saveMeaningEdits(meanings);
    return ok(this.currentMeanings());
  };

  readonly exportFindings: AnnotationsService['exportFindings'] = async ({ itemId }) => {
    const papers = await this.annotatedPapers(itemId);
    if (papers.length === 0) return fail('not-found', itemId ? GONE : NOTHING_ANNOTATED);
    return ok(findingsToResolve(guardedParts(papers), []));
  };

  readonly exportMarkdown: AnnotationsService['exportMarkdown'] = async ({
    itemId,
    groupBy,
    kept,
  }) => {
    const papers = await this.annotatedPapers(itemId);
    if (papers.length === 0) return fail('not-found', itemId ? GONE : NOTHING_ANNOTATED);
    const refusal = guardRefusal(papers, kept);
    if (refusal !== null) return fail('blocked', refusal);
    const options = { groupBy, meanings: this.currentMeanings() };
    const single = papers.length === 1 && itemId !== undefined ? papers[0] : undefined;
    const text = single
      ? paperAnnotationsMarkdown(single.paper, single.annotations, options)
      : annotationsMarkdown(papers, { ...options, title: 'Highlights and notes' });
    return ok(this.file(single?.paper.title ?? 'all papers', 'md', 'text/markdown', text));
  };

  readonly exportWebAnnotations: AnnotationsService['exportWebAnnotations'] = async ({
    itemId,
    kept,
  }) => {
    const papers = await this.annotatedPapers(itemId);
    if (papers.length === 0) return fail('not-found', itemId ? GONE : NOTHING_ANNOTATED);
    const refusal = guardRefusal(papers, kept);
    if (refusal !== null) return fail('blocked', refusal);
    // A highlight on a PDF names the file; its paper goes with it, so another library finds it.
    const paperAddresses = new Map(
      papers.flatMap(({ paper, annotations }) =>
        annotations.map(
          (annotation) =>
            [annotation.id, paperSource({ ...paper, itemId: annotation.itemId })] as const,
        ),
      ),
    );
    const collection = toAnnotationCollection(
      papers.flatMap((paper) => paper.annotations),
      {
        id: `urn:uuid:${this.newId()}`,
        label: itemId ? `Highlights on ${papers[0]?.paper.title ?? ''}` : 'Highlights from Rounds',
        meanings: this.currentMeanings(),
        scopeOf: (annotation) => paperAddresses.get(annotation.id) ?? null,
      },
    );
    const name = itemId ? (papers[0]?.paper.title ?? 'paper') : 'all papers';
    return ok(
      this.file(name, 'jsonld', 'application/ld+json', `${JSON.stringify(collection, null, 2)}\n`),
    );
  };

  readonly importWebAnnotations: AnnotationsService['importWebAnnotations'] = async ({ text }) => {
    // The parser asks for each paper synchronously; the library answers asynchronously. So a
    // first reading collects the papers the file names, and a second maps them to items.
    const named = new Set<string>();
    const options = {
      meanings: this.currentMeanings(),
      now: this.now(),
      newId: this.newId,
    };
    const first = parseWebAnnotations(text, {
      ...options,
      itemIdForSource: (source) => {
        named.add(source);
        return null;
      },
    });
    if (!first.ok) return fail('invalid-file', first.message);
    const items = new Map<string, string>();
    for (const source of named) {
      const itemId = await this.library.itemIdForSource(source);
      if (itemId !== undefined) items.set(source, itemId);
    }
    const parsed = parseWebAnnotations(text, {
      ...options,
      itemIdForSource: (source) => items.get(source) ?? null,
    });
    if (!parsed.ok) return fail('invalid-file', parsed.message);
    const existing = this.annotations.all();
    const merged = mergeAnnotations(existing, parsed.annotations);
    const before = new Map(existing.map((annotation) => [annotation.id, annotation]));
    const changed = merged.annotations.filter(
      (annotation) => before.get(annotation.id) !== annotation,
    );
    await this.annotations.putAnnotations(changed);
    this.listener.annotationsChanged([...new Set(changed.map((annotation) => annotation.itemId))]);
    return ok({
      added: merged.added,
      updated: merged.updated,
      unchanged: merged.unchanged,
      problems: parsed.problems,
    });
  };

  private currentMeanings(): HighlightMeanings {
    return resolveHighlightMeanings(this.annotations.meaningEdits());
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** The papers with highlights (one, or all), each with its highlights in the order made. */
  private async annotatedPapers(itemId: string | undefined): Promise<PaperHighlights[]> {
    const ids = itemId === undefined ? this.annotations.annotatedItemIds() : [itemId];
    const papers: PaperHighlights[] = [];
    for (const id of ids) {
      const record = await this.library.recordOf(id);
      const { annotations } = this.annotations.forItem(id);
      if (!record || annotations.length === 0) continue;
      papers.push({ paper: paperOf(record), annotations });
    }
    return papers;
  }

  private file(
    subject: string,
    extension: 'md' | 'jsonld',
    mediaType: ExportedFile['mediaType'],
    text: string,
  ): ExportedFile {
    const slug =
      subject
        .normalize('NFKD')
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .toLowerCase() || 'paper';
    const day = this.now().slice(0, 10);
    return { fileName: `highlights-${slug}-${day}.${extension}`, mediaType, text };
  }
}

type PaperHighlights = { paper: AnnotatedPaper; annotations: Annotation[] };

/** The free text an export of these papers carries, part by part (titles and authors are not). */
function guardedParts(papers: readonly PaperHighlights[]) {
  return annotationExportParts(
    papers.map(({ paper, annotations }) => ({ title: paper.title, annotations })),
  );
}

/**
 * Why the privacy guard stops this export, or null when every finding was kept. It runs on the
 * very highlights the file is then built from, so nothing reaches the file unscanned.
 */
function guardRefusal(
  papers: readonly PaperHighlights[],
  kept: readonly KeptFinding[],
): string | null {
  const findings = findingsToResolve(guardedParts(papers), kept);
  return findings.length === 0 ? null : exportBlockedMessage(findings);
}

function paperOf(record: ItemRecord): AnnotatedPaper {
  return {
    title: record.title,
    authors: record.authors,
    journal: record.journal,
    publishedAt: record.publishedAt,
    doi: record.paperIds.doi,
    link: record.link,
  };
}
