import { useEffect, useRef, useState, type RefObject } from 'react';
import { textOffsetsOfRange, type TextOffsets } from './textOffsetsInDom';

/**
 * Text the user has selected in the paper, not yet highlighted: where it lies (by default as
 * offsets in the root's text; a PDF page's selection says which page too) and where to show the
 * toolbar, in the scrolling container's coordinates (null without layout).
 */
export type ContentSelection<Where extends TextOffsets = TextOffsets> = Where & {
  place: { top: number; left: number } | null;
};

/** Where a range lies in the text under `root`, or null when it selects nothing there. */
export type LocateSelection<Where extends TextOffsets> = (
  root: HTMLElement,
  range: Range,
) => Where | null;

function sameSelection<Where extends TextOffsets>(
  previous: ContentSelection<Where>,
  where: Where,
  place: ContentSelection['place'],
): boolean {
  const keys = Object.keys(where) as (keyof Where)[];
  return (
    keys.every((key) => previous[key] === where[key]) &&
    previous.place?.top === place?.top &&
    previous.place?.left === place?.left
  );
}

/** Where the selection's first line sits inside `container`, counting what is scrolled away. */
function placeOf(range: Range, container: HTMLElement | null): ContentSelection['place'] {
  // jsdom lays nothing out and has no geometry on ranges.
  if (container === null || typeof range.getBoundingClientRect !== 'function') return null;
  const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null;
  const first = rects && rects.length > 0 ? rects[0]! : range.getBoundingClientRect();
  const box = container.getBoundingClientRect();
  return {
    top: first.top - box.top + container.scrollTop,
    left: first.left - box.left + container.scrollLeft + first.width / 2,
  };
}

/**
 * Follows the document's selection and keeps the part of it inside `root` (the paper's content).
 *
 * `selection` is what is selected now (the floating toolbar shows for it). `lastSelection` is the
 * last stretch selected in the paper, kept while focus moves on with the keyboard (Tab to the
 * reader's "Highlight" button may take the document's selection with it) and forgotten when the
 * user clicks anywhere or collapses the selection inside the paper.
 *
 * `locate` says where a range lies (a PDF's pages count by page); by default, as offsets in the
 * root's `textContent`.
 */
export function useContentSelection<Where extends TextOffsets = TextOffsets>(
  root: RefObject<HTMLElement | null>,
  container: RefObject<HTMLElement | null>,
  locate?: LocateSelection<Where>,
): {
  selection: ContentSelection<Where> | null;
  lastSelection: ContentSelection<Where> | null;
  clear: () => void;
} {
  const [selection, setSelection] = useState<ContentSelection<Where> | null>(null);
  const [lastSelection, setLastSelection] = useState<ContentSelection<Where> | null>(null);
  // The latest way to locate, read when the selection changes (a PDF's pages come and go).
  const locateRef = useRef(locate);
  useEffect(() => {
    locateRef.current = locate;
  });

  useEffect(() => {
    const document = root.current?.ownerDocument ?? window.document;
    const follow = (event: Event) => {
      const element = root.current;
      const current = document.getSelection();
      const range = current !== null && current.rangeCount > 0 ? current.getRangeAt(0) : null;
      const locateIn = locateRef.current ?? (textOffsetsOfRange as LocateSelection<Where>);
      const offsets =
        element === null || range === null || range.collapsed ? null : locateIn(element, range);
      if (offsets === null || offsets.start >= offsets.end) {
        setSelection(null);
        const collapsedInPaper =
          element !== null && range !== null && element.contains(range.startContainer);
        if (event.type === 'mouseup' || collapsedInPaper) setLastSelection(null);
        return;
      }
      const place = placeOf(range!, container.current);
      const next = (previous: ContentSelection<Where> | null): ContentSelection<Where> =>
        previous !== null && sameSelection(previous, offsets, place)
          ? previous
          : { ...offsets, place };
      setSelection(next);
      setLastSelection(next);
    };
    // Browsers tell every change; the pointer and key events cover engines that do not (jsdom).
    document.addEventListener('selectionchange', follow);
    document.addEventListener('mouseup', follow);
    document.addEventListener('keyup', follow);
    return () => {
      document.removeEventListener('selectionchange', follow);
      document.removeEventListener('mouseup', follow);
      document.removeEventListener('keyup', follow);
    };
  }, [root, container]);

  const clear = () => {
    root.current?.ownerDocument.getSelection()?.removeAllRanges();
    setSelection(null);
    setLastSelection(null);
  };

  return { selection, lastSelection, clear };
}
