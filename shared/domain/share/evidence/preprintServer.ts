import { normalizeArxivId } from '@shared/domain/feeds/paperIdentity';
import type { PreprintServer } from '../summary';

/** What {@link preprintServerOf} looks at: the fields a library item or a summary's paper has. */
export interface PreprintEvidence {
  doi: string | null;
  url: string | null;
  journal: string | null;
}

const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/|doi:\s*|info:doi\/)/i;
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;
const DOI_RESOLVER_LINK = /^https?:\/\/(?:dx\.|www\.)?doi\.org\/([^?#]+)/i;
const ARXIV_DOI = /^10\.48550\/arxiv\./;
const SSRN_DOI = /^10\.2139\/ssrn\./;
const RESEARCH_SQUARE_DOI = /^10\.21203\/rs\./;
// Cold Spring Harbor registers its preprints and its journals (Genome Research `gr.`, Genes &
// Development `gad.` …) under one prefix: only these numeric suffixes are preprints.
const CSH_DATED_PREPRINT = /^10\.1101\/(\d{4})\.\d{2}\.\d{2}\.(\d+)(?:v\d+)?$/;
const CSH_NUMBERED_PREPRINT = /^10\.1101\/(\d{6}|\d{8})(?:v\d+)?$/;

const SERVER_HOSTS: readonly (readonly [string, PreprintServer])[] = [
  ['medrxiv.org', 'medRxiv'],
  ['biorxiv.org', 'bioRxiv'],
  ['arxiv.org', 'arXiv'],
  ['ssrn.com', 'SSRN'],
  ['researchsquare.com', 'Research Square'],
];

// Whole words only, so a journal that merely contains the letters is not taken for a server.
// PubMed writes "medRxiv : the preprint server for health sciences"; Crossref files SSRN's
// papers under "SSRN Electronic Journal"; citation tools write "arXiv preprint arXiv:…".
const SERVER_JOURNALS: readonly (readonly [RegExp, PreprintServer])[] = [
  [/\bmedrxiv\b/i, 'medRxiv'],
  [/\bbiorxiv\b/i, 'bioRxiv'],
  [/\barxiv\b/i, 'arXiv'],
  [/\bssrn\b/i, 'SSRN'],
  [/\bresearch\s+square\b/i, 'Research Square'],
];

/**
 * The preprint server a paper was posted on, or null for a journal article (or when nothing says).
 *
 * The DOI decides first, because it names the version the item is: arXiv (`10.48550/arXiv.…`),
 * SSRN (`10.2139/ssrn.…`) and Research Square (`10.21203/rs.…`) each have their own prefix, and
 * any other DOI, even on a paper that began as a preprint, is a journal's. medRxiv and bioRxiv share
 * `10.1101` (with Cold Spring Harbor's own journals, which are peer reviewed and so not preprints):
 * the address's host or the journal's name tells the two servers apart; failing both, the shape
 * of the number does, medRxiv's being eight digits that start with the two-digit year of
 * submission (`2020.02.14.20023127`, or `19005215` in 2019), bioRxiv's a running count
 * (`2020.03.22.002386`, or six digits before 2020). Without a DOI, an arXiv id, the host of the
 * address or the journal's name decide.
 */
export function preprintServerOf(paper: PreprintEvidence): PreprintServer | null {
  const hostServer = paper.url === null ? null : serverOfHost(paper.url);
  const journalServer = paper.journal === null ? null : serverOfJournal(paper.journal);
  const doi = doiOf(paper);
  if (doi !== null) {
    if (ARXIV_DOI.test(doi)) return 'arXiv';
    if (SSRN_DOI.test(doi)) return 'SSRN';
    if (RESEARCH_SQUARE_DOI.test(doi)) return 'Research Square';
    const cshGuess = coldSpringHarborPreprintGuess(doi);
    if (cshGuess === null) return null;
    return coldSpringHarborServer(hostServer) ?? coldSpringHarborServer(journalServer) ?? cshGuess;
  }
  if (paper.doi !== null && normalizeArxivId(paper.doi) !== null) return 'arXiv';
  return hostServer ?? journalServer;
}

/**
 * The paper's DOI, lower-cased and bare, from its DOI field or else a doi.org address. Read here
 * rather than with `normalizeDoi`, which shortens eight-digit medRxiv numbers to six.
 */
function doiOf(paper: PreprintEvidence): string | null {
  const written = bareDoi(paper.doi ?? '');
  if (written !== null) return written;
  const linked = DOI_RESOLVER_LINK.exec(paper.url?.trim() ?? '')?.[1];
  if (linked === undefined) return null;
  try {
    return bareDoi(decodeURIComponent(linked));
  } catch {
    return null;
  }
}

function bareDoi(value: string): string | null {
  const doi = value.trim().replace(DOI_PREFIX, '').trim().toLowerCase();
  return DOI_SHAPE.test(doi) ? doi : null;
}

/**
 * Which of the two servers a `10.1101` DOI's number points to, or null when the DOI is not a
 * preprint's at all. The number is read directly from the DOI: eight-digit medRxiv numbers must
 * not be cut to six as if they were bioRxiv's.
 */
function coldSpringHarborPreprintGuess(doi: string): 'medRxiv' | 'bioRxiv' | null {
  const dated = CSH_DATED_PREPRINT.exec(doi);
  if (dated) {
    const postedYear = Number((dated[1] ?? '').slice(2));
    const number = dated[2] ?? '';
    const submittedYear = Number(number.slice(0, 2));
    // A paper submitted in late December is posted in January: its number keeps the old year.
    const medRxivShaped =
      number.length === 8 && (submittedYear === postedYear || submittedYear === postedYear - 1);
    return medRxivShaped ? 'medRxiv' : 'bioRxiv';
  }
  const numbered = CSH_NUMBERED_PREPRINT.exec(doi);
  if (numbered) return (numbered[1] ?? '').length === 8 ? 'medRxiv' : 'bioRxiv';
  return null;
}

function coldSpringHarborServer(server: PreprintServer | null): 'medRxiv' | 'bioRxiv' | null {
  return server === 'medRxiv' || server === 'bioRxiv' ? server : null;
}

function serverOfHost(url: string): PreprintServer | null {
  const host = /^https?:\/\/([^/?#:]+)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (host === undefined) return null;
  const match = SERVER_HOSTS.find(([domain]) => host === domain || host.endsWith(`.${domain}`));
  return match?.[1] ?? null;
}

function serverOfJournal(journal: string): PreprintServer | null {
  return SERVER_JOURNALS.find(([pattern]) => pattern.test(journal))?.[1] ?? null;
}
