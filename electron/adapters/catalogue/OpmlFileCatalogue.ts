import { readFile } from 'node:fs/promises';
import { catalogueFromOpml, type CatalogueFeed } from '@shared/domain/feeds/catalogueFromOpml';
import type { CatalogueSource, OpmlReader } from '../../services/sources/ports';
import { Xml2jsOpmlReader } from '../opml/Xml2jsOpmlReader';
import { findBundledResource } from './findBundledResource';

/** Where the starter catalogue lives under `resources/`. */
export const STARTER_CATALOGUE = 'catalogue/starter-feeds.opml';

/**
 * The starter catalogue read from an OPML file, once, on first use. The file ships with the app,
 * so a missing or broken file is an installation fault: `entries()` rejects, and unusable
 * outlines are logged and left out rather than hiding the rest.
 */
export class OpmlFileCatalogue implements CatalogueSource {
  private loaded: Promise<CatalogueFeed[]> | undefined;

  constructor(
    private readonly file: string | null,
    private readonly reader: OpmlReader = new Xml2jsOpmlReader(),
  ) {}

  /** The catalogue bundled in `resources/`, wherever this build runs from. */
  static bundled(): OpmlFileCatalogue {
    return new OpmlFileCatalogue(findBundledResource(STARTER_CATALOGUE));
  }

  entries(): Promise<CatalogueFeed[]> {
    this.loaded ??= this.load().catch((error: unknown) => {
      // Not cached: a later call tries again (the file may have been restored).
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async load(): Promise<CatalogueFeed[]> {
    if (this.file === null) {
      throw new Error(`The starter catalogue (resources/${STARTER_CATALOGUE}) was not found.`);
    }
    const read = await this.reader.read(await readFile(this.file, 'utf8'));
    if (!read.ok)
      throw new Error(`The starter catalogue ${this.file} is unreadable: ${read.message}`);
    const { entries, problems } = catalogueFromOpml(read.value.outlines);
    for (const problem of problems) console.warn(`[rounds] starter catalogue: ${problem}`);
    return entries;
  }
}
