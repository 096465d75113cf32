import type { Result } from '@shared/contract';
import type { CatalogueFeed } from '@shared/domain/feeds/catalogueFromOpml';
import type { OpmlDocument } from '@shared/domain/feeds/OpmlOutline';

/** Turns the text of an OPML file into outlines, refusing anything that is not safe, plain OPML. */
export interface OpmlReader {
  read(text: string): Promise<Result<OpmlDocument, 'not-opml'>>;
}

/** The starter catalogue that ships with Rounds. */
export interface CatalogueSource {
  /** Rejects when the bundled file is missing or unreadable (a broken installation). */
  entries(): Promise<CatalogueFeed[]>;
}
