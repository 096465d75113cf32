import type { Api } from '@shared/contract';

/** The `club` service as the window calls it (the real client, or a test's fake backend). */
export type ClubClient = Api['club'];

/** What the club area asks the library: finding papers for a new session. */
export type PaperFinder = Pick<Api['library'], 'list'>;

/** Runs `work` at most once per animation frame, however often it is asked for. */
export function coalescePerFrame(work: () => void): { request: () => void; cancel: () => void } {
  let pending: number | null = null;
  return {
    request: () => {
      if (pending !== null) return;
      pending = window.requestAnimationFrame(() => {
        pending = null;
        work();
      });
    },
    cancel: () => {
      if (pending !== null) window.cancelAnimationFrame(pending);
      pending = null;
    },
  };
}
