import { join } from 'node:path';
import type { StorageNotice } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import {
  type AnnotationSettingsDocument,
  type AnnotationShardDocument,
  repairAnnotationSettings,
  repairAnnotationShard,
  type StoredNote,
} from '@shared/domain/annotations/annotationDocuments';
import type { HighlightColourId } from '@shared/domain/annotations/highlightColours';
import { LIBRARY_SCHEMA_VERSION } from '@shared/domain/library/libraryDocuments';
import type { AnnotationStore } from '../../services/annotations/AnnotationStore';
import type { LibraryDocument } from './LibraryDocument';
import { libraryDocumentFactory } from './libraryDocumentFactory';
import { createOwnerOnlyFolder } from './prepareLibraryFolders';
import { shardFileName } from './shardFileName';
import { shardNumberOf } from './shardNumberOf';

/**
 * Highlights and notes are sharded by item id, so saving one rewrites about 1/64 of them
 * whatever the library's size; a shard with a hundred annotated papers is still a few hundred KB.
 */
export const ANNOTATION_SHARD_COUNT = 64;

const DEFAULT_BACKUP_INTERVAL_MS = 5 * 60_000;

interface Shard {
  annotations: Map<string, Annotation>;
  notes: Map<string, StoredNote>;
  /** Tags on whole papers, by item id. */
  paperTags: Map<string, string[]>;
  document: LibraryDocument<AnnotationShardDocument>;
}

/**
 * The user's annotations as lowdb JSON documents in `<dataDir>/library/annotations/`
 * (`annotations-NN.json`, each holding the highlights and notes of the items hashed to it) and
 * `annotation-settings.json` (the colours' meanings). Only the user can make these, so each keeps a
 * last good copy in `backups/` and is restored from it when damaged, with a notice. All of it is
 * held in memory: a heavy user's tens of thousands of highlights are a few MB.
 */
export class LowdbAnnotationStore implements AnnotationStore {
  private readonly shards: Shard[];
  private readonly settings: LibraryDocument<AnnotationSettingsDocument>;
  private meanings: Partial<Record<HighlightColourId, string>> = {};
  private closing: Promise<void> | null = null;

