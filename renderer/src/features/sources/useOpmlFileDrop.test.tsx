// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useWindowFileDrop } from '../papers/useWindowFileDrop';
import { useOpmlFileDrop } from './useOpmlFileDrop';

afterEach(cleanup);

/** The window with both drops: subscriptions and papers, each recording the files it got. */
function Window({ imported, added }: { imported: string[]; added: string[] }) {
  useOpmlFileDrop((file) => imported.push(file.name));
  useWindowFileDrop((files) => added.push(...files.map((file) => file.name)));
  return null;
}

/** Drops files on the window as the browser does (jsdom has no DataTransfer of its own). */
function dropFiles(names: string[]): void {
  const files = names.map((name) => new File(['<opml/>'], name));
  for (const type of ['dragenter', 'drop']) {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
    act(() => {
      window.dispatchEvent(event);
    });
  }
}

describe('dropping files on the window', () => {
  it('imports OPML files as subscriptions and adds the other files as papers', () => {
    const imported: string[] = [];
    const added: string[] = [];
    render(<Window imported={imported} added={added} />);

    dropFiles(['club.opml', 'library.bib', 'Feeds Export.XML', 'trial.pdf']);

    expect(imported).toEqual(['club.opml', 'Feeds Export.XML']);
    expect(added).toEqual(['library.bib', 'trial.pdf']);
  });

  it('leaves papers alone when only an OPML file is dropped', () => {
    const imported: string[] = [];
    const added: string[] = [];
    render(<Window imported={imported} added={added} />);

    dropFiles(['club.opml']);

    expect(imported).toEqual(['club.opml']);
    expect(added).toEqual([]);
  });
});
