/**
 * Offers text to the user as a file download. The object URL is released once the browser has
 * started the download, so repeated exports do not keep old documents in memory.
 */
export function saveTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some engines; the next task is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
