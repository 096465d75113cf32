// A club publishes its summaries as an Atom feed that colleagues subscribe to in their own Rounds.
// There each summary must land beside the paper as a colleague's discussion of it, not as another
// copy of the paper. Rounds reads an entry as a discussion when nothing in its id, its own address
// or the first and last lines of its text names a paper, and its content links to one; it reads an
// entry as the paper itself when its only DOI is a `rel="related"` doi.org link. So the paper is
// linked in the content, named in `rel="related"` by its `info:doi/` URI rather than a doi.org
// address, and the text is framed by lines of our own so that a citation line the author pasted
// at either end is not mistaken for the entry's own.
import { normalizeDoi } from '@shared/domain/feeds/paperIdentity';
import { parseWebUrl } from '@shared/domain/feeds/parseWebUrl';
import { escapeXml } from '@shared/domain/feeds/writeOpml';
import {
  PREPRINT_LABEL,
  type ClubFeedEntry,
  type ClubFeedMeta,
  type SummaryPaper,
} from '@shared/domain/share/summary';

/** The name of the feed document inside the published folder. */
export const CLUB_FEED_FILE_NAME = 'feed.xml';

/** The MIME type of every visual abstract the feed encloses. */
export const CLUB_FEED_IMAGE_TYPE = 'image/png';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
// Media RSS: Rounds takes an entry's picture from `media:content` and ignores Atom enclosures, so
// the image is named both ways.
const MEDIA_NAMESPACE = 'http://search.yahoo.com/mrss/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_URN = /^urn:uuid:([0-9a-f-]{36})$/i;
// Tag URIs need an authority and a date; `.invalid` can never belong to anyone else (RFC 2606).
const TAG_AUTHORITY = 'rounds.invalid,2026';
const AUTHORS_NAMED = 3;
const HTML_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The feed's document: Atom 1.0 with the club's id, title and latest change, a `self` link when
 * the address it will be served from is known, and one entry per summary, newest first. Each
 * entry names the paper in its content and in a `rel="related"` link, encloses the visual
 * abstract, and points its own address at the feed so no reader takes it for the paper. Links are
 * relative to the feed unless `meta.baseUrl` is set. Characters XML forbids are removed.
 *
 * @throws Error when `meta.baseUrl` is not an http(s) address.
 */
