import {
  CATALOGUE_SPECIALTIES,
  type CatalogueEntry,
  type CatalogueKind,
  type CatalogueSpecialty,
} from '@shared/contract';

/** The entries of one specialty, as the catalogue lists them under a heading. */
export interface CatalogueGroup {
  specialty: CatalogueSpecialty;
  entries: CatalogueEntry[];
}

const KIND_LABELS: Record<CatalogueKind, string> = {
  journal: 'Journal',
  preprint: 'Preprint',
  guideline: 'Guideline',
  news: 'News',
  search: 'Search',
};

/** The badge text of a kind of source. */
export function catalogueKindLabel(kind: CatalogueKind): string {
  return KIND_LABELS[kind];
}

/**
 * The entries matching a search, grouped by specialty in the catalogue's own order, titles in
 * alphabetical order. Every word typed must appear in the title, publisher, specialty or kind, ignoring case
 * and accents, so "cardio preprint" narrows rather than widens.
 */
export function searchCatalogue(
  entries: readonly CatalogueEntry[],
  query: string,
): CatalogueGroup[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  const groups = new Map<CatalogueSpecialty, CatalogueEntry[]>();
  for (const entry of entries) {
    const haystack = fold(
      [entry.title, entry.publisher, entry.specialty, catalogueKindLabel(entry.kind)].join(' '),
    );
    if (!terms.every((term) => haystack.includes(term))) continue;
    const group = groups.get(entry.specialty);
    if (group) group.push(entry);
    else groups.set(entry.specialty, [entry]);
  }
  return [...groups]
    .map(([specialty, matches]) => ({
      specialty,
      entries: matches.sort((a, b) => compareText(a.title, b.title)),
    }))
    .sort((a, b) => specialtyRank(a.specialty) - specialtyRank(b.specialty));
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

function specialtyRank(specialty: CatalogueSpecialty): number {
  return CATALOGUE_SPECIALTIES.indexOf(specialty);
}
