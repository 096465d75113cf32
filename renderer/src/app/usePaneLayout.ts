import { useCallback, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { useRememberedState } from '../features/annotations/useRememberedState';

/**
 * How many panes the window has room for: sources, list and reader side by side; the list and
 * the reader (sources on request, over the list); or one pane at a time.
 */
export type PaneArrangement = 'three' | 'two' | 'one';

/** The panes the user can resize; the reader takes what is left. */
export type ResizablePane = 'sources' | 'list';

/** Below these widths the window drops to two panes, then to one. */
const TWO_PANES_BELOW_PX = 900;
const ONE_PANE_BELOW_PX = 600;
const TWO_PANES_QUERY = `(max-width: ${TWO_PANES_BELOW_PX - 0.02}px)`;
const ONE_PANE_QUERY = `(max-width: ${ONE_PANE_BELOW_PX - 0.02}px)`;

export interface PaneWidthLimits {
  min: number;
  max: number;
  initial: number;
}

/** Widths in CSS pixels: a sources column that fits a feed's name, a list that fits two lines of title. */
export const PANE_WIDTH_LIMITS: Readonly<Record<ResizablePane, PaneWidthLimits>> = {
  sources: { min: 180, max: 420, initial: 248 },
  list: { min: 260, max: 720, initial: 380 },
};

const WIDTH_KEYS: Readonly<Record<ResizablePane, string>> = {
  sources: 'rounds.layout.sources-width',
  list: 'rounds.layout.list-width',
};

const SOURCES_STATES = ['shown', 'hidden'] as const;

export interface PaneLayout {
  arrangement: PaneArrangement;
  widths: Readonly<Record<ResizablePane, number>>;
  /** Sets a pane's width, kept within its limits and remembered for the next start. */
  resize: (pane: ResizablePane, width: number) => void;
  /** Whether the sources pane is on screen: a column when there is room, else a drawer. */
  sourcesShown: boolean;
  /** True where the sources open over the list rather than beside it. */
  sourcesIsDrawer: boolean;
  toggleSources: () => void;
  /** Closes the sources drawer; the wide window's column stays as the user left it. */
  closeSourcesDrawer: () => void;
  /** The pane on screen when there is room for one: the reader while an item is open. */
  showing: 'list' | 'reader';
  /** Whether the reader is on screen at all. */
  readerShown: boolean;
  showList: () => void;
  showReader: () => void;
}

function subscribeToWidth(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const queries = [window.matchMedia(TWO_PANES_QUERY), window.matchMedia(ONE_PANE_QUERY)];
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

function currentArrangement(): PaneArrangement {
  // No media queries (a test's DOM): the full window.
  if (typeof window.matchMedia !== 'function') return 'three';
  if (window.matchMedia(ONE_PANE_QUERY).matches) return 'one';
  if (window.matchMedia(TWO_PANES_QUERY).matches) return 'two';
  return 'three';
}

export function clampWidth(pane: ResizablePane, width: number): number {
  const { min, max } = PANE_WIDTH_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** A remembered width, or the initial one when storage is unavailable or holds junk. */
function storedWidth(pane: ResizablePane): number {
  try {
    const stored = Number(window.localStorage.getItem(WIDTH_KEYS[pane]));
    if (Number.isFinite(stored) && stored > 0) return clampWidth(pane, stored);
  } catch {
    // Storage unavailable: start from the initial width.
  }
  return PANE_WIDTH_LIMITS[pane].initial;
}

/**
 * The window's layout: how many panes fit (from media queries on the window's width), the
 * widths the user dragged the panes to (remembered), whether the sources are shown, and, when
 * only one pane fits, whether it is the list or the reader.
 */
export function usePaneLayout(selectedId: string | null): PaneLayout {
  const arrangement = useSyncExternalStore(subscribeToWidth, currentArrangement);
  const [widths, setWidths] = useState<Record<ResizablePane, number>>(() => ({
    sources: storedWidth('sources'),
    list: storedWidth('list'),
  }));
  const [sourcesColumn, setSourcesColumn] = useRememberedState(
    'rounds.layout.sources',
    SOURCES_STATES,
    'shown',
  );
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The item the user went back to the list from; any other selection shows the reader again.
  const [listShownFor, setListShownFor] = useState<string | null>(null);

  const resize = useCallback((pane: ResizablePane, width: number) => {
    const next = clampWidth(pane, width);
    setWidths((current) => (current[pane] === next ? current : { ...current, [pane]: next }));
    try {
      window.localStorage.setItem(WIDTH_KEYS[pane], String(next));
    } catch {
      // Not remembered this time; the window still has the width the user chose.
    }
  }, []);

  const sourcesIsDrawer = arrangement !== 'three';
  const sourcesShown = sourcesIsDrawer ? drawerOpen : sourcesColumn === 'shown';
  const toggleSources = useCallback(() => {
    if (sourcesIsDrawer) setDrawerOpen((open) => !open);
    else setSourcesColumn(sourcesColumn === 'shown' ? 'hidden' : 'shown');
  }, [sourcesIsDrawer, sourcesColumn, setSourcesColumn]);
  const closeSourcesDrawer = useCallback(() => setDrawerOpen(false), []);

  const showing = selectedId !== null && selectedId !== listShownFor ? 'reader' : 'list';
  const showList = useCallback(() => setListShownFor(selectedId), [selectedId]);
  const showReader = useCallback(() => setListShownFor(null), []);

  return {
    arrangement,
    widths,
    resize,
    sourcesShown,
    sourcesIsDrawer,
    toggleSources,
    closeSourcesDrawer,
    showing,
    readerShown: arrangement !== 'one' || showing === 'reader',
    showList,
    showReader,
  };
}

/**
 * The workspace element's attributes for layout.css: the arrangement, whether the sources and the
 * reader are shown, and the pane widths as custom properties.
 */
export function workspaceAttributes(layout: PaneLayout) {
  return {
    'data-arrangement': layout.arrangement,
    'data-sources': layout.sourcesShown ? 'shown' : 'hidden',
    'data-showing': layout.showing,
    style: {
      '--sources-width': `${layout.widths.sources}px`,
      '--list-width': `${layout.widths.list}px`,
    } as CSSProperties,
  };
}
