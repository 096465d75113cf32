import type { HighlightColourId } from '@shared/domain/annotations/highlightColours';

/** An anchored highlight: offsets into `root.textContent`, as anchorHighlight returns them. */
export interface PaintableHighlight {
  annotationId: string;
  colour: HighlightColourId;
  start: number;
  end: number;
}

const HIGHLIGHT_CLASS = 'highlight';

/**
 * The marks this module made. Feed content can hold its own <mark> elements (search-term marks
 * too), so only these are ever taken out again, whatever classes or attributes others carry.
 */
const paintedMarks = new WeakSet<Element>();

/** Elements whose children may only be other elements (a mark there would be invalid HTML). */
const STRUCTURE_ONLY = new Set([
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'COLGROUP',
  'UL',
  'OL',
  'DL',
  'SELECT',
  'OPTGROUP',
  'DATALIST',
]);
/** Elements whose text is not shown as text (it still counts in `textContent`). */
const NOT_RENDERED_TEXT = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'TEMPLATE', 'NOSCRIPT', 'TITLE']);

/** A text node and where its text lies in the root's text. */
interface Segment {
  node: Text;
  start: number;
  end: number;
}

function textNodesWithOffsets(root: HTMLElement): Segment[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const segments: Segment[] = [];
  let offset = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    segments.push({ node: text, start: offset, end: offset + text.length });
    offset += text.length;
  }
  return segments;
}

/** Splits text nodes at every highlight's start and end, so each piece is wholly in or out. */
function splitAtBoundaries(segments: Segment[], boundaries: number[]): Segment[] {
  const pieces: Segment[] = [];
  for (const segment of segments) {
    const inside = boundaries.filter((at) => at > segment.start && at < segment.end);
    let node = segment.node;
    let start = segment.start;
    for (const at of inside) {
      const rest = node.splitText(at - start);
      pieces.push({ node, start, end: at });
      node = rest;
      start = at;
    }
    pieces.push({ node, start, end: segment.end });
  }
  return pieces;
}

function canHoldMark(text: Text): boolean {
  const parent = text.parentElement;
  if (parent === null) return false;
  if (parent.closest([...NOT_RENDERED_TEXT].join(','))) return false;
  return !(STRUCTURE_ONLY.has(parent.tagName) && text.data.trim() === '');
}

/**
 * Paints anchored highlights into already sanitised content: each highlighted stretch of text is
 * wrapped in `<mark class="highlight highlight--<colour>" data-annotation-id="…">`, one mark per
 * text node, so a passage crossing `<em>`, links or paragraphs leaves that markup whole.
 * Highlights that overlap nest (the one starting later, or shorter, inside), and existing marks
 * such as search terms stay where they are. Highlights painted before are removed first. Returns
 * each annotation's marks in document order (the first one to scroll to).
 */
export function paintHighlights(
  root: HTMLElement,
  highlights: readonly PaintableHighlight[],
): Map<string, HTMLElement[]> {
  removeHighlights(root);
  const painted = new Map<string, HTMLElement[]>();
  const segments = textNodesWithOffsets(root);
  const length = segments.at(-1)?.end ?? 0;
  const paintable = highlights
    .map((highlight) => ({
      ...highlight,
      start: Math.max(0, highlight.start),
      end: Math.min(length, highlight.end),
    }))
    .filter((highlight) => highlight.start < highlight.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  if (paintable.length === 0) return painted;

  const boundaries = [...new Set(paintable.flatMap(({ start, end }) => [start, end]))].sort(
    (a, b) => a - b,
  );
  const pieces = splitAtBoundaries(segments, boundaries);
  const document = root.ownerDocument;
  for (const highlight of paintable) {
    const marks: HTMLElement[] = [];
    for (const piece of pieces) {
      if (piece.end <= highlight.start || piece.start >= highlight.end) continue;
      if (!canHoldMark(piece.node)) continue;
      const previous = piece.node.previousSibling;
      // The piece before, in the same element, is already in this highlight's mark: join it.
      if (previous !== null && previous === marks.at(-1)) {
        previous.appendChild(piece.node);
        continue;
      }
      const mark = document.createElement('mark');
      mark.className = `${HIGHLIGHT_CLASS} ${HIGHLIGHT_CLASS}--${highlight.colour}`;
      mark.dataset['annotationId'] = highlight.annotationId;
      piece.node.before(mark);
      mark.appendChild(piece.node);
      paintedMarks.add(mark);
      marks.push(mark);
    }
    if (marks.length > 0) {
      painted.set(highlight.annotationId, [
        ...(painted.get(highlight.annotationId) ?? []),
        ...marks,
      ]);
    }
  }
  return painted;
}

/** Takes out every mark paintHighlights made, joining the text it had split, as it was before. */
export function removeHighlights(root: HTMLElement): void {
  const touched = new Set<Node>();
  for (const mark of root.querySelectorAll(`mark.${HIGHLIGHT_CLASS}`)) {
    if (!paintedMarks.has(mark)) continue;
    const parent = mark.parentNode;
    if (parent) touched.add(parent);
    mark.replaceWith(...mark.childNodes);
    paintedMarks.delete(mark);
  }
  // Only where marks were: elsewhere the content's own text nodes stay exactly as they were.
  for (const parent of touched) {
    if (root.contains(parent)) parent.normalize();
  }
}