  private constructor(libraryDir: string, now: () => Date) {
    const createDocument = libraryDocumentFactory({
      libraryDir,
      backupIntervalMs: DEFAULT_BACKUP_INTERVAL_MS,
      now,
    });
    this.shards = Array.from({ length: ANNOTATION_SHARD_COUNT }, (_, number) => {
      const shard: Shard = {
        annotations: new Map(),
        notes: new Map(),
        paperTags: new Map(),
        document: createDocument<AnnotationShardDocument>({
          relativePath: `annotations/${shardFileName('annotations', number, ANNOTATION_SHARD_COUNT)}`,
          subject: 'some of your highlights and notes',
          remedy: '',
          backup: 'last-good',
          repair: repairAnnotationShard,
          empty: () => ({
            schemaVersion: LIBRARY_SCHEMA_VERSION,
            annotations: [],
            notes: [],
            paperTags: [],
          }),
          serialize: () => ({
            schemaVersion: LIBRARY_SCHEMA_VERSION,
            annotations: [...shard.annotations.values()],
            notes: [...shard.notes.values()],
            paperTags: [...shard.paperTags].map(([itemId, tags]) => ({ itemId, tags })),
          }),
        }),
      };
      return shard;
    });
    this.settings = createDocument<AnnotationSettingsDocument>({
      relativePath: 'annotation-settings.json',
      subject: 'what your highlight colours mean',
      remedy: '',
      backup: 'last-good',
      repair: repairAnnotationSettings,
      empty: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, meanings: {} }),
      serialize: () => ({ schemaVersion: LIBRARY_SCHEMA_VERSION, meanings: this.meanings }),
      indent: 2,
    });
  }

  /**
   * Opens the annotations of the library in `<dataDir>/library/` (the caller holds the data
   * folder's lock). Damaged files are restored from their last good copy; the notices say so.
   */
  static async open(
    dataDir: string,
    options: { now?: () => Date } = {},
  ): Promise<{ store: LowdbAnnotationStore; notices: StorageNotice[] }> {
    const libraryDir = join(dataDir, 'library');
    // The library store prepares these too; opened alone (tools, tests), this one does.
    for (const folder of ['', 'annotations', 'backups', 'backups/annotations']) {
      await createOwnerOnlyFolder(join(libraryDir, folder));
    }
    const store = new LowdbAnnotationStore(libraryDir, options.now ?? (() => new Date()));
    const notices = await store.load();
    return { store, notices };
  }

  forItem(itemId: string): { annotations: Annotation[]; notes: StoredNote[]; paperTags: string[] } {
    const shard = this.shardOf(itemId);
    return {
      annotations: [...shard.annotations.values()].filter((entry) => entry.itemId === itemId),
      notes: [...shard.notes.values()].filter((note) => note.itemId === itemId),
      paperTags: [...(shard.paperTags.get(itemId) ?? [])],
    };
  }

  async putPaperTags(itemId: string, tags: readonly string[]): Promise<void> {
    this.assertOpen();
    const shard = this.shardOf(itemId);
    if (tags.length === 0) shard.paperTags.delete(itemId);
    else shard.paperTags.set(itemId, [...tags]);
    await shard.document.write();
  }

  annotation(id: string): Annotation | undefined {
    for (const shard of this.shards) {
      const found = shard.annotations.get(id);
      if (found) return found;
    }
    return undefined;
  }

  all(): Annotation[] {
    return this.shards.flatMap((shard) => [...shard.annotations.values()]);
  }

  annotatedItemIds(): string[] {
    const ids = new Set<string>();
    for (const shard of this.shards) {
      for (const annotation of shard.annotations.values()) ids.add(annotation.itemId);
      for (const note of shard.notes.values()) ids.add(note.itemId);
      for (const itemId of shard.paperTags.keys()) ids.add(itemId);
    }
    return [...ids];
  }

  async putAnnotations(annotations: readonly Annotation[]): Promise<void> {
    this.assertOpen();
    const touched = new Set<Shard>();
    for (const annotation of annotations) {
      // An annotation moved to another item (never done today) leaves its old shard too.
      for (const shard of this.shards) {
        if (shard.annotations.get(annotation.id)?.itemId !== annotation.itemId) {
          if (shard.annotations.delete(annotation.id)) touched.add(shard);
        }
      }
      const shard = this.shardOf(annotation.itemId);
      shard.annotations.set(annotation.id, annotation);
      touched.add(shard);
    }
    await Promise.all([...touched].map((shard) => shard.document.write()));
  }

  async removeAnnotation(id: string): Promise<Annotation | undefined> {
    this.assertOpen();
    const removed = this.annotation(id);
    if (!removed) return undefined;
    const shard = this.shardOf(removed.itemId);
    shard.annotations.delete(id);
    for (const [noteId, note] of shard.notes) {
      if (note.annotationId === id) shard.notes.delete(noteId);
    }
    await shard.document.write();
    return removed;
  }

  noteFor(itemId: string, annotationId: string | null): StoredNote | undefined {
    for (const note of this.shardOf(itemId).notes.values()) {
      if (note.itemId === itemId && note.annotationId === annotationId) return note;
    }
    return undefined;
  }

  async putNote(note: StoredNote): Promise<void> {
    this.assertOpen();
    const shard = this.shardOf(note.itemId);
    shard.notes.set(note.id, note);
    await shard.document.write();
  }

  meaningEdits(): Partial<Record<HighlightColourId, string>> {
    return { ...this.meanings };
  }

  async saveMeaningEdits(edits: Partial<Record<HighlightColourId, string>>): Promise<void> {
    this.assertOpen();
    this.meanings = { ...edits };
    await this.settings.write();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const documents = [this.settings, ...this.shards.map((shard) => shard.document)] as const;
      await Promise.allSettled(documents.map((document) => document.settled()));
      await Promise.all(documents.map((document) => document.finish()));
    })();
    return this.closing;
  }

  private async load(): Promise<StorageNotice[]> {
    const notices: StorageNotice[] = [];
    const loads = await Promise.all(this.shards.map((shard) => shard.document.load()));
    // A record found in another shard than its item's hash (files copied around by hand) is
    // moved to its own shard, and both are rewritten.
    const misplaced = new Set<Shard>();
    loads.forEach(({ document, notice }, number) => {
      if (notice) notices.push(notice);
      const here = this.shards[number] as Shard;
      for (const annotation of document.annotations) {
        const shard = this.shardOf(annotation.itemId);
        shard.annotations.set(annotation.id, annotation);
        if (shard !== here) misplaced.add(shard).add(here);
      }
      for (const note of document.notes) {
        const shard = this.shardOf(note.itemId);
        shard.notes.set(note.id, note);
        if (shard !== here) misplaced.add(shard).add(here);
      }
      for (const { itemId, tags } of document.paperTags ?? []) {
        const shard = this.shardOf(itemId);
        shard.paperTags.set(itemId, tags);
        if (shard !== here) misplaced.add(shard).add(here);
      }
    });
    await Promise.all([...misplaced].map((shard) => shard.document.write()));
    const settings = await this.settings.load();
    if (settings.notice) notices.push(settings.notice);
    this.meanings = settings.document.meanings;
    return notices;
  }

  private shardOf(itemId: string): Shard {
    return this.shards[shardNumberOf(itemId, ANNOTATION_SHARD_COUNT)] as Shard;
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('Rounds is closing; the highlight could not be saved.');
  }
}
