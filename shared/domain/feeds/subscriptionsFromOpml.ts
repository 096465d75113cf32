import { normalizeFeedTags } from './normalizeFeedTags';
import { normalizeFeedUrl } from './normalizeFeedUrl';
import { attributeOf, type OpmlOutline, type OpmlSubscription } from './OpmlOutline';

/** An outline that did not become a subscription, and why, in words a clinician can read. */
export interface SkippedOutline {
  title: string;
  reason: string;
}

/** What the outlines of an OPML file describe. */
export interface OpmlSubscriptions {
  /** One per feed address, in the file's order. */
  subscriptions: OpmlSubscription[];
  skipped: SkippedOutline[];
}

// The limits `feeds.update` accepts, so that an imported feed can be edited as it is.
const MAX_FOLDER_DEPTH = 8;
const MAX_FOLDER_NAME = 200;
const MAX_TITLE = 300;
const MAX_TAG = 60;
const MAX_TAGS = 50;
const REFRESH_MINUTES = { min: 5, max: 7 * 24 * 60 };

/**
 * Reads subscriptions out of OPML outlines. An outline with an `xmlUrl` is a feed; an outline
 * without one that contains others is a folder, and its name (`text`, else `title`) becomes a
 * segment of the folder path of every feed inside it. The `category` attribute (comma-separated,
 * slash-delimited as RSS 2.0 defines it) becomes tags. A feed listed twice keeps its first place.
 * Outlines that look like feeds but cannot be used are listed with a reason; childless outlines
 * without any address are empty folders or notes and are passed over silently.
 */
export function subscriptionsFromOpml(outlines: readonly OpmlOutline[]): OpmlSubscriptions {
  const result: OpmlSubscriptions = { subscriptions: [], skipped: [] };
  const seen = new Set<string>();
  const visit = (outline: OpmlOutline, folder: string[]): void => {
    const name = nameOf(outline);
    const xmlUrl = attributeOf(outline, 'xmlUrl');
    if (xmlUrl !== null) {
      const normalized = normalizeFeedUrl(xmlUrl);
      if (!normalized.ok) {
        result.skipped.push({ title: name ?? xmlUrl, reason: normalized.message });
      } else if (seen.has(normalized.value)) {
        result.skipped.push({
          title: name ?? normalized.value,
          reason: 'It is listed more than once in this file; the first listing was kept.',
        });
      } else {
        seen.add(normalized.value);
        result.subscriptions.push({
          title: truncate(name ?? normalized.value, MAX_TITLE),
          url: normalized.value,
          siteUrl: webAddressOrNull(attributeOf(outline, 'htmlUrl')),
          folder: [...folder],
          tags: tagsOf(attributeOf(outline, 'category')),
          refreshIntervalMinutes: refreshMinutesOf(attributeOf(outline, 'refreshIntervalMinutes')),
        });
      }
    } else if (outline.children.length === 0 && looksLikeALink(outline)) {
      result.skipped.push({
        title: name ?? attributeOf(outline, 'url') ?? 'Untitled entry',
        reason: 'It has no feed address (xmlUrl): it links to a page, not to a feed.',
      });
    }
    if (outline.children.length === 0) return;
    // A feed outline with children is rare; its children are filed under its name.
    const inner =
      name === null || folder.length >= MAX_FOLDER_DEPTH
        ? folder
        : [...folder, truncate(name, MAX_FOLDER_NAME)];
    for (const child of outline.children) visit(child, inner);
  };
  for (const outline of outlines) visit(outline, []);
  return result;
}

function nameOf(outline: OpmlOutline): string | null {
  // Inner white space is kept as written so that an export reads back exactly.
  return attributeOf(outline, 'text') ?? attributeOf(outline, 'title');
}

function looksLikeALink(outline: OpmlOutline): boolean {
  return ['type', 'url', 'htmlUrl'].some((name) => attributeOf(outline, name) !== null);
}

function tagsOf(category: string | null): string[] {
  if (category === null) return [];
  // "/Boston/Weather,/Harvard" names two categories; a tag is one without inner slashes.
  const parts = category.split(',').map((part) => part.trim().replace(/^\/+|\/+$/g, ''));
  return normalizeFeedTags(parts)
    .map((tag) => truncate(tag, MAX_TAG))
    .slice(0, MAX_TAGS);
}

function webAddressOrNull(raw: string | null): string | null {
  return raw !== null && /^https?:\/\/\S+$/i.test(raw) ? raw : null;
}

function refreshMinutesOf(raw: string | null): number | null {
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const minutes = Number(raw);
  return minutes >= REFRESH_MINUTES.min && minutes <= REFRESH_MINUTES.max ? minutes : null;
}

function truncate(text: string, length: number): string {
  return [...text].length <= length ? text : [...text].slice(0, length).join('').trimEnd();
}
