import { stripInvisibleControls } from '../feeds/stripInvisibleControls';
import type { PdfOutlineEntry } from './PdfText';

/** A bookmark as pdf.js's `getOutline()` returns it (only what is read here). */
export interface PdfOutlineNode {
  title: string;
  /** A named destination, an explicit one (`[pageRef or pageIndex, fit, …]`), or none (a link). */
  dest: string | readonly unknown[] | null;
  items: readonly PdfOutlineNode[];
}

/** The parts of pdf.js's `PDFDocumentProxy` that turn bookmarks into page numbers. */
export interface PdfOutlineSource {
  readonly numPages: number;
  getOutline(): Promise<readonly PdfOutlineNode[] | null>;
  getDestination(id: string): Promise<readonly unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

/** A hostile file can hold millions of bookmarks; a real one has at most a few hundred. */
export const MAX_OUTLINE_ENTRIES = 2_000;
const MAX_OUTLINE_DEPTH = 16;
const MAX_TITLE_LENGTH = 300;

/**
 * The document's bookmarks flattened in reading order, each with the page it opens. Bookmarks that
 * open no page of this document (web links, broken destinations) are left out, their children
 * kept. Titles are plain text without invisible direction controls, as feed titles are.
 */
export async function readPdfOutline(document: PdfOutlineSource): Promise<PdfOutlineEntry[]> {
  const entries: PdfOutlineEntry[] = [];
  const visit = async (nodes: readonly PdfOutlineNode[], depth: number): Promise<void> => {
    for (const node of nodes) {
      if (entries.length >= MAX_OUTLINE_ENTRIES) return;
      const title = cleanOutlineTitle(node.title);
      const page = await pageOfDestination(document, node.dest);
      if (title !== '' && page !== null) entries.push({ title, page, depth });
      if (depth + 1 < MAX_OUTLINE_DEPTH && Array.isArray(node.items)) {
        await visit(node.items, depth + 1);
      }
    }
  };
  await visit((await document.getOutline()) ?? [], 0);
  return entries;
}

function cleanOutlineTitle(title: unknown): string {
  if (typeof title !== 'string') return '';
  return stripInvisibleControls(title).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

/** The 1-based page a destination opens, or null when it names no page of this document. */
async function pageOfDestination(
  document: PdfOutlineSource,
  destination: PdfOutlineNode['dest'],
): Promise<number | null> {
  try {
    const explicit =
      typeof destination === 'string' ? await document.getDestination(destination) : destination;
    const target = Array.isArray(explicit) ? (explicit as unknown[])[0] : undefined;
    let index: number | null = null;
    if (Number.isInteger(target)) index = target as number;
    else if (isReference(target)) index = await document.getPageIndex(target);
    return index !== null && index >= 0 && index < document.numPages ? index + 1 : null;
  } catch {
    // pdf.js rejects a reference to something that is not a page; such a bookmark opens nothing.
    return null;
  }
}

function isReference(value: unknown): value is { num: number; gen: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as { num?: unknown }).num) &&
    Number.isInteger((value as { gen?: unknown }).gen)
  );
}
