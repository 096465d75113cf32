// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveBase64File } from './saveBase64File';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('saveBase64File', () => {
  it('offers the decoded bytes under the file’s name and type', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:card';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(
      this: HTMLAnchorElement,
    ) {
      downloads.push(`${this.download} ${this.href}`);
    });

    saveBase64File({
      fileName: 'summary.pdf',
      mediaType: 'application/pdf',
      base64: 'JVBERi0xLjcK',
    });

    expect(downloads).toEqual(['summary.pdf blob:card']);
    expect(blobs[0]?.type).toBe('application/pdf');
    expect(await blobs[0]?.text()).toBe('%PDF-1.7\n');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
