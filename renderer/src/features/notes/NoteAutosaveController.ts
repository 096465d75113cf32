import type { NoteEnvelope, NoteEnvelopeResult } from '@shared/domain/notes/noteEnvelope';
import type { Schedule } from './scheduleWithTimer';

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'retrying' }
  | { state: 'refused'; message: string };

export interface AutosaveOptions {
  save: (envelope: NoteEnvelope) => Promise<void>;
  schedule: Schedule;
  /** How long typing must pause before the note is saved. */
  pauseMs: number;
  /** How long to wait before trying a failed save again. */
  retryMs: number;
}

/**
 * Decides when a note is saved: after the user pauses, at once when asked (blur, closing), again
 * after a failure. The note to save is built only when it is saved, from the latest change, and a
 * failed one is kept until a save succeeds, so text is never lost while the editor is open.
 */
export class NoteAutosaveController {
  private pending: (() => NoteEnvelopeResult) | null = null;
  private saving = false;
  private cancelTimer: (() => void) | null = null;
  private running = true;
  private status: AutosaveStatus = { state: 'idle' };

  constructor(
    private options: AutosaveOptions,
    private readonly report: (status: AutosaveStatus) => void,
  ) {}

  configure(options: AutosaveOptions): void {
    this.options = options;
  }

  /** Resumes after `stop` (React runs effects twice in development). */
  start(): void {
    this.running = true;
  }

  /** The note changed; `build` makes the envelope of this version when it is time to save. */
  readonly noteChanged = (build: () => NoteEnvelopeResult): void => {
    this.pending = build;
    // After a failure the retry status stays until a save succeeds.
    if (this.status.state !== 'retrying') this.setStatus({ state: 'saving' });
    this.restartTimer(this.options.pauseMs);
  };

  /** Saves pending changes now rather than after the pause. */
  readonly flush = (): void => {
    this.clearTimer();
    void this.saveNow();
  };

  /**
   * Saves pending changes one last time and schedules nothing more. A failure here is not
   * retried: a later editor on the same note may already be saving newer text.
   */
  stop(): void {
    this.flush();
    this.running = false;
  }

  private async saveNow(): Promise<void> {
    // A save already running picks up newer changes when it ends.
    if (this.saving || this.pending === null) return;
    const build = this.pending;
    this.pending = null;
    const built = build();
    if (!built.ok) {
      // Retrying cannot help until the note itself changes.
      this.setStatus({ state: 'refused', message: built.message });
      return;
    }
    this.saving = true;
    if (this.status.state !== 'retrying') this.setStatus({ state: 'saving' });
    try {
      await this.options.save(built.envelope);
      this.saving = false;
      if (this.pending === null) this.setStatus({ state: 'saved' });
      else if (this.cancelTimer === null) await this.saveNow();
    } catch {
      this.saving = false;
      this.pending ??= build;
      this.setStatus({ state: 'retrying' });
      if (this.running) this.restartTimer(this.options.retryMs);
    }
  }

  private restartTimer(delayMs: number): void {
    this.clearTimer();
    this.cancelTimer = this.options.schedule(() => {
      this.cancelTimer = null;
      void this.saveNow();
    }, delayMs);
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.report(status);
  }
}
