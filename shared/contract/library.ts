import { z } from 'zod';
import { method, service } from './define';

/** One item as the list pane shows it. */
export interface ItemSummary {
  id: string;
  feedId: string;
  /** Never empty: untitled posts get their first line of text. */
  title: string;
  /** The item's web address (http or https only), or null. */
  link: string | null;
  author: string | null;
  /** ISO 8601 UTC, or null when the feed gave no usable date. */
  publishedAt: string | null;
  /** Plain-text excerpt, at most 280 characters. */
  excerpt: string;
  read: boolean;
  starred: boolean;
}

/** One item as the reader shows it. */
export interface ItemDetail extends ItemSummary {
  /** Sanitised at ingest; the renderer sanitises it again before display. */
  contentHtml: string;
  feedTitle: string;
}

/** Which items a list shows. */
export type ItemFilter = 'all' | 'unread' | 'starred';

/** A page of items, newest first. */
export interface ItemPage {
  items: ItemSummary[];
  /** Items matching the query in all pages. */
  total: number;
  offset: number;
}

const itemId = z.string().min(1).max(128);

/** Upper bound on one page so a single call never copies the whole library across the boundary. */
export const MAX_PAGE_SIZE = 500;

/**
 * The `library` service: stored items and the user's reading state. Works with the network off.
 */
export const libraryContract = service('library', {
  /** Lists items newest first, optionally for one feed and only unread or starred ones. */
  list: method<ItemPage>()({
    args: z.tuple([
      z.object({
        feedId: z.string().min(1).max(128).optional(),
        filter: z.enum(['all', 'unread', 'starred']).default('all'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
      }),
    ]),
  }),
  /** One item with its content. */
  get: method<ItemDetail>()({
    args: z.tuple([z.object({ id: itemId })]),
    errors: ['not-found'],
  }),
  /** Marks an item read or unread; resolves once the change is on disk. */
  setRead: method<{ id: string; read: boolean }>()({
    args: z.tuple([z.object({ id: itemId, read: z.boolean() })]),
    errors: ['not-found'],
  }),
  /** Stars or unstars an item; resolves once the change is on disk. */
  setStarred: method<{ id: string; starred: boolean }>()({
    args: z.tuple([z.object({ id: itemId, starred: z.boolean() })]),
    errors: ['not-found'],
  }),
});
