import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import {
  buildClubAtomFeed,
  CLUB_FEED_FILE_NAME,
} from '@shared/domain/share/clubFeed/buildClubAtomFeed';
import type { ClubFeedEntry, ClubFeedMeta } from '@shared/domain/share/summary';
import { fsyncDirectory } from '../../storage/fsyncDirectory';
import { NO_FOLLOW } from '../../storage/ownerOnly';

/** What one publication wrote. */
export interface PublishedClubFeed {
  /** Absolute path of `feed.xml`. */
  feedPath: string;
  /** Every file written, images first and the feed last, as absolute paths. */
  files: string[];
}

// The folder is meant for a web server, which usually runs as another user: unlike the data
// folder's files (0600), these are readable by everyone, as anything on a public site is.
const PUBLISHED_FILE_MODE = 0o644;
const CREATE_EXCLUSIVELY = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
// One path segment that a static host serves as is: no folders, no hidden or reserved names.
const PLAIN_FILE_NAME = /^[^/\\\0]+$/;

/**
 * Publishes a club's summaries into a folder the user picked, ready for any static web host:
 * `feed.xml` (see {@link buildClubAtomFeed}) and the visual abstracts beside it. Every file goes
 * to a new hidden temporary file that is fsynced and renamed into place, images before the feed,
 * so a reader never finds a half-written feed or a feed pointing at an image not yet there, and a
 * publication that fails leaves the previous one whole. Files it did not write are never touched.
 */
export class FolderFeedPublisher {
  /**
   * Writes the images given (file name to PNG bytes) and then the feed. An entry's image need not
   * be given again when an earlier publication wrote it. Each enclosure states the size of the
   * file actually in the folder.
   *
   * @throws Error with a sentence for the user when the folder is not an absolute path, is a file,
   * or an image is missing or misnamed; nothing is written then.
   */
  async publish(
    folder: string,
    meta: ClubFeedMeta,
    entries: ClubFeedEntry[],
    images: Map<string, Uint8Array>,
  ): Promise<PublishedClubFeed> {
    if (!isAbsolute(folder)) {
      throw new Error(
        `The folder for the club feed must be a full path (such as /Users/you/club-feed or C:\\club-feed), not “${folder}”.`,
      );
    }
    const existed = await folderExists(folder);
    for (const fileName of images.keys()) checkImageName(fileName);
    const sized = await Promise.all(
      entries.map((entry) => withImageSize(entry, folder, existed, images)),
    );
    // Built before anything is written: a base address it refuses stops the publication here.
    const feed = buildClubAtomFeed(meta, sized);

    await mkdir(folder, { recursive: true });
    const files: string[] = [];
    for (const [fileName, bytes] of images) {
      files.push(await writeIntoFolder(folder, fileName, bytes));
    }
    // The images' names must be on disk before the feed that links to them can be.
    if (files.length > 0) await fsyncDirectory(folder);
    const feedPath = await writeIntoFolder(folder, CLUB_FEED_FILE_NAME, feed);
    await fsyncDirectory(folder);
    files.push(feedPath);
    return { feedPath, files };
  }
}

/** False when the folder is still to be made; refuses a file standing where it should be. */
async function folderExists(folder: string): Promise<boolean> {
  try {
    // A link to a folder is followed: users keep their web folder where their host wants it.
    const found = await stat(folder);
    if (found.isDirectory()) return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
  throw new Error(
    `“${folder}” is a file, not a folder. Choose a folder to publish the club feed into.`,
  );
}

function checkImageName(fileName: string): void {
  if (
    !PLAIN_FILE_NAME.test(fileName) ||
    fileName.startsWith('.') ||
    basename(fileName) !== fileName ||
    fileName === CLUB_FEED_FILE_NAME
  ) {
    throw new Error(
      `The image name “${fileName}” is not a plain file name, so it could land outside the feed folder or replace the feed. Nothing was published.`,
    );
  }
}

/** The entry with its enclosure's true size, from the bytes given or the file already published. */
async function withImageSize(
  entry: ClubFeedEntry,
  folder: string,
  folderExisted: boolean,
  images: ReadonlyMap<string, Uint8Array>,
): Promise<ClubFeedEntry> {
  const image = entry.image;
  if (image === null) return entry;
  checkImageName(image.fileName);
  const given = images.get(image.fileName);
  if (given !== undefined) return { ...entry, image: { ...image, bytes: given.byteLength } };
  const published = folderExisted ? await regularFileSize(join(folder, image.fileName)) : null;
  if (published === null) {
    throw new Error(
      `The visual abstract of “${entry.title}” (${image.fileName}) is missing: it was not given and is not in “${folder}”. Make the card again, then publish. Nothing was published.`,
    );
  }
  return { ...entry, image: { ...image, bytes: published } };
}

async function regularFileSize(path: string): Promise<number | null> {
  try {
    const found = await stat(path);
    return found.isFile() ? found.size : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Replaces `folder/fileName` atomically: a new, randomly named hidden file created exclusively
 * (never through a link), fsynced, then renamed over the target, which replaces a link there
 * rather than writing through it. The folder itself is fsynced by the caller.
 */
async function writeIntoFolder(
  folder: string,
  fileName: string,
  data: string | Uint8Array,
): Promise<string> {
  const target = join(folder, fileName);
  // Hidden, so a host that publishes the folder as it is never serves a half-written file.
  const temporary = join(folder, `.${fileName}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, CREATE_EXCLUSIVELY, PUBLISHED_FILE_MODE);
    try {
      // The process's umask may have narrowed the mode given to open.
      await handle.chmod(PUBLISHED_FILE_MODE);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Rounds could not write ${fileName} into “${folder}” (${reason}).`, {
      cause: error,
    });
  }
  return target;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}
