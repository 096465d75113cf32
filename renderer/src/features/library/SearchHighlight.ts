import { createContext, useContext } from 'react';

/**
 * The words the list's current search matched (ItemSearchInfo.highlight), for the list rows and
 * the reader to mark; empty when the list is not searched.
 */
export const SearchHighlightContext = createContext<readonly string[]>([]);

/** The words to highlight in what is shown now. */
export function useSearchHighlight(): readonly string[] {
  return useContext(SearchHighlightContext);
}
