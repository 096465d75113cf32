/** A run of row indices, `start` included and `end` excluded. */
export interface RowRange {
  start: number;
  end: number;
}

/** Where a fixed-row-height list is scrolled to and how much of it the user can see. */
export interface ScrollGeometry {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
}

/**
 * The rows a windowed list must render: those in the viewport plus `overscan` rows either side,
 * so a fast scroll does not show blank space before React catches up.
 */
export function visibleRange(
  geometry: ScrollGeometry & { itemCount: number; overscan: number },
): RowRange {
  const { itemCount, rowHeight, overscan } = geometry;
  if (itemCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, geometry.scrollTop);
  const bottom = top + Math.max(0, geometry.viewportHeight);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil(bottom / rowHeight);
  return {
    start: clamp(first - overscan, 0, itemCount),
    end: clamp(last + overscan, 0, itemCount),
  };
}

/**
 * The smallest scroll change that brings row `index` fully into view; the current offset when it
 * is already visible, so keyboard navigation does not make the list jump.
 */
export function scrollOffsetToReveal(index: number, geometry: ScrollGeometry): number {
  const rowTop = index * geometry.rowHeight;
  const rowBottom = rowTop + geometry.rowHeight;
  if (rowTop < geometry.scrollTop) return rowTop;
  if (rowBottom > geometry.scrollTop + geometry.viewportHeight) {
    return Math.max(0, rowBottom - geometry.viewportHeight);
  }
  return geometry.scrollTop;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
