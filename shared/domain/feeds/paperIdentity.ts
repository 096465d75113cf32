/**
 * The identifiers that say which paper an item is. Each is normalised so that two copies of one
 * paper compare equal as strings: a DOI lower-cased without resolver or `doi:` prefix, a PubMed
 * id as digits, an arXiv id without its version.
 */
export interface PaperIds {
  doi: string | null;
  pmid: string | null;
  arxiv: string | null;
}

/** An item that is not (known to be) a paper. */
export const NO_PAPER_IDS: Readonly<PaperIds> = Object.freeze({
  doi: null,
  pmid: null,
  arxiv: null,
});

/** Where identifiers may be found, most trustworthy first. */
export interface PaperIdSources {
  /** Metadata values: `prism:doi`, `dc:identifier`, a guid (`pmid:1`, `doi:10.1/x`, `oai:arXiv.org:…`). */
  fields?: readonly (string | null | undefined)[];
  /** Addresses: doi.org, PubMed, arXiv, bioRxiv/medRxiv and publisher pages with a DOI in the path. */
  links?: readonly (string | null | undefined)[];
  /** Plain text: `doi:10.1/x`, `PMID: 123`, `arXiv:2401.01234`, bare DOIs. */
  text?: string;
}

// A DOI is "10." + a registrant code + "/" + any printable suffix; in running text the suffix
// ends at white space, quotes, markup, or the query of the address it sits in.
const DOI_IN_TEXT = /\b10\.\d{4,9}\/[^\s"'<>?#]+/g;
const DOI_ONLY = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.|www\.)?doi\.org\/|doi:\s*|info:doi\/)/i;
// Cold Spring Harbor's preprint DOIs (bioRxiv, medRxiv): a date-based number, or before those an
// undated one (six digits at bioRxiv, eight at medRxiv); their web addresses append a version and
// a page kind ("v2.full.pdf") that is not part of the DOI.
const CSH_PREPRINT_DOI = /^10\.1101\/(\d{4}\.\d{2}\.\d{2}\.\d+|\d{6}(?:\d{2})?)(?!\d)/i;
const CSH_PREPRINT_LINK =
  /(?:bio|med)rxiv\.org\/(?:content\/(?:10\.1101\/)?|cgi\/content\/(?:short|abstract|full)\/)(\d{4}\.\d{2}\.\d{2}\.\d+|\d{6}(?:\d{2})?)(?!\d)(?:v\d+)?/i;
