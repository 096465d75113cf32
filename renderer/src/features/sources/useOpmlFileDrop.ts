import { useWindowFileDrop } from '../papers/useWindowFileDrop';

/**
 * Whether a file is a list of subscriptions, by its name as the user sees it: `.opml`, or `.xml`
 * (what many readers export OPML as). Anything else dropped goes to "Add papers".
 */
export function isOpmlFile(file: Pick<File, 'name' | 'type'>): boolean {
  const name = file.name.toLowerCase();
  return name.endsWith('.opml') || name.endsWith('.xml') || file.type === 'text/x-opml';
}

/**
 * OPML files dropped anywhere on the window are imported as if picked with "Import OPML…"; the
 * other files of the same drop are left to "Add papers".
 */
export function useOpmlFileDrop(onImport: (file: File) => void): void {
  useWindowFileDrop(
    (files) => {
      for (const file of files) onImport(file);
    },
    { claims: isOpmlFile },
  );
}
