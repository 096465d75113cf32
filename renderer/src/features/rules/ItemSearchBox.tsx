export interface ItemSearchBoxProps {
  text: string;
  onChange: (text: string) => void;
  /** Opens the dialog that names and keeps the current search. */
  onSave: () => void;
}

/** The search field above the item list, with the button that keeps a search for later. */
export function ItemSearchBox({ text, onChange, onSave }: ItemSearchBoxProps) {
  return (
    <div className="item-search" role="search">
      <input
        type="search"
        className="text-field item-search-field"
        aria-label="Search items"
        placeholder="Search titles, authors, journals"
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
      <button type="button" className="button" onClick={onSave} disabled={text.trim().length === 0}>
        Save search
      </button>
    </div>
  );
}
