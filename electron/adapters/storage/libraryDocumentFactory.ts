import { LibraryDocument, type LibraryDocumentOptions } from './LibraryDocument';

/** What every document of one library shares: its folder, clock and backup pace. */
export type LibraryDocumentSettings = Pick<
  LibraryDocumentOptions<unknown>,
  'libraryDir' | 'backupIntervalMs' | 'now' | 'onWritten'
>;

/** Creates one document of the library from what is particular to it. */
export type CreateLibraryDocument = <T>(
  particular: Omit<LibraryDocumentOptions<T>, keyof LibraryDocumentSettings>,
) => LibraryDocument<T>;

export function libraryDocumentFactory(settings: LibraryDocumentSettings): CreateLibraryDocument {
  return <T>(particular: Omit<LibraryDocumentOptions<T>, keyof LibraryDocumentSettings>) =>
    new LibraryDocument<T>({ ...settings, ...particular });
}
