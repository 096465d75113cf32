import { repairListDocument } from './repairListDocument';
import {
  MAX_CITATIONS,
  NO_PAPER_IDS,
  normalizeArxivId,
  normalizeDoi,
  type PaperIds,
} from '../feeds/paperIdentity';
import {
  type ItemMedia,
  type ItemPdf,
  type ItemRecord,
  type ItemShardDocument,
  type Repaired,
} from './libraryDocuments';
import {
  EPOCH_ISO,
  isPlainRecord,
  isoDateOrNull,
  nonEmptyText,
  nullableText,
  textOr,
  webAddressOrNull,
} from './repairPrimitives';

/** Title given to an item whose title was lost; lists never show an empty line. */
export const UNTITLED_ITEM_TITLE = 'Untitled';

/**
 * Makes one stored item usable: fills missing fields, keeps only http(s) links and normalises
 * dates. Any `contentHtml` field is ignored (content is kept in content shards). Returns null only
 * when the record has no id or no feed id. Never throws.
 */
export function repairItemRecord(raw: unknown): ItemRecord | null {
  if (!isPlainRecord(raw)) return null;
  const id = nonEmptyText(raw.id);
  const feedId = nonEmptyText(raw.feedId);
  if (id === null || feedId === null) return null;
  const link = webAddressOrNull(raw.link);
  const publishedAt = isoDateOrNull(raw.publishedAt);
  return {
    id,
    feedId,
    guid: nonEmptyText(raw.guid) ?? link ?? id,
    title: nullableText(raw.title) ?? UNTITLED_ITEM_TITLE,
    link,
    author: nullableText(raw.author),
    publishedAt,
    excerpt: textOr(raw.excerpt, ''),
    fetchedAt: isoDateOrNull(raw.fetchedAt) ?? publishedAt ?? EPOCH_ISO,
    // Paper fields came with issue 3: older files lack them, and their items are simply not papers.
    authors: textList(raw.authors, MAX_AUTHORS),
    journal: nullableText(raw.journal),
    paperIds: repairPaperIds(raw.paperIds),
    relatedDoi: typeof raw.relatedDoi === 'string' ? normalizeDoi(raw.relatedDoi) : null,
    citations: textList(raw.citations, MAX_CITATIONS),
    media: Array.isArray(raw.media)
      ? raw.media.flatMap((entry) => repairMedia(entry) ?? []).slice(0, MAX_MEDIA)
      : [],
    // Written only when there is one, so the records of fetched items do not grow.
    ...withPdf(repairPdf(raw.pdf)),
  };
}

/** Most authors kept per item: consortium papers list hundreds, and lists show a few. */
export const MAX_AUTHORS = 50;
/** Most media kept per item. */
export const MAX_MEDIA = 8;

function textList(raw: unknown, limit: number): string[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
    .slice(0, limit);
}

// Identifiers are re-normalised so a hand-edited file still groups copies of one paper.
function repairPaperIds(raw: unknown): PaperIds {
  if (!isPlainRecord(raw)) return { ...NO_PAPER_IDS };
  const pmid = typeof raw.pmid === 'string' && /^\d{1,9}$/.test(raw.pmid) ? raw.pmid : null;
  const arxiv = nullableText(raw.arxiv);
  return {
    doi: typeof raw.doi === 'string' ? normalizeDoi(raw.doi) : null,
    pmid,
    arxiv: arxiv === null ? null : normalizeArxivId(arxiv),
  };
}

function repairMedia(raw: unknown): ItemMedia | null {
  if (!isPlainRecord(raw)) return null;
  const url = webAddressOrNull(raw.url);
  if (url === null) return null;
  return { url, type: nullableText(raw.type), medium: nullableText(raw.medium) };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const MAX_PDF_FILE_NAME_LENGTH = 255;

function withPdf(pdf: ItemPdf | null): { pdf?: ItemPdf } {
  return pdf === null ? {} : { pdf };
}

// The hash names files on disk, so anything but 64 hex digits is dropped rather than trusted.
function repairPdf(raw: unknown): ItemPdf | null {
  if (!isPlainRecord(raw)) return null;
  const { hash, fileName, pageCount } = raw;
  if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) return null;
  if (typeof fileName !== 'string') return null;
  if (!Number.isInteger(pageCount) || (pageCount as number) < 0) return null;
  const baseName = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return {
    hash,
    fileName: baseName === '' ? 'document.pdf' : baseName.slice(0, MAX_PDF_FILE_NAME_LENGTH),
    pageCount: pageCount as number,
  };
}

/**
 * Repairs and migrates a parsed item-index shard of any version: keeps every usable item record,
 * drops records without an id or feed id and later duplicates of an id. Never throws.
 */
export function repairItemShard(raw: unknown): Repaired<ItemShardDocument> {
  return repairListDocument(raw, 'items', repairItemRecord);
}
