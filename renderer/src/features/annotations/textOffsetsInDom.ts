import { fromRange, toRange } from 'dom-anchor-text-position';

/** A stretch of `root.textContent`, in UTF-16 code units (as highlight selectors count). */
export interface TextOffsets {
  start: number;
  end: number;
}

/**
 * Where a DOM range (a user's selection) lies in the text of `root`, counted as
 * `root.textContent` counts, so the offsets agree with the text anchoring works on. A range
 * reaching outside `root` is cut to the part inside; one wholly outside gives null.
 */
export function textOffsetsOfRange(root: Element, range: Range): TextOffsets | null {
  const document = root.ownerDocument;
  const inside = document.createRange();
  inside.selectNodeContents(root);
  let startSide: number;
  let endSide: number;
  try {
    startSide = inside.comparePoint(range.startContainer, range.startOffset);
    endSide = inside.comparePoint(range.endContainer, range.endOffset);
  } catch {
    return null; // another document or a detached tree
  }
  if (endSide < 0 || startSide > 0) return null;
  const clipped = range.cloneRange();
  if (startSide < 0) clipped.setStart(root, 0);
  if (endSide > 0) clipped.setEnd(root, root.childNodes.length);
  return fromRange(root, clipped);
}

/** A DOM range over `root`'s text from `start` to `end` (offsets into `root.textContent`). */
export function rangeAtTextOffsets(root: Element, { start, end }: TextOffsets): Range {
  const length = root.textContent?.length ?? 0;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > length) {
    throw new RangeError(`The offsets ${start}–${end} are not within a text of ${length}.`);
  }
  if (end < start) throw new RangeError(`The offsets ${start}–${end} end before they start.`);
  if (length === 0) {
    const empty = root.ownerDocument.createRange();
    empty.setStart(root, 0);
    return empty;
  }
  return toRange(root, { start, end });
}
