import {
  CATALOGUE_KINDS,
  CATALOGUE_SPECIALTIES,
  type CatalogueEntry,
  type CatalogueKind,
  type CatalogueSpecialty,
} from '../../contract/sources';
import { normalizeFeedUrl } from './normalizeFeedUrl';
import { attributeOf, type OpmlOutline } from './OpmlOutline';

/** A catalogue entry as bundled, before the library says whether it is already followed. */
export type CatalogueFeed = Omit<CatalogueEntry, 'subscribed'>;

/** The catalogue read from its OPML file, and anything in the file that was not usable. */
export interface ReadCatalogue {
  entries: CatalogueFeed[];
  /** One sentence per unusable outline; empty for a correct file (a test keeps it so). */
  problems: string[];
}

/**
 * Reads the starter catalogue from its OPML outlines. Each top-level outline is a group named
 * after one of {@link CATALOGUE_SPECIALTIES}; each feed inside it carries `text`, `xmlUrl`,
 * optional `htmlUrl`, and Rounds' own `publisher` and `kind` attributes. An entry's id is made
 * from its group and title, so it stays the same from one release to the next.
 */
export function catalogueFromOpml(outlines: readonly OpmlOutline[]): ReadCatalogue {
  const result: ReadCatalogue = { entries: [], problems: [] };
  const ids = new Set<string>();
  const urls = new Set<string>();
  for (const group of outlines) {
    const specialty = attributeOf(group, 'text');
    if (!isSpecialty(specialty)) {
      result.problems.push(`“${specialty ?? '(unnamed)'}” is not a catalogue group.`);
      continue;
    }
    for (const outline of group.children) {
      const entry = entryOf(outline, specialty);
      if (typeof entry === 'string') {
        result.problems.push(entry);
      } else if (urls.has(entry.url)) {
        result.problems.push(`“${entry.title}” repeats the address ${entry.url}.`);
      } else if (ids.has(entry.id)) {
        result.problems.push(`“${entry.title}” appears twice in ${specialty}.`);
      } else {
        ids.add(entry.id);
        urls.add(entry.url);
        result.entries.push(entry);
      }
    }
  }
  return result;
}

/** One catalogue feed, or the reason its outline cannot be one. */
function entryOf(outline: OpmlOutline, specialty: CatalogueSpecialty): CatalogueFeed | string {
  const title = attributeOf(outline, 'text');
  if (title === null) return `An entry in ${specialty} has no title.`;
  const url = normalizeFeedUrl(attributeOf(outline, 'xmlUrl') ?? '');
  if (!url.ok) return `“${title}” has no usable feed address: ${url.message}`;
  const kind = attributeOf(outline, 'kind');
  if (!isKind(kind)) return `“${title}” has an unknown kind “${kind ?? ''}”.`;
  const publisher = attributeOf(outline, 'publisher');
  if (publisher === null) return `“${title}” does not name its publisher.`;
  return {
    id: `${slugOf(specialty)}/${slugOf(title)}`,
    title,
    url: url.value,
    siteUrl: attributeOf(outline, 'htmlUrl'),
    publisher,
    specialty,
    kind,
  };
}

function isSpecialty(value: string | null): value is CatalogueSpecialty {
  return (CATALOGUE_SPECIALTIES as readonly (string | null)[]).includes(value);
}

function isKind(value: string | null): value is CatalogueKind {
  return (CATALOGUE_KINDS as readonly (string | null)[]).includes(value);
}

function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
