import type {
  CitationImportProblem,
  CitationImportSummary,
  DoiAdded,
  PdfAdded,
} from '@shared/contract';

/** What one addition to "My papers" came to, as the dialog lists it. */
export type PaperOutcome =
  | { kind: 'citations'; fileName: string; summary: CitationImportSummary }
  | { kind: 'doi'; doi: string; added: DoiAdded }
  | { kind: 'pdf'; fileName: string; added: PdfAdded }
  /** Refused or failed: the file or DOI, and the backend's (or the window's) sentence. */
  | { kind: 'failed'; subject: string; message: string };

/** An outcome in words: a headline, and for an import each entry that could not be read. */
export interface DescribedOutcome {
  tone: 'done' | 'problem';
  headline: string;
  problems: readonly CitationImportProblem[];
}

const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS' } as const;
const NO_PROBLEMS: readonly CitationImportProblem[] = [];

function papers(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'paper' : 'papers'}`;
}

/** Describes an outcome for the user, numbers and file names included. */
export function describePaperOutcome(outcome: PaperOutcome): DescribedOutcome {
  switch (outcome.kind) {
    case 'citations': {
      const { format, added, alreadyThere, problems } = outcome.summary;
      const parts = [`${papers(added)} added`, `${alreadyThere.toLocaleString()} already there`];
      if (problems.length > 0) {
        parts.push(`${problems.length.toLocaleString()} could not be read`);
      }
      return {
        tone: problems.length > 0 ? 'problem' : 'done',
        headline: `“${outcome.fileName}” (${FORMAT_NAMES[format]}): ${parts.join(', ')}.`,
        problems,
      };
    }
    case 'doi': {
      const { lookup, alreadyThere } = outcome.added;
      const headline = alreadyThere
        ? `DOI ${outcome.doi} is already in My papers.`
        : lookup === 'found'
          ? `DOI ${outcome.doi}: found, and added to My papers.`
          : `DOI ${outcome.doi}: saved — details will be fetched when you are online.`;
      return { tone: 'done', headline, problems: NO_PROBLEMS };
    }
    case 'pdf': {
      const { title, pdf, paper, alreadyStored } = outcome.added;
      const pages = `${pdf.pageCount.toLocaleString()} ${pdf.pageCount === 1 ? 'page' : 'pages'}`;
      const what =
        paper === 'attached'
          ? `attached to “${title}”`
          : alreadyStored
            ? `already in My papers as “${title}”`
            : `added to My papers as “${title}”`;
      return {
        tone: 'done',
        headline: `“${outcome.fileName}” (${pages}): ${what}.`,
        problems: NO_PROBLEMS,
      };
    }
    case 'failed':
      return {
        tone: 'problem',
        headline: `${outcome.subject} was not added. ${outcome.message}`,
        problems: NO_PROBLEMS,
      };
  }
}
