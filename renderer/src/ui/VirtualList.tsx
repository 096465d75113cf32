import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { scrollOffsetToReveal, visibleRange, type RowRange } from './visibleRange';

export interface VirtualListProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  'children' | 'onScroll'
> {
  itemCount: number;
  /** Every row has this height in CSS pixels; it is what makes windowing cheap. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** A row to keep in view: the list scrolls just enough to show it whenever it changes. */
  revealIndex?: number | null;
  /** Renders one row; the row element must take `style`, which positions it. */
  renderRow: (index: number, style: CSSProperties) => ReactNode;
  /** Told which rows are rendered, so the owner can load the data they need. */
  onRangeChange?: (range: RowRange) => void;
}

interface VirtualRowProps {
  index: number;
  top: number;
  height: number;
  renderRow: VirtualListProps['renderRow'];
}

/**
 * One row, rendered again only when its place or `renderRow` changes. A scroll re-renders the
 * list on every scroll event; without this, every row on screen would render again each time,
 * which at a brisk wheel made frames of tens of milliseconds (measured by bench/scale).
 */
const VirtualRow = memo(function VirtualRow({ index, top, height, renderRow }: VirtualRowProps) {
  return renderRow(index, { position: 'absolute', top, height });
});

/**
 * A scrollable list that renders only the rows near the viewport, so a feed of 100,000 items
 * costs the same to scroll as one of 20. Extra props (role, aria-*, handlers) go to the scroll
 * container, so it can be the listbox itself.
 */
export function VirtualList({
  itemCount,
  rowHeight,
  overscan = 6,
  revealIndex = null,
  renderRow,
  onRangeChange,
  className,
  ...containerProps
}: VirtualListProps) {
  const viewportRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const observer = new ResizeObserver(() => setViewportHeight(viewport.clientHeight));
    observer.observe(viewport);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || revealIndex === null || revealIndex < 0) return;
    const target = scrollOffsetToReveal(revealIndex, {
      scrollTop: viewport.scrollTop,
      viewportHeight: viewport.clientHeight,
      rowHeight,
    });
    if (target !== viewport.scrollTop) viewport.scrollTop = target;
  }, [revealIndex, rowHeight]);

  const { start, end } = visibleRange({
    itemCount,
    rowHeight,
    scrollTop,
    viewportHeight,
    overscan,
  });

  useEffect(() => {
    onRangeChange?.({ start, end });
  }, [start, end, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index += 1) {
    rows.push(
      <VirtualRow
        key={index}
        index={index}
        top={index * rowHeight}
        height={rowHeight}
        renderRow={renderRow}
      />,
    );
  }

  return (
    <div
      {...containerProps}
      ref={viewportRef}
      className={className ? `virtual-list ${className}` : 'virtual-list'}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="virtual-list-track" style={{ height: itemCount * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
