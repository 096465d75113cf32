import type { PaperIds } from '@shared/domain/feeds/paperIdentity';

// What the citation adapters produce. A reference is shaped like the stored item it becomes, and a
// file's entries that could not be read travel beside the ones that could, so one bad entry never
// costs the user the rest of an import.

/**
 * A paper that came from outside the feeds: a reference manager's export (BibTeX, RIS) or a DOI
 * looked up at Crossref. Its fields are the ones an `ItemRecord` keeps, already in the same form:
 * plain text, display names, identifiers normalised by `paperIdentity`, so storing it is a copy.
 */
export interface ImportedReference {
  /** The BibTeX citation key or the RIS `ID`, which names the entry in problems; null if none. */
  sourceKey: string | null;
  /** Plain text, never empty. */
  title: string;
  /**
   * Display names in the source's order ("Jörg Müller", "Martin King Jr."); a group author is
   * one whole name ("World Health Organization").
   */
  authors: string[];
  /** The journal, or another container (a book, a preprint server); null when none is named. */
  journal: string | null;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the source; null when it gives no year. */
  publishedAt: string | null;
  /** DOI, PMID and arXiv id as the feeds store them (an arXiv DOI is kept as its arXiv id). */
  paperIds: PaperIds;
  /** Plain text, paragraphs on separate lines; null when there is none. */
  abstract: string | null;
  /** An http(s) address of the paper, or null. */
  url: string | null;
  /** The keywords or subject headings the source gave, once each. */
  keywords: string[];
}

/**
 * An entry of a file that was not imported: the entry as the user can find it in the file (its
 * citation key or RIS ID, else "entry 3", "record 3" or "line 12") and what is wrong with it.
 */
export interface ImportProblem {
  entry: string;
  message: string;
}

/** What a reader made of a file's entries, each in file order. */
export interface ReferencesRead {
  references: ImportedReference[];
  problems: ImportProblem[];
}
