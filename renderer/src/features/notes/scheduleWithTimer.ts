/** Runs `run` once after `delayMs`, unless the returned function cancels it first. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

/** The app's scheduler: the browser's timer. Tests pass a hand-driven one instead. */
export const scheduleWithTimer: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};
