/** The reader's two views of a paper with a PDF. */
export type ReaderView = 'article' | 'pdf';

const STORAGE_KEY = 'rounds.readerViews';
/** Papers remembered; the oldest choices are forgotten first, so the entry stays small. */
const REMEMBERED_PAPERS = 500;

function readAll(): [string, ReaderView][] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is [string, ReaderView] =>
        Array.isArray(entry) &&
        typeof entry[0] === 'string' &&
        (entry[1] === 'article' || entry[1] === 'pdf'),
    );
  } catch {
    return [];
  }
}

/** The view last used for this item, or null when none was chosen (or storage is unavailable). */
export function rememberedReaderView(itemId: string): ReaderView | null {
  return readAll().find(([id]) => id === itemId)?.[1] ?? null;
}

/** Remembers the view chosen for this item, across restarts of the window. */
export function rememberReaderView(itemId: string, view: ReaderView): void {
  const others = readAll().filter(([id]) => id !== itemId);
  const entries = [...others, [itemId, view] as [string, ReaderView]].slice(-REMEMBERED_PAPERS);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
  } catch {
    // Not remembered this time; the reader still shows what the user chose.
  }
}
