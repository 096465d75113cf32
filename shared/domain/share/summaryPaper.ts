import { preprintServerOf } from './evidence/preprintServer';
import type { SummaryPaper } from './summary';

/** What the library or a session knows about a paper. */
export interface PaperFacts {
  itemId: string | null;
  title: string;
  authors: readonly string[];
  journal: string | null;
  year: number | null;
  doi: string | null;
  /** The item's own link (the publisher's page or a preprint server's), used without a DOI. */
  link: string | null;
}

/**
 * The paper as a summary cites it: the DOI's resolver link when there is a DOI (stable, and what
 * colleagues' feeds match papers by), else the item's own link; and whether it is a preprint.
 */
export function summaryPaperOf(facts: PaperFacts): SummaryPaper {
  const doi = facts.doi?.trim().toLowerCase() || null;
  return {
    itemId: facts.itemId,
    title: facts.title,
    authors: [...facts.authors],
    journal: facts.journal,
    year: facts.year,
    doi,
    url: doi ? `https://doi.org/${doi}` : facts.link,
    preprint: preprintServerOf({ doi, url: facts.link, journal: facts.journal }),
  };
}
