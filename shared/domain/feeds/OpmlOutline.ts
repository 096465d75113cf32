/** One `<outline>` element of an OPML body: its attributes as written and the outlines inside it. */
export interface OpmlOutline {
  attributes: Readonly<Record<string, string>>;
  children: OpmlOutline[];
}

/** What an OPML reader makes of a file: the head's title and the body's top-level outlines. */
export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
}

/**
 * One subscription as OPML carries it, in both directions: what an import creates and what an
 * export writes.
 */
export interface OpmlSubscription {
  title: string;
  /** Normalised feed address (`xmlUrl`). */
  url: string;
  /** The site the feed belongs to (`htmlUrl`), when given. */
  siteUrl: string | null;
  /** Folder path, outermost first; empty at the top level. */
  folder: string[];
  tags: string[];
  /** Rounds' own refresh interval, written only when it differs from the default. */
  refreshIntervalMinutes: number | null;
}

/**
 * The value of an outline attribute, ignoring case: OPML writers disagree on `xmlUrl`, `xmlurl`
 * and `xmlURL`. Surrounding white space is dropped; an empty value counts as absent.
 */
export function attributeOf(outline: OpmlOutline, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(outline.attributes)) {
    if (key.toLowerCase() !== wanted) continue;
    const trimmed = value.trim();
    if (trimmed !== '') return trimmed;
  }
  return null;
}
