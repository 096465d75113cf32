export interface ItemSearchBoxProps {
  text: string;
  onChange: (text: string) => void;
  /** Opens the dialog that names and keeps the current search. */
  onSave: () => void;
}

/** What the box understands (shared/domain/library/parseSearchQuery), as its tooltip says. */
const SEARCH_HELP =
  'Words match their start (sglt finds SGLT2). "Quoted phrases" match exactly. Filters: author:, title:, journal:, feed:, doi:, pmid:, arxiv:, year:2024, after:2024-01, before:2025, is:annotated. -word leaves out items with that word.';

/** The search field above the item list, with the button that keeps a search for later. */
export function ItemSearchBox({ text, onChange, onSave }: ItemSearchBoxProps) {
  return (
    <div className="item-search" role="search">
      <input
        type="search"
        className="text-field item-search-field"
        aria-label="Search items"
        placeholder="Search full text, authors, DOIs…"
        title={SEARCH_HELP}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="button" className="button" onClick={onSave} disabled={text.trim().length === 0}>
        Save search
      </button>
    </div>
  );
}
