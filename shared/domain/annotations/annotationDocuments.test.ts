import { describe, expect, it } from 'vitest';
import { repairAnnotationShard } from './annotationDocuments';

describe('repairAnnotationShard: paper tags', () => {
  it('keeps whole tag records, tidied, and drops broken, empty and repeated ones', () => {
    const repaired = repairAnnotationShard({
      annotations: [],
      notes: [],
      paperTags: [
        { itemId: 'a', tags: [' sepsis ', 'SEPSIS', 'icu'] },
        { itemId: 'a', tags: ['again'] },
        { itemId: 'b', tags: [] },
        { itemId: 'c', tags: 'not a list' },
        { itemId: 'd', tags: ['fine'], extra: true },
      ],
    });

    expect(repaired.document.paperTags).toEqual([{ itemId: 'a', tags: ['sepsis', 'icu'] }]);
    expect(repaired.dropped).toBe(4);
    expect(repaired.recognized).toBe(true);
  });

  it('reads a file from before papers could be tagged as having none', () => {
    const repaired = repairAnnotationShard({ annotations: [], notes: [] });

    expect(repaired.document.paperTags).toEqual([]);
    expect(repaired.dropped).toBe(0);
  });
});
