/** Absolute path of the Electron executable, or null when it is not installed. */
export function findElectronBinary(projectRoot: string): string | null;
