import type { ItemAnnotations } from '@shared/contract';
import type { Annotation } from '@shared/domain/annotations/annotation';
import type { StoredNote } from '@shared/domain/annotations/annotationDocuments';
import {
  DEFAULT_HIGHLIGHT_MEANINGS,
  type HighlightColourId,
  type HighlightMeanings,
} from '@shared/domain/annotations/highlightColours';
import type { NoteEnvelope } from '@shared/domain/notes/noteEnvelope';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotationsClient } from './annotationsClient';

/** A highlight taken out, with its note, so that it can be put back. */
export interface RemovedHighlight {
  annotation: Annotation;
  note: StoredNote | null;
}

export interface ItemAnnotationsState {
  status: 'loading' | 'ready' | 'failed';
  annotations: Annotation[];
  notes: StoredNote[];
  /** The user's tags on the whole paper. */
  paperTags: string[];
  meanings: HighlightMeanings;
  /** The last thing that went wrong, in words for the user; null when all is well. */
  problem: string | null;
}

/** An item's highlights and notes, and what the user can do with them. */
export interface ItemAnnotationsModel extends ItemAnnotationsState {
  /** The note on a highlight, or on the paper (null). */
  noteOf: (annotationId: string | null) => StoredNote | null;
  /** Saves a new or changed highlight; resolves with it, or null when the backend refused. */
  save: (annotation: Annotation) => Promise<Annotation | null>;
  setColour: (annotation: Annotation, colour: HighlightColourId) => Promise<void>;
  setTags: (annotation: Annotation, tags: string[]) => Promise<void>;
  /** Sets the tags on the whole paper (tidied by the backend). */
  setPaperTags: (tags: string[]) => Promise<void>;
  /** Removes a highlight and its note; resolves with what was removed (for undo), or null. */
  remove: (annotation: Annotation) => Promise<RemovedHighlight | null>;
  /** Puts a removed highlight and its note back. */
  restore: (removed: RemovedHighlight) => Promise<void>;
  /** Saves a note; rejects when it was not saved, so the editor keeps it and retries. */
  saveNote: (annotationId: string | null, envelope: NoteEnvelope) => Promise<void>;
  /** Saves the colours' meanings; resolves with them as stored, or null when refused. */
  setMeanings: (
    meanings: Partial<Record<HighlightColourId, string>>,
  ) => Promise<HighlightMeanings | null>;
  /** Fetches everything again (after an import). */
  reload: () => void;
}

const INITIAL: ItemAnnotationsState = {
  status: 'loading',
  annotations: [],
  notes: [],
  paperTags: [],
  meanings: DEFAULT_HIGHLIGHT_MEANINGS,
  problem: null,
};

function replaceById<T extends { id: string }>(list: readonly T[], value: T): T[] {
  const index = list.findIndex((entry) => entry.id === value.id);
  if (index < 0) return [...list, value];
  return list.map((entry, at) => (at === index ? value : entry));
}

/**
 * Loads an item's highlights and notes from the `annotations` service and keeps them in step with
 * what the user changes. Every change goes to the backend first and is shown once it answers, so
 * what the window shows is what is stored.
 */
