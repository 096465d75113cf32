/** A file the backend produced, as base64 (a PNG card, a PDF handout). */
export interface Base64File {
  fileName: string;
  mediaType: string;
  base64: string;
}

/**
 * Offers a backend-made file to the user as a download. The bytes cross the contract as base64
 * because only JSON does; they are decoded here so the saved file is the binary itself.
 */
export function saveBase64File({ fileName, mediaType, base64 }: Base64File): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
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