export function buildClubAtomFeed(meta: ClubFeedMeta, entries: readonly ClubFeedEntry[]): string {
  const base = feedFolderAddress(meta.baseUrl);
  const newestFirst = [...entries].sort(byNewestFirst);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NAMESPACE}" xmlns:media="${MEDIA_NAMESPACE}">`,
    `  <id>${escapeXml(meta.id)}</id>`,
    `  <title type="text">${escapeXml(meta.title)}</title>`,
    `  <updated>${latestChange(meta, entries)}</updated>`,
    ...(base === null
      ? []
      : [
          `  <link rel="self" type="application/atom+xml" href="${escapeXml(addressOf(CLUB_FEED_FILE_NAME, base))}"/>`,
        ]),
    '  <generator>Rounds</generator>',
    ...newestFirst.flatMap((entry) => entryLines(entry, meta, base)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The permanent Atom id of a summary in a feed: `urn:uuid:<draft id>` when the draft id is a UUID
 * (as Rounds makes them), otherwise a tag URI made of the feed's id and the draft id, so the same
 * summary keeps one id however often it is republished.
 */
export function clubFeedEntryId(feedId: string, draftId: string): string {
  if (UUID.test(draftId)) return `urn:uuid:${draftId.toLowerCase()}`;
  const feed = UUID_URN.exec(feedId)?.[1]?.toLowerCase() ?? encodeURIComponent(feedId);
  return `tag:${TAG_AUTHORITY}:club-feed/${feed}/${encodeURIComponent(draftId)}`;
}

function entryLines(entry: ClubFeedEntry, meta: ClubFeedMeta, base: string | null): string[] {
  const related = relatedAddress(entry.paper);
  const ownAddress = addressOf(
    `${CLUB_FEED_FILE_NAME}#summary-${encodeURIComponent(entry.id)}`,
    base,
  );
  const image = entry.image;
  const imageAddress = image === null ? null : addressOf(encodeURIComponent(image.fileName), base);
  const published = atomDate(entry.published, meta.updated);
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(clubFeedEntryId(meta.id, entry.id))}</id>`,
    `    <title type="text">${escapeXml(entry.title.trim() || entry.paper.title)}</title>`,
    `    <author><name>${escapeXml(entry.author.trim() || meta.title)}</name></author>`,
    `    <published>${published}</published>`,
    `    <updated>${atomDate(entry.updated, published)}</updated>`,
    // Always present: without an alternate link, Rounds' parser takes the entry's first link of
    // any kind as its address, and the paper's address there would make the summary the paper.
    `    <link rel="alternate" href="${escapeXml(ownAddress)}"/>`,
  ];
  if (related !== null) {
    lines.push(
      `    <link rel="related" href="${escapeXml(related)}" title="${escapeXml(entry.paper.title)}"/>`,
    );
  }
  if (image !== null && imageAddress !== null) {
    const length = Number.isSafeInteger(image.bytes) && image.bytes >= 0 ? image.bytes : null;
    lines.push(
      `    <link rel="enclosure" type="${CLUB_FEED_IMAGE_TYPE}"${length === null ? '' : ` length="${length}"`} href="${escapeXml(imageAddress)}"/>`,
      `    <media:content url="${escapeXml(imageAddress)}" type="${CLUB_FEED_IMAGE_TYPE}" medium="image"${length === null ? '' : ` fileSize="${length}"`}>`,
      `      <media:description type="plain">${escapeXml(image.altText)}</media:description>`,
      '    </media:content>',
    );
  }
  lines.push(
    `    <content type="html">${escapeXml(contentHtml(entry, meta, imageAddress))}</content>`,
    '  </entry>',
  );
  return lines;
}

/**
 * The summary as HTML: the preprint label first, then the paper it discusses with a link to it,
 * the paragraphs, the visual abstract, and who wrote it. The first and last lines are ours on
 * purpose (see the top of this file).
 */
function contentHtml(
  entry: ClubFeedEntry,
  meta: ClubFeedMeta,
  imageAddress: string | null,
): string {
  const blocks: string[] = [];
  if (entry.paper.preprint !== null)
    blocks.push(`<p><strong>${escapeHtml(PREPRINT_LABEL)}</strong></p>`);
  blocks.push(`<p>${paperReference(entry.paper)}</p>`);
  for (const paragraph of entry.summary.split(/\n[^\S\n]*\n/)) {
    const lines = paragraph
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length > 0) blocks.push(`<p>${lines.map(escapeHtml).join('<br />')}</p>`);
  }
  if (entry.image !== null && imageAddress !== null) {
    blocks.push(
      `<p><img src="${escapeHtml(imageAddress)}" alt="${escapeHtml(entry.image.altText)}" /></p>`,
    );
  }
  const author = entry.author.trim();
  const club = withoutFinalStop(meta.title.trim());
  const byline = author === '' ? `Summary for ${club}.` : `Summary by ${author} for ${club}.`;
  blocks.push(`<p>${escapeHtml(byline)}</p>`);
  return blocks.join('');
}

/** "Paper: <a>Title</a>. Smith J, Jones A. N Engl J Med 2026." without any "doi:" text. */
function paperReference(paper: SummaryPaper): string {
  const address = paperAddress(paper);
  const title = escapeHtml(withoutFinalStop(paper.title.trim()));
  const parts = [
    `Paper: ${address === null ? title : `<a href="${escapeHtml(address)}">${title}</a>`}.`,
  ];
  if (paper.authors.length > 0) {
    const named = paper.authors.slice(0, AUTHORS_NAMED).join(', ');
    parts.push(escapeHtml(paper.authors.length > AUTHORS_NAMED ? `${named} et al.` : `${named}.`));
  }
  const source = [paper.journal ?? paper.preprint, paper.year].filter(
    (part) => part !== null && part !== '',
  );
  if (source.length > 0) parts.push(`${escapeHtml(source.join(' '))}.`);
  return parts.join(' ');
}

/** Where a reader clicks through to the paper: its doi.org address, else its own http(s) address. */
function paperAddress(paper: SummaryPaper): string | null {
  const doi = doiOf(paper);
  if (doi !== null) return `https://doi.org/${encodeDoi(doi)}`;
  return webAddress(paper.url);
}

