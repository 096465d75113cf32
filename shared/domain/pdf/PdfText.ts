/** One bookmark of a PDF's outline, flattened in reading order. */
export interface PdfOutlineEntry {
  title: string;
  /** The page it opens, 1-based. */
  page: number;
  /** 0 for a top-level bookmark, 1 for one inside it, and so on. */
  depth: number;
}

/** The text of a PDF, as the index stores it and the viewer shows it. */
export interface PdfText {
  pageCount: number;
  /** The document's own title (XMP metadata first, then the information dictionary), if any. */
  title: string | null;
  /** Each page's text, built by {@link buildPageText}; `pages[0]` is page 1. */
  pages: string[];
  outline: PdfOutlineEntry[];
}