// arXiv's DataCite DOIs name the same paper as its arXiv id.
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
const ARXIV_NEW_ID = '\\d{4}\\.\\d{4,5}';
const ARXIV_OLD_ID = '[a-z][a-z-]*(?:\\.[A-Z]{2})?\\/\\d{7}';
const ARXIV_ID = `(?:${ARXIV_NEW_ID}|${ARXIV_OLD_ID})`;
const ARXIV_ID_ONLY = new RegExp(`^(${ARXIV_ID})(?:v\\d+)?(?:\\.pdf)?$`, 'i');
const ARXIV_LINK = new RegExp(`arxiv\\.org\\/(?:abs|pdf)\\/(${ARXIV_ID})(?:v\\d+)?`, 'i');
const ARXIV_PREFIX = /^(?:oai:arxiv\.org:|arxiv:)\s*/i;
const ARXIV_LABEL = new RegExp(`\\barxiv(?:\\.org)?:\\s*(${ARXIV_ID})(?:v\\d+)?`, 'gi');
const PUBMED_LINK = /(?:pubmed\.ncbi\.nlm\.nih\.gov\/|ncbi\.nlm\.nih\.gov\/pubmed\/)(\d{1,9})\b/i;
const PMID_FIELD = /^(?:pmid|pubmed|info:pmid\/)\s*:?\s*(\d{1,9})$/i;
const PMID_LABEL = /\bPMID\s*:?\s*(\d{1,9})\b/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"\]}>]+$/;
// A publisher says where a preprint was published in words like "Now published in Nature
// Medicine doi: 10.1038/…"; the identifier that follows is the other version, not this one.
const PUBLISHED_VERSION_NOTE =
  /\b(?:now\s+)?published\s+(?:version\s+)?(?:in|as|at)\b[^\n]{0,200}?((?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.\d{4,9}\/[^\s"'<>]+)/gi;
const ADDRESS_IN_TEXT = /(?:\bhttps?:\/\/|(?<![\w@./-]))(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"']*/gi;
// Query parameters that only say where a click came from.
const TRACKING_PARAMETER = /^(?:utm_\w+|rss|fbclid|gclid|mc_cid|mc_eid|ref|src|source|cmp|af)$/i;
// A journal's own citation line, as AMA and NLM styles write it under an abstract: the journal,
// then the year, volume, issue and pages ("JAMA. 2026;335(4):301-310.") or the online-first date
// ("JAMA. Published online January 28, 2026."), then the article's DOI.
const CITATION_LINE_DOI =
  /^[^;:,!?\n]{1,120}?\.\s+(?:(?:19|20)\d{2}\b[^;\n]{0,20};\s*\d+[^:\n]{0,20}:\s*[A-Za-z]?\d[\w.\u2013-]*|Published online:?\s+[^.\n]{1,40}?(?:19|20)\d{2})\.?\s+doi:\s*(10\.\d{4,9}\/\S+)/i;
const DOI_RESOLVER_HOST = /^https?:\/\/(?:dx\.|www\.)?doi\.org\//i;
/** At most this many citations are kept per item: a post citing more is a reading list. */
export const MAX_CITATIONS = 20;

/**
 * A DOI in its comparable form, from any way people write one: `https://doi.org/10.1/X`,
 * `dx.doi.org/…`, `doi:10.1/x`, `DOI: 10.1/x.`, URL-encoded (`10.1%2Fx`). Lower-cased (DOIs are
 * case-insensitive), trailing punctuation and unbalanced closing brackets removed, and bioRxiv /
 * medRxiv version suffixes dropped. Null when the value is not a DOI.
 */
export function normalizeDoi(value: string): string | null {
  let text = value.trim();
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A stray "%" is just text.
    }
  }
  text = text.replace(DOI_PREFIX, '').trim();
  // A DOI cut short for display ("10.1056/NEJMoa23…") names no paper.
  if (text.endsWith('…')) return null;
  text = trimTrailingPunctuation(text);
  if (!DOI_ONLY.test(text)) return null;
  const doi = text.toLowerCase();
  const preprint = CSH_PREPRINT_DOI.exec(doi);
  return preprint ? `10.1101/${preprint[1]}` : doi;
}

/**
 * An arXiv id in its comparable form (`2401.01234`, `hep-th/9901001`), from `arXiv:2401.01234v2`,
 * `oai:arXiv.org:2401.01234v1` or the bare id; the version is dropped. Null when it is not one.
 */
export function normalizeArxivId(value: string): string | null {
  return arxivIdIn(value.trim().replace(ARXIV_PREFIX, ''));
}

/**
 * The identifiers of one paper found in its metadata, its addresses and its text: for each kind,
 * the first one found, fields before links before text.
 */
export function extractPaperIds(sources: PaperIdSources): PaperIds {
  const ids: PaperIds = { doi: null, pmid: null, arxiv: null };
  const take = (found: PaperIds): void => {
    ids.doi ??= found.doi;
    ids.pmid ??= found.pmid;
    ids.arxiv ??= found.arxiv;
  };
  for (const field of sources.fields ?? []) if (field) take(idsInField(field));
  for (const link of sources.links ?? []) if (link) take(idsInLink(link));
  if (sources.text) take(firstOfEach(idsInText(sources.text)));
  return settleArxivDoi(ids);
}

/**
 * The key that stands for a paper in the library: its DOI, else its PubMed id, else its arXiv id,
 * each with its kind (`doi:10.1/x`, `pmid:123`, `arxiv:2401.01234`). Null for an item with none.
 */
export function paperKeyOf(ids: PaperIds): string | null {
  if (ids.doi !== null) return `doi:${ids.doi}`;
  if (ids.pmid !== null) return `pmid:${ids.pmid}`;
  if (ids.arxiv !== null) return `arxiv:${ids.arxiv}`;
  return null;
}

/** Every key a paper can be cited by: one per identifier it has. */
export function paperKeysOf(ids: PaperIds): string[] {
  const keys: string[] = [];
  if (ids.doi !== null) keys.push(`doi:${ids.doi}`);
  if (ids.pmid !== null) keys.push(`pmid:${ids.pmid}`);
  if (ids.arxiv !== null) keys.push(`arxiv:${ids.arxiv}`);
  return keys;
}

/**
 * A key under which two addresses of one article page compare equal (`link:host/path?query`):
 * scheme, `www.`, fragment, trailing slash and click-tracking parameters ignored. Null when the
 * value is not an http(s) address.
 */
export function articleLinkKey(url: string): string | null {
  const match = /^https?:\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(url.trim());
  if (!match) return null;
  const host = (match[1] ?? '').toLowerCase().replace(/^www\./, '');
  const path = (match[2] ?? '').replace(/\/+$/, '');
  const query = (match[3] ?? '')
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING_PARAMETER.test(pair.split('=')[0] ?? ''))
    .sort()
    .join('&');
  return `link:${host}${path}${query === '' ? '' : `?${query}`}`;
}

/**
 * What a post points at: the key of every paper it cites by identifier (in links or text) and the
 * {@link articleLinkKey} of every address it links to, without duplicates, at most
 * {@link MAX_CITATIONS}. The library attaches the post to any paper one of these keys names.
 */
export function citationsOf(sources: { links?: readonly string[]; text?: string }): string[] {
  const keys = new Set<string>();
  // Plain-text posts (Bluesky) write addresses without markup, often without the scheme.
  const written = [...(sources.text ?? '').matchAll(ADDRESS_IN_TEXT)].flatMap(([address]) => {
    // An address cut short for display ("doi.org/10.1056/NEJMoa23…") leads nowhere.
    if (address.includes('…')) return [];
    const trimmed = trimTrailingPunctuation(address);
    return [/^https?:/i.test(trimmed) ? trimmed : `https://${trimmed}`];
  });
  for (const link of [...(sources.links ?? []), ...written]) {
    for (const key of paperKeysOf(settleArxivDoi(idsInLink(link)))) keys.add(key);
    const linkKey = articleLinkKey(link);
    if (linkKey !== null) keys.add(linkKey);
  }
  for (const found of idsInText(sources.text ?? '')) {
    for (const key of paperKeysOf(settleArxivDoi(found))) keys.add(key);
  }
  return [...keys].slice(0, MAX_CITATIONS);
}

/**
 * The DOI of the other version of a paper when its publisher names it: a relation field
 * (`arxiv:DOI`, `dc:relation`), a `rel="related"` address, or a note such as "Now published in
 * JAMA doi: 10.1001/…". Null when nothing names another version, or when it names `ownDoi`.
 */
export function linkedVersionDoi(
  sources: {
    fields?: readonly (string | null | undefined)[];
    links?: readonly string[];
    text?: string;
  },
  ownDoi: string | null,
): string | null {
  const candidates: (string | null)[] = [
    ...(sources.fields ?? []).map((field) => (field ? normalizeDoi(field) : null)),
    ...(sources.links ?? []).map((link) => idsInLink(link).doi),
    ...[...(sources.text ?? '').matchAll(PUBLISHED_VERSION_NOTE)].map((match) =>
      normalizeDoi(match[1] ?? ''),
    ),
  ];
  return candidates.find((doi) => doi !== null && doi !== ownDoi) ?? null;
}

/**
 * The DOI of a journal's own citation line ("JAMA. 2026;335(4):301-310. doi:10.1001/jama.2026.0123",
 * "JAMA. Published online January 28, 2026. doi:10.1001/…"), which names the article it sits
 * under. The line must start with the citation: a post that quotes one mid-sentence is citing a
 * paper, not being it. Null when the line is not such a citation.
 */
export function citationLineDoi(line: string): string | null {
  const doi = CITATION_LINE_DOI.exec(line.trim())?.[1];
  return doi === undefined ? null : normalizeDoi(doi);
}

/** The DOI a doi.org (or dx.doi.org) address resolves, or null for any other address. */
export function doiOfResolverLink(url: string): string | null {
  return DOI_RESOLVER_HOST.test(url.trim()) ? idsInLink(url).doi : null;
}

/** The text with every "published in … doi" note removed, so its DOI is not read as this item's. */
export function withoutPublishedVersionNotes(text: string): string {
  return text.replace(PUBLISHED_VERSION_NOTE, ' ');
}

function idsInField(value: string): PaperIds {
  const text = value.trim();
  const pmid = PMID_FIELD.exec(text)?.[1] ?? null;
  const arxiv = ARXIV_PREFIX.test(text) ? normalizeArxivId(text) : null;
  const fromLink = /^https?:\/\//i.test(text) ? idsInLink(text) : null;
  return {
    doi: fromLink?.doi ?? normalizeDoi(text),
    pmid: pmid ?? fromLink?.pmid ?? null,
    arxiv: arxiv ?? fromLink?.arxiv ?? null,
  };
}

function idsInLink(url: string): PaperIds {
  let decoded = url.trim();
  try {
    decoded = decodeURI(decoded);
  } catch {
    // Keep the address as it is.
  }
  const preprint = CSH_PREPRINT_LINK.exec(decoded);
  const doi = preprint ? `10.1101/${preprint[1]?.toLowerCase()}` : doiInAddress(decoded);
  return {
    doi,
    pmid: PUBMED_LINK.exec(decoded)?.[1] ?? null,
    arxiv: arxivIdIn(ARXIV_LINK.exec(decoded)?.[1] ?? ''),
  };
}

/**
 * The DOI an address carries: the path of a doi.org link, a `doi=`/`id=` query value, or a path
 * segment starting with `10.` (publishers' `/doi/full/10.1056/…`); the rest of the path is taken
 * because DOI suffixes may themselves contain slashes.
 */
function doiInAddress(url: string): string | null {
  const match = /^https?:\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!match) return null;
  const host = (match[1] ?? '').toLowerCase();
  const path = match[2] ?? '';
  if (/(?:^|\.)doi\.org$/.test(host)) return normalizeDoi(path.replace(/^\/+/, ''));
  for (const pair of (match[3] ?? '').split('&')) {
    const [name, value] = pair.split('=');
    if (value !== undefined && /^(?:doi|id)$/i.test(name ?? '')) {
      const doi = normalizeDoi(value);
      if (doi !== null) return doi;
    }
  }
  const inPath = /\/(10\.\d{4,9}\/.+)$/.exec(path)?.[1];
  return inPath === undefined
    ? null
    : normalizeDoi(inPath.replace(/\/(?:full|abstract|pdf)$/i, ''));
}