/**
 * How `rel="related"` names the paper: by its `info:doi/` URI (RFC 4452) when it has a DOI,
 * because Rounds takes an entry whose only DOI is a related doi.org link for the paper itself;
 * otherwise by its web address, which Rounds never reads as the entry's identity.
 */
function relatedAddress(paper: SummaryPaper): string | null {
  const doi = doiOf(paper);
  if (doi !== null) return `info:doi/${encodeDoi(doi)}`;
  return webAddress(paper.url);
}

function doiOf(paper: SummaryPaper): string | null {
  const fromField = paper.doi === null ? null : normalizeDoi(paper.doi);
  if (fromField !== null) return fromField;
  const url = paper.url;
  return url !== null && /^https?:\/\/(?:dx\.|www\.)?doi\.org\//i.test(url.trim())
    ? normalizeDoi(url)
    : null;
}

/** A DOI's suffix may hold any printable character; each path segment is encoded on its own. */
function encodeDoi(doi: string): string {
  return doi.split('/').map(encodeURIComponent).join('/');
}

function webAddress(value: string | null): string | null {
  if (value === null) return null;
  const url = parseWebUrl(value.trim());
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

/**
 * The folder address the published files will be served from, ending in "/", or null when the
 * user gave none. The feed's own address is accepted too, for its folder.
 */
function feedFolderAddress(baseUrl: string | null): string | null {
  if (baseUrl === null || baseUrl.trim() === '') return null;
  const url = parseWebUrl(baseUrl.trim());
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(
      `The address the club feed will be served from, “${baseUrl}”, is not a web address: it should start with https:// (or http://).`,
    );
  }
  url.hash = '';
  const href = url.href.replace(/\?.*$/, '');
  if (href.endsWith(`/${CLUB_FEED_FILE_NAME}`)) return href.slice(0, -CLUB_FEED_FILE_NAME.length);
  return href.endsWith('/') ? href : `${href}/`;
}

/** A reference relative to the feed, or made absolute against the folder's address. */
function addressOf(reference: string, base: string | null): string {
  if (base === null) return reference;
  return parseWebUrl(reference, base)?.href ?? `${base}${reference}`;
}

function byNewestFirst(a: ClubFeedEntry, b: ClubFeedEntry): number {
  return (
    timeOf(b.published) - timeOf(a.published) ||
    timeOf(b.updated) - timeOf(a.updated) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The feed changed when its latest summary did, if that is later than the date it was given. */
function latestChange(meta: ClubFeedMeta, entries: readonly ClubFeedEntry[]): string {
  const fallback = new Date(0).toISOString();
  const feedDate = atomDate(meta.updated, fallback);
  return entries.reduce((latest, entry) => {
    const updated = atomDate(entry.updated, latest);
    return timeOf(updated) > timeOf(latest) ? updated : latest;
  }, feedDate);
}

/** An RFC 3339 date in UTC; a date that cannot be read gives way to `fallback`. */
function atomDate(value: string, fallback: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

function timeOf(value: string): number {
  const time = Date.parse(value);
  return Number.isNaN(time) ? 0 : time;
}

function withoutFinalStop(text: string): string {
  return text.replace(/\.+$/, '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_REFERENCES[character] ?? character);
}
