import { describe, expect, it } from 'vitest';
import { jsonTextNestsDeeperThan } from './jsonLimits';

describe('jsonTextNestsDeeperThan', () => {
  it('counts arrays and objects, one level each', () => {
    expect(jsonTextNestsDeeperThan('[]', 1)).toBe(false);
    expect(jsonTextNestsDeeperThan('[[]]', 1)).toBe(true);
    expect(jsonTextNestsDeeperThan('[{"a":[1]}]', 3)).toBe(false);
    expect(jsonTextNestsDeeperThan('[{"a":[{}]}]', 3)).toBe(true);
  });

  it('measures the deepest point, not the number of brackets', () => {
    expect(jsonTextNestsDeeperThan('[[], [], [], [[]]]', 3)).toBe(false);
    expect(jsonTextNestsDeeperThan('[{}, {}, {}]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonTextNestsDeeperThan('["[[[[", "{{{{"]', 1)).toBe(false);
    expect(jsonTextNestsDeeperThan(String.raw`["\"[[[[", "\\", {"k\"{": "]]"}]`, 2)).toBe(false);
    expect(jsonTextNestsDeeperThan(String.raw`["\\", [[]]]`, 2)).toBe(true);
  });

  it('refuses 400,000 levels without parsing them', () => {
    const depth = 400_000;
    expect(jsonTextNestsDeeperThan('['.repeat(depth) + ']'.repeat(depth), 64)).toBe(true);
  });

  it('leaves malformed text to the JSON parser', () => {
    expect(jsonTextNestsDeeperThan(']]]]', 1)).toBe(false);
    expect(jsonTextNestsDeeperThan('["unterminated', 1)).toBe(false);
  });
});
