import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  PostingCredentialsByPlatform,
  PostingPlatform,
} from '@shared/domain/share/posting/threadPosting';
import { fsyncDirectory } from '../../storage/fsyncDirectory';
import { NO_FOLLOW, OWNER_ONLY_FOLDER_MODE, restrictToOwner } from '../../storage/ownerOnly';
import { writeFileDurably } from '../../storage/writeFileDurably';
import type { CredentialSaveResult } from './CredentialStore';

// The file both credential stores keep, whatever its encoding: one versioned document holding
// every platform's entry, rewritten whole (temporary file, fsync, rename) so a crash leaves the
// old file or the new one, never half of one.

/** What is saved, before encoding. Versioned: it is a format on disk, not the wire contract. */
export interface CredentialDocument {
  version: 1;
  credentials: Partial<PostingCredentialsByPlatform>;
}

/** Turns the document into the file's bytes and back; `decode` throws on bytes it cannot read. */
export interface CredentialCodec {
  encode(documentText: string): Uint8Array;
  decode(bytes: Buffer): string;
}

/**
 * One credential file: reads, writes and sets aside, one operation at a time (a `set` is read,
 * change, write, and two at once would lose one of them).
 */
export class CredentialFile {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly codec: CredentialCodec,
  ) {}

  /** Runs `operation` after every earlier one has finished, whatever their outcome. */
  serialized<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The saved document; an empty one when there is no file or it was damaged (then set aside). */
  async read(): Promise<CredentialDocument> {
    let bytes: Buffer;
    try {
      bytes = await this.readBytes();
    } catch (error) {
      if (isMissing(error)) return emptyDocument();
      await this.setAside();
      return emptyDocument();
    }
    let document: CredentialDocument | null;
    try {
      document = repairedDocument(JSON.parse(this.codec.decode(bytes)));
    } catch {
      document = null;
    }
    if (document === null) {
      await this.setAside();
      return emptyDocument();
    }
    return document;
  }

  /** Replaces the file with `document`, or removes it when no platform is left. */
  async write(document: CredentialDocument): Promise<void> {
    if (Object.keys(document.credentials).length === 0) {
      await rm(this.path, { force: true });
      return;
    }
    await this.prepareFolder();
    await writeFileDurably(this.path, this.codec.encode(JSON.stringify(document)));
  }

  /** Removes the file, if there is one. */
  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }

  /** Makes the folder (owner only), closing an existing one to other users. */
  private async prepareFolder(): Promise<void> {
    const folder = dirname(this.path);
    await mkdir(folder, { recursive: true, mode: OWNER_ONLY_FOLDER_MODE });
    await restrictToOwner(folder, await lstat(folder));
  }

  private async readBytes(): Promise<Buffer> {
    // No following a link planted in the file's place: it would read (and later replace) a file
    // elsewhere.
    const handle = await open(this.path, constants.O_RDONLY | NO_FOLLOW);
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** Renames the file to the first free `<name>.damaged-<n>`, kept for whoever wants to look. */
  private async setAside(): Promise<void> {
    try {
      for (let n = 1; ; n++) {
        const aside = `${this.path}.damaged-${n}`;
        if (await exists(aside)) continue;
        await rename(this.path, aside);
        await fsyncDirectory(dirname(this.path));
        return;
      }
    } catch {
      // Reading must not throw: a file that cannot even be moved is simply read as empty, and
      // the next save replaces it.
    }
  }
}

function emptyDocument(): CredentialDocument {
  return { version: 1, credentials: {} };
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function fieldsOf(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A non-empty string field, or null. */
function text(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The document, keeping only well-formed entries' known fields; null when it is not a credential
 * document at all or an entry is incomplete (half a login is no use, and the file is then kept
 * aside for inspection rather than silently trimmed).
 */
function repairedDocument(value: unknown): CredentialDocument | null {
  const root = fieldsOf(value);
  const credentials = fieldsOf(root?.credentials);
  if (root?.version !== 1 || credentials === null) return null;
  const repaired: Partial<PostingCredentialsByPlatform> = {};
  const platforms: PostingPlatform[] = ['bluesky', 'mastodon'];
  for (const platform of platforms) {
    if (credentials[platform] === undefined) continue;
    const entry = fieldsOf(credentials[platform]);
    if (entry === null) return null;
    if (platform === 'bluesky') {
      const service = text(entry, 'service');
      const identifier = text(entry, 'identifier');
      const appPassword = text(entry, 'appPassword');
      if (!service || !identifier || !appPassword) return null;
      repaired.bluesky = { service, identifier, appPassword };
    } else {
      const instance = text(entry, 'instance');
      const accessToken = text(entry, 'accessToken');
      if (!instance || !accessToken) return null;
      repaired.mastodon = { instance, accessToken };
    }
  }
  return { version: 1, credentials: repaired };
}

/**
 * The store's behaviour over one credential file; the two stores differ only in the encoding and
 * in whether they can encrypt at the moment.
 */
export abstract class CredentialFileStore {
  protected readonly file: CredentialFile;

  constructor(path: string, codec: CredentialCodec) {
    this.file = new CredentialFile(path, codec);
  }

  /** False while the file cannot be read at all (it is then neither read nor set aside). */
  protected canRead(): boolean {
    return true;
  }

  /** Why credentials cannot be saved now, or null when they can. */
  protected refusal(_platform: PostingPlatform): CredentialSaveResult | null {
    return null;
  }

  get<P extends PostingPlatform>(platform: P): Promise<PostingCredentialsByPlatform[P] | null> {
    return this.file.serialized(async () => {
      if (!this.canRead()) return null;
      const document = await this.file.read();
      return document.credentials[platform] ?? null;
    });
  }

  set<P extends PostingPlatform>(
    platform: P,
    credentials: PostingCredentialsByPlatform[P],
  ): Promise<CredentialSaveResult> {
    return this.file.serialized(async () => {
      const refused = this.refusal(platform);
      if (refused) return refused;
      const document = await this.file.read();
      document.credentials[platform] = credentials;
      await this.file.write(document);
      return { ok: true };
    });
  }

  forget(platform: PostingPlatform): Promise<void> {
    return this.file.serialized(async () => {
      if (!this.canRead()) {
        // Nothing can be read back while encryption is unavailable, so forgetting one platform
        // cannot keep the other: the whole file goes, which is what forgetting asks for.
        await this.file.remove();
        return;
      }
      const document = await this.file.read();
      if (document.credentials[platform] === undefined) return;
      delete document.credentials[platform];
      await this.file.write(document);
    });
  }
}
