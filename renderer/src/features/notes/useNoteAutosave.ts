import { useEffect, useState } from 'react';
import type { NoteEnvelope, NoteEnvelopeResult } from '@shared/domain/notes/noteEnvelope';
import { NoteAutosaveController, type AutosaveStatus } from './NoteAutosaveController';
import type { Schedule } from './scheduleWithTimer';

export interface NoteAutosaveOptions {
  save: (envelope: NoteEnvelope) => Promise<void>;
  schedule: Schedule;
  pauseMs: number;
  retryMs: number;
}

export interface NoteAutosave {
  status: AutosaveStatus;
  /** Call on every change; `build` makes the envelope of that version when it is saved. */
  noteChanged: (build: () => NoteEnvelopeResult) => void;
  /** Saves pending changes now (the editor lost focus). */
  flush: () => void;
}

/**
 * Saves a note after the user pauses typing, at once on `flush`, and once more when the editor
 * closes; a failed save is kept and retried. Times come from the injected `schedule`.
 */
export function useNoteAutosave({
  save,
  schedule,
  pauseMs,
  retryMs,
}: NoteAutosaveOptions): NoteAutosave {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const [controller] = useState(
    () => new NoteAutosaveController({ save, schedule, pauseMs, retryMs }, setStatus),
  );

  useEffect(() => {
    controller.configure({ save, schedule, pauseMs, retryMs });
  }, [controller, save, schedule, pauseMs, retryMs]);

  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  return { status, noteChanged: controller.noteChanged, flush: controller.flush };
}

/** The words the editor shows for a status. */
export function describeAutosaveStatus(status: AutosaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'retrying':
      return 'Not saved — retrying';
    case 'refused':
      return `Not saved — ${status.message}`;
  }
}
