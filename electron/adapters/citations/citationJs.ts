// The one door to citation-js. It accepts BibTeX text and hands back the library's raw entries
// and CSL-JSON; callers never pass it anything else, because given an address or a DOI the
// library would fetch it. Kept in one file so the untyped library is typed, and patched, once.
import { plugins } from '@citation-js/core';
// Registers the BibTeX and BibLaTeX formats with the core instance imported above. Both packages
// are CommonJS; Node's loader (vitest, and electron-vite's main build, which keeps dependencies
// external) gives them one shared core, so the registration is seen here.
import '@citation-js/plugin-bibtex';

/**
 * One BibTeX entry as citation-js's grammar reads it: `@string` abbreviations expanded, field
 * names lower-cased, values still written in LaTeX (a bare number stays a number).
 */
export interface RawBibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/** A CSL-JSON item; its fields are read one by one, each checked, by the caller. */
export type CslItem = Record<string, unknown>;

// LaTeX's ring-a commands, which citation-js 0.8 does not know ("{\aa}ngström" would keep its
// backslash). Its command table is the plugin's documented configuration, read at parse time.
const MISSING_LATEX_COMMANDS: Record<string, string> = { aa: '\u00E5', AA: '\u00C5' };
addLatexCommands(MISSING_LATEX_COMMANDS);

/**
 * The entries of a piece of BibTeX text, read with the BibLaTeX grammar (a superset of BibTeX's,
 * which also keeps `abstract`, `keywords`, `pmid`, `eprint` and `date`). Throws citation-js's
 * SyntaxError when the text is not well formed.
 */
export function readBibtexEntries(text: string): RawBibtexEntry[] {
  const entries = plugins.input.data(text, '@biblatex/text');
  if (!Array.isArray(entries)) throw new TypeError('citation-js returned no list of entries');
  return entries.filter(isRawEntry);
}

/**
 * One entry as CSL-JSON: LaTeX decoded to Unicode, names split into their parts, dates into
 * date-parts. Throws when a field's LaTeX cannot be read.
 */
export function bibtexEntryToCsl(entry: RawBibtexEntry): CslItem {
  const items = plugins.input.data([entry], '@biblatex/entries+list');
  const item: unknown = Array.isArray(items) ? items[0] : undefined;
  if (typeof item !== 'object' || item === null) {
    throw new TypeError('citation-js returned no CSL item');
  }
  return item as CslItem;
}

function isRawEntry(value: unknown): value is RawBibtexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<RawBibtexEntry>;
  return (
    typeof entry.type === 'string' &&
    typeof entry.label === 'string' &&
    typeof entry.properties === 'object' &&
    entry.properties !== null
  );
}

function addLatexCommands(commands: Record<string, string>): void {
  const config = plugins.config.get('@bibtex') as
    { constants?: { commands?: Record<string, string> } } | undefined;
  const table = config?.constants?.commands;
  if (!table) throw new Error('citation-js BibTeX plugin has no command table to extend');
  for (const [name, character] of Object.entries(commands)) table[name] ??= character;
}
