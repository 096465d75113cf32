import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_WIDTH_LIMITS, type ResizablePane } from './usePaneLayout';

/** How far one arrow key moves the edge; Page Up and Page Down move it four times as far. */
const KEY_STEP_PX = 16;

export interface PaneResizeHandleProps {
  pane: ResizablePane;
  /** Names the pane it resizes, e.g. "Resize the sources". */
  label: string;
  width: number;
  onResize: (pane: ResizablePane, width: number) => void;
}

/**
 * The edge to the right of a pane: drag it, or focus it and press the arrow keys (Home and End
 * for the narrowest and widest). A focusable separator, as ARIA describes a window splitter.
 */
export function PaneResizeHandle({ pane, label, width, onResize }: PaneResizeHandleProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const { min, max } = PANE_WIDTH_LIMITS[pane];

  const startDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const moveDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(pane, drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const resizeByKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = widthAfterKey(event.key, width, min, max);
    if (next === null) return;
    event.preventDefault();
    onResize(pane, next);
  };

  return (
    <div
      className="pane-resize-handle"
      data-pane={pane}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={startDrag}
      onPointerMove={moveDrag}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={resizeByKey}
    />
  );
}

function widthAfterKey(key: string, width: number, min: number, max: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return width + KEY_STEP_PX;
    case 'ArrowLeft':
      return width - KEY_STEP_PX;
    case 'PageUp':
      return width + 4 * KEY_STEP_PX;
    case 'PageDown':
      return width - 4 * KEY_STEP_PX;
    case 'Home':
      return min;
    case 'End':
      return max;
    default:
      return null;
  }
}
