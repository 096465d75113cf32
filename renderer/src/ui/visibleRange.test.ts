import { describe, expect, it } from 'vitest';
import { scrollOffsetToReveal, visibleRange } from './visibleRange';

describe('visibleRange', () => {
  it('renders only the rows in view plus the overscan, even for a huge list', () => {
    const range = visibleRange({
      itemCount: 100_000,
      rowHeight: 72,
      scrollTop: 72 * 5_000,
      viewportHeight: 720,
      overscan: 4,
    });
    expect(range).toEqual({ start: 4_996, end: 5_014 });
  });

  it('does not reach before the first row or past the last', () => {
    expect(
      visibleRange({ itemCount: 3, rowHeight: 72, scrollTop: 0, viewportHeight: 720, overscan: 4 }),
    ).toEqual({ start: 0, end: 3 });
  });

  it('counts a partly visible last row as visible', () => {
    expect(
      visibleRange({
        itemCount: 50,
        rowHeight: 100,
        scrollTop: 50,
        viewportHeight: 200,
        overscan: 0,
      }),
    ).toEqual({ start: 0, end: 3 });
  });

  it('is empty for an empty list or before the viewport has been measured', () => {
    expect(
      visibleRange({ itemCount: 0, rowHeight: 72, scrollTop: 0, viewportHeight: 720, overscan: 4 }),
    ).toEqual({ start: 0, end: 0 });
    expect(
      visibleRange({ itemCount: 10, rowHeight: 72, scrollTop: 0, viewportHeight: 0, overscan: 0 }),
    ).toEqual({ start: 0, end: 0 });
  });

  it('treats elastic over-scroll above the top as the top', () => {
    expect(
      visibleRange({
        itemCount: 10,
        rowHeight: 10,
        scrollTop: -30,
        viewportHeight: 20,
        overscan: 0,
      }),
    ).toEqual({ start: 0, end: 2 });
  });
});

describe('scrollOffsetToReveal', () => {
  const geometry = { scrollTop: 1_000, viewportHeight: 400, rowHeight: 100 };

  it('keeps the offset when the row is already fully visible', () => {
    expect(scrollOffsetToReveal(11, geometry)).toBe(1_000);
  });

  it('scrolls up just enough to show a row above the viewport', () => {
    expect(scrollOffsetToReveal(7, geometry)).toBe(700);
  });

  it('scrolls down just enough to show a row below the viewport', () => {
    expect(scrollOffsetToReveal(14, geometry)).toBe(1_100);
  });

  it('reveals a row that is cut off at the top edge', () => {
    expect(scrollOffsetToReveal(10, { ...geometry, scrollTop: 1_050 })).toBe(1_000);
  });
});
