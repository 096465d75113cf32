import type { CatalogueEntry, CatalogueSpecialty } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { searchCatalogue } from './searchCatalogue';

function entry(
  title: string,
  specialty: CatalogueSpecialty,
  kind: CatalogueEntry['kind'],
  publisher = 'Publisher',
): CatalogueEntry {
  return {
    id: title,
    title,
    url: `https://example.org/${title}`,
    publisher,
    specialty,
    siteUrl: null,
    kind,
    subscribed: false,
  };
}

const catalogue = [
  entry(
    'medRxiv Cardiovascular Medicine',
    'Cardiology',
    'preprint',
    'Cold Spring Harbor Laboratory',
  ),
  entry('Circulation', 'Cardiology', 'journal', 'American Heart Association'),
  entry('NICE guidance', 'General medicine', 'guideline', 'NICE'),
  entry('The BMJ', 'General medicine', 'journal', 'BMJ Publishing Group'),
  entry('Revue Médicale Suisse', 'General medicine', 'journal', 'Médecine et Hygiène'),
];

describe('searchCatalogue', () => {
  it('groups everything by specialty, in the catalogue’s order, when the search is empty', () => {
    const groups = searchCatalogue(catalogue, '  ');
    expect(groups.map((group) => group.specialty)).toEqual(['General medicine', 'Cardiology']);
    expect(groups[1]?.entries.map((e) => e.title)).toEqual([
      'Circulation',
      'medRxiv Cardiovascular Medicine',
    ]);
  });

  it('needs every word to match somewhere: title, publisher, specialty or kind', () => {
    const titles = (query: string) =>
      searchCatalogue(catalogue, query).flatMap((group) => group.entries.map((e) => e.title));
    expect(titles('cardiology preprint')).toEqual(['medRxiv Cardiovascular Medicine']);
    expect(titles('heart association')).toEqual(['Circulation']);
    expect(titles('GUIDELINE')).toEqual(['NICE guidance']);
    expect(titles('oncology')).toEqual([]);
  });

  it('ignores accents in both the query and the entries', () => {
    const groups = searchCatalogue(catalogue, 'medicale');
    expect(groups.flatMap((group) => group.entries.map((e) => e.title))).toEqual([
      'Revue Médicale Suisse',
    ]);
    expect(searchCatalogue(catalogue, 'hygiène')[0]?.entries).toHaveLength(1);
  });
});
