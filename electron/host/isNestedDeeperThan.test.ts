import { describe, expect, it } from 'vitest';
import { isNestedDeeperThan } from './isNestedDeeperThan';

describe('isNestedDeeperThan', () => {
  it('counts arrays and objects, one level each', () => {
    expect(isNestedDeeperThan('[]', 1)).toBe(false);
    expect(isNestedDeeperThan('[[]]', 1)).toBe(true);
    expect(isNestedDeeperThan('[{"a":[1]}]', 3)).toBe(false);
    expect(isNestedDeeperThan('[{"a":[{}]}]', 3)).toBe(true);
  });

  it('measures the deepest point, not the number of brackets', () => {
    expect(isNestedDeeperThan('[[], [], [], [[]]]', 3)).toBe(false);
    expect(isNestedDeeperThan('[{}, {}, {}]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(isNestedDeeperThan('["[[[[", "{{{{"]', 1)).toBe(false);
    expect(isNestedDeeperThan(String.raw`["\"[[[[", "\\", {"k\"{": "]]"}]`, 2)).toBe(false);
    expect(isNestedDeeperThan(String.raw`["\\", [[]]]`, 2)).toBe(true);
  });

  it('refuses 400,000 levels without parsing them', () => {
    const depth = 400_000;
    expect(isNestedDeeperThan('['.repeat(depth) + ']'.repeat(depth), 64)).toBe(true);
  });

  it('leaves malformed text to the JSON parser', () => {
    expect(isNestedDeeperThan(']]]]', 1)).toBe(false);
    expect(isNestedDeeperThan('["unterminated', 1)).toBe(false);
  });
});
