import { describe, expect, it } from 'vitest';
import { repairContentShard } from './repairContentShard';

describe('repairContentShard', () => {
  it('keeps string content by item id and drops anything else', () => {
    const result = repairContentShard({
      schemaVersion: 1,
      html: { a: '<p>A</p>', b: 7, c: null, d: '' },
    });
    expect(result.document).toEqual({ schemaVersion: 1, html: { a: '<p>A</p>', d: '' } });
    expect(result.dropped).toBe(2);
  });

  it('keeps an item id that looks like a prototype key as plain data', () => {
    const parsed: unknown = JSON.parse('{"html":{"__proto__":"<p>x</p>"}}');
    const { document } = repairContentShard(parsed);
    expect(Object.getPrototypeOf(document.html)).toBe(Object.prototype);
    expect(Object.entries(document.html)).toEqual([['__proto__', '<p>x</p>']]);
  });

  it('does not recognise a document without its html map', () => {
    expect(repairContentShard({ items: [] }).recognized).toBe(false);
    expect(repairContentShard([]).recognized).toBe(false);
  });
});
