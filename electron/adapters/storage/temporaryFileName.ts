import { randomUUID } from 'node:crypto';

/**
 * A name beside `path` for writing its next version. Random, so no other writer (and nobody who
 * planted a link ahead of time) can predict it; writers still create it exclusively.
 */
export function temporaryNameFor(path: string): string {
  return `${path}.${randomUUID()}.tmp`;
}

/**
 * A temporary file that only a process that died mid-write can have left: ours
 * (`name.json.<uuid>.tmp`, `name.json.gz.<uuid>.tmp`), and those of earlier versions (write-file-atomic's `name.json.<number>`
 * and `name.json.bak.<pid>-<n>.tmp`).
 */
export const LEFTOVER_TEMPORARY_FILE =
  /\.(json|json\.gz|bak)\.(\d+|\d+-\d+\.tmp|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\.tmp)$/;
