import { describe, expect, it } from 'vitest';
import { repairContentShard } from './repairContentShard';
import { repairFeedsDocument } from './repairFeedsDocument';
import { repairFirstPagesDocument } from './repairFirstPagesDocument';
import { repairItemShard } from './repairItemShard';
import { repairNoticesDocument } from './repairNoticesDocument';
import { repairRecordsPiece } from './repairRecordsPiece';
import { repairRulesDocument } from './repairRulesDocument';
import { repairStateShard } from './repairStateShard';
import { seededRandom } from '../../testing/seededRandom';

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -8.7e15,
  Number.NaN,
  '',
  ' ',
  '__proto__',
  'constructor',
  'not a date',
  '2026-13-45',
  '1970-01-01',
  'https://ok.example',
  'javascript:x',
  '\u0000',
];
const KEYS = [
  'schemaVersion',
  'feeds',
  'items',
  'html',
  'states',
  'notices',
  'muteRules',
  'savedSearches',
  'text',
  'query',
  'field',
  'filter',
  'id',
  'feedId',
  'url',
  'title',
  'link',
  'publishedAt',
  'fetchedAt',
  'addedAt',
  'lastError',
  'code',
  'read',
  'starred',
  'kind',
  'message',
  '__proto__',
  'toString',
  'rows',
  'lists',
  'overall',
  'all',
  'unread',
  'copies',
  'itemId',
  'total',
];

function garbage(next: () => number, depth: number): unknown {
  const roll = next();
  if (depth > 4 || roll < 0.4) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  if (roll < 0.7)
    return Array.from({ length: Math.floor(next() * 5) }, () => garbage(next, depth + 1));
  const record: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 6); i > 0; i -= 1) {
    Object.defineProperty(record, KEYS[Math.floor(next() * KEYS.length)] ?? 'id', {
      value: garbage(next, depth + 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return record;
}

const repairs = {
  repairFeedsDocument,
  repairItemShard,
  repairContentShard,
  repairStateShard,
  repairNoticesDocument,
  repairRulesDocument,
  repairRecordsPiece: (raw: unknown) => repairRecordsPiece(raw),
  repairFirstPagesDocument,
};

describe('every repair function on garbage', () => {
  for (const [name, repair] of Object.entries(repairs)) {
    it(`${name} never throws and always returns a current, serialisable document`, () => {
      const next = seededRandom(20_260_101);
      for (let round = 0; round < 2_000; round += 1) {
        const raw = garbage(next, 0);
        const result = repair(raw);
        expect(result.document.schemaVersion).toBe(1);
        expect(result.dropped).toBeGreaterThanOrEqual(0);
        // A repaired document must survive the trip to disk and back unchanged.
        expect(repair(JSON.parse(JSON.stringify(result.document))).document).toEqual(
          result.document,
        );
      }
    });
  }
});
