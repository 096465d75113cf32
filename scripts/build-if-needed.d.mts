/** Written after a successful build only; its time tells whether the output is up to date. */
export const BUILD_STAMP: string;
/** Runs `electron-vite build` when the output is missing or older than any source. */
export function buildIfNeeded(projectRoot: string, options?: { force?: boolean }): void;