/** Every identifier written in running text, in order of appearance. */
function idsInText(text: string): PaperIds[] {
  const found: { index: number; ids: PaperIds }[] = [];
  for (const match of text.matchAll(DOI_IN_TEXT)) {
    const doi = normalizeDoi(match[0]);
    if (doi !== null) found.push({ index: match.index, ids: { ...NO_PAPER_IDS, doi } });
  }
  for (const match of text.matchAll(PMID_LABEL)) {
    found.push({ index: match.index, ids: { ...NO_PAPER_IDS, pmid: match[1] ?? null } });
  }
  for (const match of text.matchAll(ARXIV_LABEL)) {
    found.push({ index: match.index, ids: { ...NO_PAPER_IDS, arxiv: arxivIdIn(match[1] ?? '') } });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.ids);
}

function firstOfEach(list: PaperIds[]): PaperIds {
  return {
    doi: list.find((ids) => ids.doi !== null)?.doi ?? null,
    pmid: list.find((ids) => ids.pmid !== null)?.pmid ?? null,
    arxiv: list.find((ids) => ids.arxiv !== null)?.arxiv ?? null,
  };
}

function arxivIdIn(text: string): string | null {
  const match = ARXIV_ID_ONLY.exec(text.trim());
  if (!match?.[1]) return null;
  const id = match[1];
  // Old-style ids keep their archive's case ("math.GT/0309136"); only the archive name is lower.
  return /^\d/.test(id) ? id : id.replace(/^[a-z-]+/i, (archive) => archive.toLowerCase());
}

/** An arXiv DataCite DOI is the arXiv id written another way: keep the id, so copies match. */
function settleArxivDoi(ids: PaperIds): PaperIds {
  const arxivDoi = ids.doi === null ? null : ARXIV_DOI.exec(ids.doi);
  if (!arxivDoi) return ids;
  return { ...ids, doi: null, arxiv: ids.arxiv ?? arxivIdIn(arxivDoi[1] ?? '') };
}

/** Drops sentence punctuation after an identifier, and a ")" that closes a bracket opened before it. */
function trimTrailingPunctuation(text: string): string {
  let trimmed = text.replace(TRAILING_PUNCTUATION, '');
  while (trimmed.endsWith(')') && count(trimmed, '(') < count(trimmed, ')')) {
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
