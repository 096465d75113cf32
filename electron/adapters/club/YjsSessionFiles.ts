import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { StorageNotice } from '@shared/contract';
import { sessionIdOf } from '@shared/domain/club/session/sessionDocument';
import type { ReadSessionFile, SessionFiles } from '../../services/club/ports';
import { NO_FOLLOW } from '../storage/ownerOnly';
import { createOwnerOnlyFolder } from '../storage/prepareLibraryFolders';
import { writeFileDurably } from '../storage/writeFileDurably';

/** Session ids this app makes are UUIDs; one from a bundle may be anything, so it is hashed. */
const SAFE_FILE_STEM = /^[A-Za-z0-9_-]{1,128}$/;
/** Far above any session (a long discussion is a few MB), far below a memory problem. */
const MAX_SESSION_FILE_BYTES = 256 * 1024 * 1024;

/** `2026-11-25T22-40-00Z`: sortable, and valid in file names on every platform. */
function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/**
 * Session documents as files in `<dataDir>/club/sessions/`, one per session, each holding the
 * document's state as one Yjs update (`Y.encodeStateAsUpdate`), replaced atomically and durably on
 * every write. A file that cannot be read back as that session's document is renamed
 * `<name>.damaged-<time>` (never deleted) and reported with a notice; the session is then missing
 * here until a bundle or the sync server brings it back.
 */
export class YjsSessionFiles implements SessionFiles {
  private constructor(
    private readonly folder: string,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, options: { now?: () => Date } = {}): Promise<YjsSessionFiles> {
    const folder = join(dataDir, 'club', 'sessions');
    await createOwnerOnlyFolder(join(dataDir, 'club'));
    await createOwnerOnlyFolder(folder);
    return new YjsSessionFiles(folder, options.now ?? (() => new Date()));
  }

  /** Where a session's document is kept. */
  pathOf(sessionId: string): string {
    const stem = SAFE_FILE_STEM.test(sessionId)
      ? sessionId
      : `h-${createHash('sha256').update(sessionId).digest('hex').slice(0, 40)}`;
    return join(this.folder, `${stem}.yjs`);
  }

  async read(sessionId: string): Promise<ReadSessionFile> {
    const path = this.pathOf(sessionId);
    let bytes: Uint8Array;
    try {
      const handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
      try {
        const { size } = await handle.stat();
        if (size > MAX_SESSION_FILE_BYTES) return await this.setAside(sessionId, 'too large');
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') return { update: null, notice: null };
      if (code === 'ELOOP' || code === 'EMLINK') {
        return this.setAside(sessionId, 'a symbolic link');
      }
      throw error;
    }
    const problem = problemOf(bytes, sessionId);
    if (problem !== null) return this.setAside(sessionId, problem);
    return { update: bytes, notice: null };
  }

  async write(sessionId: string, update: Uint8Array): Promise<void> {
    await writeFileDurably(this.pathOf(sessionId), update);
  }

  private async setAside(sessionId: string, problem: string): Promise<ReadSessionFile> {
    const at = this.now();
    const path = this.pathOf(sessionId);
    const keptAt = `${path}.damaged-${fileStamp(at)}`;
    await rename(path, keptAt);
    console.warn(`[rounds] session ${sessionId}: ${problem}; damaged copy kept at ${keptAt}`);
    const notice: StorageNotice = {
      id: `club-session-${sessionId}-${fileStamp(at)}`.slice(0, 128),
      kind: 'reset-to-empty',
      message: `Rounds could not read a journal club session (club/sessions) because its file was ${problem}. The damaged copy is kept at ${keptAt}. Import the session’s bundle again, or sync with the club’s server, to bring it back.`,
      keptAt,
      at: at.toISOString(),
    };
    return { update: null, notice };
  }
}

/** Why the bytes are not this session's document, or null when they are. */
function problemOf(bytes: Uint8Array, sessionId: string): string | null {
  if (bytes.length === 0) return 'empty';
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return 'incomplete';
    if (sessionIdOf(doc) !== sessionId) return 'not this session’s document';
    return null;
  } catch {
    return 'damaged';
  } finally {
    doc.destroy();
  }
}
