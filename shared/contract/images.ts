import { z } from 'zod';
import { event, method, service } from './define';

/** An image of a paper that could not be kept for offline reading, and why. */
export interface ImageSaveFailure {
  /** The image's address as the feed gave it. */
  url: string;
  /** A sentence for the user ("The server answered 404 Not Found."). */
  message: string;
}

/** What saving a paper's images came to. */
export interface PaperImagesSaved {
  itemId: string;
  /** The paper's images now kept in the library, those saved before included. */
  stored: number;
  /** The images that could not be saved; each is tried again the next time. */
  failed: ImageSaveFailure[];
}

/** Items whose HTML now shows more stored images: the reader asks for them again. */
export interface ImagesStoredEvent {
  itemIds: string[];
}

const itemId = z.string().min(1).max(200);

/**
 * The `images` service: a paper's images kept in the library for offline reading. They are
 * fetched by the backend (for every paper of a feed whose "Save images for offline reading" is
 * on, after each refresh; for one paper when the user asks) and shown to the window from the
 * app's own origin at `/files/images/<sha256>`; the window never loads a remote image.
 */
export const imagesContract = service('images', {
  /**
   * Downloads and keeps the images of one paper now, whatever its feed's setting; resolves once
   * each has been stored or has failed. Images already kept are not fetched again.
   */
  savePaperImages: method<PaperImagesSaved>()({
    args: z.tuple([z.object({ itemId })]),
    errors: ['not-found'],
  }),
  /** Fires when images of these items were stored (after a refresh or a request). */
  onDidStoreImages: event<ImagesStoredEvent>(z.object({ itemIds: z.array(z.string()) })),
});
