/** CSS pixels per PDF point: at 100 % a page shows at its printed size (96 px per inch, 72 pt). */
export const CSS_PIXELS_PER_POINT = 96 / 72;
/** The zoom levels "zoom in" and "zoom out" step through (1 = 100 %). */
export const ZOOM_STEPS = [
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4,
];
export const MIN_ZOOM = ZOOM_STEPS[0] ?? 0.25;
export const MAX_ZOOM = ZOOM_STEPS.at(-1) ?? 4;
// Zoom levels that differ by less than this are the same step (fit-width lands between steps).
const SAME_STEP = 0.005;

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next step above `zoom`, or the largest. */
export function zoomIn(zoom: number): number {
  return ZOOM_STEPS.find((step) => step > zoom + SAME_STEP) ?? MAX_ZOOM;
}

/** The next step below `zoom`, or the smallest. */
export function zoomOut(zoom: number): number {
  return ZOOM_STEPS.findLast((step) => step < zoom - SAME_STEP) ?? MIN_ZOOM;
}

/**
 * The zoom at which a page `pageWidthPoints` wide fills `availableWidthPixels` (the scrolling
 * area's width less its padding), within the zoom limits.
 */
export function fitWidthZoom(pageWidthPoints: number, availableWidthPixels: number): number {
  if (pageWidthPoints <= 0 || availableWidthPixels <= 0) return 1;
  return clampZoom(availableWidthPixels / (pageWidthPoints * CSS_PIXELS_PER_POINT));
}

/** pdf.js's viewport scale for a zoom level. */
export function viewportScaleOf(zoom: number): number {
  return zoom * CSS_PIXELS_PER_POINT;
}

/** The zoom as the toolbar shows it: "125%". */
export function formatZoom(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}
