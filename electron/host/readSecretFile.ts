// Reading the access token from a file, so it never appears in the process list. The file must be
// the user's alone: a token other accounts on the machine can read protects nothing.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';

/** The token, or a sentence saying what is wrong with the file. */
export type SecretFileRead = { ok: true; secret: string } | { ok: false; message: string };

/** Group and others may neither read nor write it (POSIX permission bits). */
const SHARED_PERMISSIONS = 0o077;

/**
 * Reads the secret in `filePath`, without its trailing line break. On POSIX systems, refuses a
 * file that other users can read or change; the check is made on the opened file, so it cannot be
 * swapped between the check and the read.
 */
export function readSecretFile(filePath: string, platform: NodeJS.Platform): SecretFileRead {
  let descriptor: number;
  try {
    descriptor = openSync(filePath, 'r');
  } catch (error) {
    return {
      ok: false,
      message: `Rounds could not read the token file ${filePath}: ${reason(error)}`,
    };
  }
  try {
    const status = fstatSync(descriptor);
    if (!status.isFile())
      return { ok: false, message: `The token file ${filePath} is not a file.` };
    if (platform !== 'win32' && (status.mode & SHARED_PERMISSIONS) !== 0) {
      const mode = (status.mode & 0o777).toString(8);
      return {
        ok: false,
        message:
          `The token file ${filePath} can be read or changed by other users of this machine ` +
          `(permissions ${mode}). Make it yours alone with: chmod 600 ${filePath}`,
      };
    }
    const secret = readFileSync(descriptor, 'utf8').replace(/\r?\n$/, '');
    if (secret === '') return { ok: false, message: `The token file ${filePath} is empty.` };
    return { ok: true, secret };
  } finally {
    closeSync(descriptor);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file.';
  if (code === 'EACCES') return 'permission denied.';
  return error instanceof Error ? error.message : String(error);
}
