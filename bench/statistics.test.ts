import { describe, expect, it } from 'vitest';
import { median, percentile95 } from './statistics';

describe('bench statistics', () => {
  it('takes the middle run, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('takes the 95th percentile by nearest rank', () => {
    const runs = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile95(runs)).toBe(19);
    expect(percentile95([7])).toBe(7);
    expect(percentile95([])).toBeNaN();
  });
});
