import { describe, expect, it } from 'vitest';
import { repairNoticesDocument } from './repairNoticesDocument';

const notice = {
  id: 'n1',
  kind: 'restored-from-backup',
  message: 'Rounds restored your subscriptions from a backup.',
  keptAt: '/data/library/feeds.json.corrupt-2026-01-01T00-00-00Z',
  at: '2026-01-01T00:00:00.000Z',
};

describe('repairNoticesDocument', () => {
  it('keeps complete notices', () => {
    expect(repairNoticesDocument({ schemaVersion: 1, notices: [notice] }).document.notices).toEqual(
      [notice],
    );
  });

  it('drops notices that cannot be shown and duplicates', () => {
    const result = repairNoticesDocument({
      notices: [
        notice,
        { ...notice, id: 'n2', kind: 'exploded' },
        { ...notice, id: 'n3', message: '' },
        notice,
      ],
    });
    expect(result.document.notices.map((n) => n.id)).toEqual(['n1']);
    expect(result.dropped).toBe(3);
  });

  it('fills a missing date and path', () => {
    const { document } = repairNoticesDocument({
      notices: [{ id: 'n1', kind: 'reset-to-empty', message: 'm' }],
    });
    expect(document.notices[0]).toMatchObject({ keptAt: '', at: '1970-01-01T00:00:00.000Z' });
  });
});
