// Test support only: a club with a second member and sessions, made through the fake backend's
// own `club` service so that tests start from what the service itself would hold.
import type { SessionView } from '@shared/contract';
import {
  createFakeBackend,
  sampleItem,
  type FakeBackend,
  type FakeLibrary,
} from '../../../testing/fakeBackend';
import { fakeClub, refresh } from './fakeClubService';

export const CLUB_ZONE = 'Europe/London';
/** Five hours behind London in December: 19:00 there is 14:00 here. */
export const VIEWER_ZONE = 'America/New_York';

export interface ClubFixture {
  library: FakeLibrary;
  backend: FakeBackend;
  clubId: string;
  /** Jo, the other member. */
  joId: string;
  session: SessionView;
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The user (Ana) organises NephJC with Jo; one session on one paper, planned for 9 December. */
export async function clubFixture(): Promise<ClubFixture> {
  const library: FakeLibrary = {
    feeds: [],
    items: [
      sampleItem({
        id: 'item-dapa',
        title: 'Dapagliflozin in chronic kidney disease',
        authors: ['H. Heerspink', 'B. Stefánsson'],
        journal: 'N Engl J Med',
        publishedAt: '2020-10-08T00:00:00.000Z',
      }),
    ],
    club: fakeClub(),
  };
  const backend = createFakeBackend(library);
  const club = backend.api.club;
  unwrap(await club.setProfile({ name: 'Ana', profession: 'Nephrologist', cpdBody: 'GMC' }));
  const created = unwrap(
    await club.createClub({ name: 'NephJC', hashtag: '#NephJC', timeZone: CLUB_ZONE }),
  );
  const withJo = unwrap(
    await club.setMember({
      clubId: created.clubId,
      member: { name: 'Jo', profession: 'Pharmacist' },
    }),
  );
  const joId = withJo.members.find((member) => member.name === 'Jo')?.memberId ?? '';
  const session = unwrap(
    await club.createSession({
      clubId: created.clubId,
      session: {
        title: 'DAPA-CKD',
        itemIds: ['item-dapa'],
        startsAt: '2026-12-09T19:00',
        timeZone: CLUB_ZONE,
        presenterId: 'me',
      },
    }),
  );
  backend.calls.length = 0;
  return { library, backend, clubId: created.clubId, joId, session };
}

/** Writes into the fake's session as if another member's work had arrived. */
export function changeStoredSession(fixture: ClubFixture, edit: (session: SessionView) => void) {
  const stored = fixture.library.club?.sessions.find(
    (session) => session.sessionId === fixture.session.sessionId,
  );
  if (!stored) throw new Error('The fixture has no session.');
  edit(stored);
  refresh(stored);
}
