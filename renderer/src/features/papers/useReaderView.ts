import { useCallback, useState } from 'react';
import { rememberedReaderView, rememberReaderView, type ReaderView } from './readerViewMemory';

/**
 * Which view the reader shows for an item: the one last used for it, else its PDF when it has one
 * (a paper added from a PDF has little text besides), else the article. Items without a PDF are
 * always read as articles.
 */
export function useReaderView(
  itemId: string,
  hasPdf: boolean,
): [ReaderView, (view: ReaderView) => void] {
  const [chosen, setChosen] = useState<{ itemId: string; view: ReaderView } | null>(null);
  const view: ReaderView = !hasPdf
    ? 'article'
    : chosen?.itemId === itemId
      ? chosen.view
      : (rememberedReaderView(itemId) ?? 'pdf');
  const choose = useCallback(
    (next: ReaderView) => {
      setChosen({ itemId, view: next });
      rememberReaderView(itemId, next);
    },
    [itemId],
  );
  return [view, choose];
}
