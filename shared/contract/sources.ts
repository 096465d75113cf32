import { z } from 'zod';
import { method, service } from './define';

/** What kinds of source the catalogue lists. */
export const CATALOGUE_KINDS = ['journal', 'preprint', 'guideline', 'news', 'search'] as const;

/** What kind of source a catalogue entry is. */
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

/** The groups of the starter catalogue, in the order the "Add feed" dialog shows them. */
export const CATALOGUE_SPECIALTIES = [
  'General medicine',
  'Cardiology',
  'Oncology',
  'Infectious disease',
  'Paediatrics',
  'Emergency medicine',
  'Nursing',
  'Pharmacy',
  'Public health',
  'Preprints',
  'Guidelines',
  'Evidence',
] as const;

/** A group of the starter catalogue. */
export type CatalogueSpecialty = (typeof CATALOGUE_SPECIALTIES)[number];

/** One feed in the bundled starter catalogue. Nothing is subscribed until the user picks it. */
export interface CatalogueEntry {
  /** Stable id within the catalogue. */
  id: string;
  title: string;
  url: string;
  /** Publisher or organisation, e.g. "BMJ Publishing Group". */
  publisher: string;
  /** Group the entry is filed under, e.g. "Cardiology", "General medicine". */
  specialty: CatalogueSpecialty;
  /** The publisher's site for the source, when known. */
  siteUrl: string | null;
  kind: CatalogueKind;
  /** True when the library already has a subscription to this URL. */
  subscribed: boolean;
}

/** What an OPML import did. */
export interface OpmlImportSummary {
  /** Subscriptions created (their first fetch follows in a background refresh). */
  added: number;
  /** Outlines whose URL was already subscribed. */
  alreadySubscribed: number;
  /** Outlines that were not usable feeds (no xmlUrl, not http(s)), with the reason for each. */
  skipped: { title: string; reason: string }[];
}

/** An OPML document ready to save. */
export interface OpmlExport {
  fileName: string;
  text: string;
}

/** Largest OPML file accepted: big enough for thousands of subscriptions. */
export const MAX_OPML_BYTES = 5 * 1024 * 1024;

/**
 * Largest `importOpml` request: a file at the limit plus room for its JSON escaping (every quote
 * and line break of the OPML gains a backslash).
 */
export const MAX_OPML_REQUEST_BYTES = MAX_OPML_BYTES + 1024 * 1024;

/**
 * The `sources` service: moving subscriptions in and out (OPML) and the starter catalogue.
 */
export const sourcesContract = service('sources', {
  /** The bundled starter catalogue, grouped by the caller by `specialty`. */
  catalogue: method<CatalogueEntry[]>()({ args: z.tuple([]) }),
  /**
   * Imports subscriptions from an OPML document, keeping its folders. Items are fetched by a
   * background refresh afterwards; nothing already subscribed is duplicated.
   */
  importOpml: method<OpmlImportSummary>()({
    args: z.tuple([
      z.object({ text: z.string().max(MAX_OPML_BYTES, 'That OPML file is too large') }),
    ]),
    errors: ['not-opml'],
    maxRequestBytes: MAX_OPML_REQUEST_BYTES,
  }),
  /** Exports every subscription, with folders, as OPML 2.0. */
  exportOpml: method<OpmlExport>()({ args: z.tuple([]) }),
});
