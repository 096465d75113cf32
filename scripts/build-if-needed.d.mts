/** Runs `electron-vite build` when the output is missing or older than any source. */
export function buildIfNeeded(projectRoot: string, options?: { force?: boolean }): void;
