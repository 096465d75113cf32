import { describe, expect, it } from 'vitest';
import {
  CSS_PIXELS_PER_POINT,
  fitWidthZoom,
  formatZoom,
  MAX_ZOOM,
  MIN_ZOOM,
  viewportScaleOf,
  zoomIn,
  zoomOut,
} from './pdfZoom';

describe('PDF zoom', () => {
  it('steps in and out through fixed levels, stopping at the ends', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
  });

  it('steps from a fit-width level to the neighbouring levels', () => {
    expect(zoomIn(1.17)).toBe(1.25);
    expect(zoomOut(1.17)).toBe(1.1);
    expect(zoomIn(1.248)).toBe(1.5);
  });

  it('fits a US Letter page (612 pt) into the available width', () => {
    expect(fitWidthZoom(612, 816)).toBeCloseTo(1);
    expect(fitWidthZoom(612, 408)).toBeCloseTo(0.5);
    expect(fitWidthZoom(612, 50)).toBe(MIN_ZOOM);
    expect(fitWidthZoom(612, 100_000)).toBe(MAX_ZOOM);
    expect(fitWidthZoom(0, 800)).toBe(1);
  });

  it('turns a zoom into pdf.js’s scale, where 100 % is the printed size', () => {
    expect(viewportScaleOf(1)).toBe(CSS_PIXELS_PER_POINT);
    expect(viewportScaleOf(1.5) * 612).toBeCloseTo(1224);
  });

  it('shows the zoom as a whole percentage', () => {
    expect(formatZoom(1)).toBe('100%');
    expect(formatZoom(1.3333)).toBe('133%');
  });
});