export function useItemAnnotations(
  client: AnnotationsClient | null,
  itemId: string,
): ItemAnnotationsModel {
  const [state, setState] = useState<ItemAnnotationsState>(INITIAL);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (client === null) return;
    let current = true;
    void client.forItem({ itemId }).then((result) => {
      if (!current) return;
      if (result.ok) setState(readyState(result.value));
      else setState({ ...INITIAL, status: 'failed', problem: result.message });
    });
    return () => {
      current = false;
    };
  }, [client, itemId, generation]);

  const report = useCallback((problem: string) => {
    setState((previous) => ({ ...previous, problem }));
  }, []);

  const save = useCallback(
    async (annotation: Annotation): Promise<Annotation | null> => {
      if (client === null) return null;
      const result = await client.save({ annotation });
      if (!result.ok) {
        report(`The highlight was not saved. ${result.message}`);
        return null;
      }
      setState((previous) => ({
        ...previous,
        annotations: replaceById(previous.annotations, result.value),
        problem: null,
      }));
      return result.value;
    },
    [client, report],
  );

  const remove = useCallback(
    async (annotation: Annotation): Promise<RemovedHighlight | null> => {
      if (client === null) return null;
      const note = state.notes.find((entry) => entry.annotationId === annotation.id) ?? null;
      const result = await client.remove({ id: annotation.id });
      if (!result.ok) {
        report(`The highlight was not deleted. ${result.message}`);
        return null;
      }
      setState((previous) => ({
        ...previous,
        annotations: previous.annotations.filter((entry) => entry.id !== annotation.id),
        notes: previous.notes.filter((entry) => entry.annotationId !== annotation.id),
        problem: null,
      }));
      return { annotation, note };
    },
    [client, report, state.notes],
  );

  const saveNote = useCallback(
    async (annotationId: string | null, envelope: NoteEnvelope): Promise<void> => {
      if (client === null) throw new Error('Notes cannot be saved here.');
      const result = await client.saveNote({ itemId, annotationId, envelope });
      if (!result.ok) throw new Error(result.message);
      const stored = result.value;
      setState((previous) => ({
        ...previous,
        notes: replaceById(previous.notes, stored),
        // The highlight's plain-text note is the backend's copy of this note's text.
        annotations: previous.annotations.map((entry) =>
          entry.id === annotationId
            ? { ...entry, note: stored.envelope.plainText, noteId: stored.id }
            : entry,
        ),
      }));
    },
    [client, itemId],
  );

  const restore = useCallback(
    async ({ annotation, note }: RemovedHighlight): Promise<void> => {
      const saved = await save({ ...annotation, note: '', noteId: null });
      if (saved !== null && note !== null) {
        await saveNote(saved.id, note.envelope).catch((error: unknown) => {
          report(`The highlight is back, its note is not. ${String((error as Error).message)}`);
        });
      }
    },
    [report, save, saveNote],
  );

  const setMeanings = useCallback(
    async (
      meanings: Partial<Record<HighlightColourId, string>>,
    ): Promise<HighlightMeanings | null> => {
      if (client === null) return null;
      const result = await client.setMeanings({ meanings });
      if (!result.ok) {
        report(`The colours' meanings were not saved. ${result.message}`);
        return null;
      }
      setState((previous) => ({ ...previous, meanings: result.value, problem: null }));
      return result.value;
    },
    [client, report],
  );

  const setPaperTags = useCallback(
    async (tags: string[]): Promise<void> => {
      if (client === null) return;
      const result = await client.setPaperTags({ itemId, tags });
      if (!result.ok) {
        report(`The paper's tags were not saved. ${result.message}`);
        return;
      }
      setState((previous) => ({ ...previous, paperTags: result.value.tags, problem: null }));
    },
    [client, itemId, report],
  );

  const notes = state.notes;
  return useMemo(
    () => ({
      ...state,
      noteOf: (annotationId: string | null) =>
        notes.find((entry) => entry.annotationId === annotationId) ?? null,
      save,
      setColour: async (annotation: Annotation, colour: HighlightColourId) => {
        if (annotation.colour !== colour) await save({ ...annotation, colour });
      },
      setTags: async (annotation: Annotation, tags: string[]) => {
        await save({ ...annotation, tags });
      },
      remove,
      restore,
      saveNote,
      setPaperTags,
      setMeanings,
      reload: () => setGeneration((value) => value + 1),
    }),
    [state, notes, save, remove, restore, saveNote, setPaperTags, setMeanings],
  );
}

function readyState(value: ItemAnnotations): ItemAnnotationsState {
  return {
    status: 'ready',
    annotations: value.annotations,
    notes: value.notes,
    paperTags: value.paperTags,
    meanings: value.meanings,
    problem: null,
  };
}
