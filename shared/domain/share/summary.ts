// The plain data every way of sharing a summary is built from: the composer edits it, the privacy
// guard scans its text, and the card, the handout, the posts and the club feed are rendered from it.
// Kept apart from the renderers so the contract, the backend and the window share one shape.

/** Servers whose papers have not been peer reviewed. */
export const PREPRINT_SERVERS = ['medRxiv', 'bioRxiv', 'arXiv', 'SSRN', 'Research Square'] as const;
export type PreprintServer = (typeof PREPRINT_SERVERS)[number];

/** The label every export of a preprint carries unless the user confirmed removing it. */
export const PREPRINT_LABEL = 'Preprint — not peer reviewed';

/** The paper a summary is about, as the exports cite it. */
export interface SummaryPaper {
  /** The library item, when the paper is in the library. */
  itemId: string | null;
  title: string;
  authors: string[];
  journal: string | null;
  year: number | null;
  /** Bare DOI (`10.1056/…`), lower-cased, or null. */
  doi: string | null;
  /** The source link every export carries: `https://doi.org/<doi>` when there is a DOI. */
  url: string | null;
  /** The preprint server when the paper is a preprint, else null. */
  preprint: PreprintServer | null;
}

/** The visual abstract's text, field by field; every field may be edited before rendering. */
export interface VisualAbstractCard {
  question: string;
  population: string;
  intervention: string;
  comparison: string;
  mainResult: string;
  bottomLine: string;
  /** Short citation: "Smith J et al. NEJM 2026. doi:10.1056/…". */
  citation: string;
  levelOfEvidence: string;
  /** The club's name, or null for a summary of one's own. */
  club: string | null;
  /** `PREPRINT_LABEL` for a preprint (unless removed with confirmation), else null. */
  preprintLabel: string | null;
}

/** The two sizes a card is rendered at, in pixels. */
export const CARD_SIZES = {
  landscape: { width: 1200, height: 675 },
  square: { width: 1080, height: 1080 },
} as const;
export type CardSize = keyof typeof CARD_SIZES;

/** A rendered card must stay under this many bytes: every platform accepts it. */
export const MAX_CARD_BYTES = 1_000_000;

/** Alt text limits per platform, in characters. */
export const ALT_TEXT_LIMITS = { x: 1_000, mastodon: 1_500, bluesky: 2_000 } as const;

/** A highlight quoted in a handout. */
export interface HandoutHighlight {
  quote: string;
  /** The annotator's comment, if any. */
  comment: string | null;
  /** Who highlighted it (a club member's name), or null for the user's own. */
  by: string | null;
}

/** One labelled line of the appraisal ("Design", "Population", "GRADE" …). */
export interface HandoutField {
  label: string;
  value: string;
}

/** Everything a handout holds; Markdown, HTML and PDF are rendered from this one value. */
export interface HandoutContent {
  title: string;
  paper: SummaryPaper;
  /** Full citation line. */
  citation: string;
  /** Labels that must appear near the top: the preprint label, a retraction warning. */
  warnings: string[];
  levelOfEvidence: string;
  /** The summary as the user edited it: paragraphs separated by blank lines. */
  summary: string;
  /** The plain-language version, or null when there is none. */
  laySummary: string | null;
  highlights: HandoutHighlight[];
  appraisal: HandoutField[];
  /** The session's notes and discussion, paragraph by paragraph. */
  notes: string[];
  bottomLine: string | null;
  disclosure: string;
  /** The club's name, or null. */
  club: string | null;
  /** ISO date (YYYY-MM-DD) the handout was made. */
  date: string;
}

/** One summary as an entry of the club's Atom feed. */
export interface ClubFeedEntry {
  /** Stable id of the summary (the draft id); the entry's `<id>` is derived from it. */
  id: string;
  title: string;
  /** The summary text, paragraphs separated by blank lines (published as escaped HTML paragraphs). */
  summary: string;
  paper: SummaryPaper;
  /** ISO 8601 UTC of the first publication and of the last change. */
  published: string;
  updated: string;
  /** Who wrote it (the profile's name). */
  author: string;
  /** The visual abstract's file name inside the feed folder (`<id>.png`), or null. */
  image: { fileName: string; bytes: number; altText: string } | null;
}

/** The feed as a whole. */
export interface ClubFeedMeta {
  /** Stable id of the feed (a `urn:uuid:`), kept in the share store. */
  id: string;
  title: string;
  /** Where the folder will be served from, if the user said; makes links absolute. */
  baseUrl: string | null;
  /** ISO 8601 UTC. */
  updated: string;
}
