import type { DraftChanges, SummaryDraft } from '@shared/contract/share';
import type { ActionResult } from './useBackendAction';

/** What every section gets to read and change the draft with (see `useComposerDraft`). */
export interface DraftEditing {
  draft: SummaryDraft;
  /** Shows the edit at once; it is saved after a pause in typing or when the field is left. */
  edit: (changes: DraftChanges) => void;
  /** Saves what is pending; resolves with the refusal's message, or null once saved. */
  flush: () => Promise<string | null>;
  /** Applies and saves at once; resolves with the refusal's message, or null once saved. */
  saveNow: (changes: DraftChanges) => Promise<string | null>;
}

/**
 * Runs a call that shares the draft only once every edit is saved, since the backend shares what
 * is on disk; a refused save is answered as the call's failure, so it shows beside the control.
 */
export type WhenSaved = <T>(work: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;
