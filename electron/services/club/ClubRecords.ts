import { type ClubProfile } from '@shared/contract';
import { Emitter } from '../Emitter';
import type { ClubState, ClubStore, StoredClub } from './ports';

// The user's profile and clubs as clubs.json holds them, apart from the session documents, so
// every part of the club service reads one copy and every save is on disk before it resolves.

export class ClubRecords {
  /** Fired with a club's id whenever what the window shows of it may have changed. */
  readonly changed = new Emitter<{ clubId: string }>();
  private current: ClubState;

  constructor(
    private readonly store: ClubStore,
    private readonly newId: () => string,
    private readonly defaultTimeZone: string,
  ) {
    this.current = store.state();
  }

  get state(): ClubState {
    return this.current;
  }

  /** The user's profile, created empty (and saved) the first time it is asked for. */
  async ensureProfile(): Promise<ClubProfile> {
    if (this.current.profile) return { ...this.current.profile };
    const profile: ClubProfile = {
      memberId: this.newId(),
      name: '',
      profession: '',
      cpdBody: '',
      timeZone: this.defaultTimeZone,
    };
    await this.saveState({ ...this.current, profile });
    return { ...profile };
  }

  async saveState(state: ClubState): Promise<void> {
    this.current = state;
    await this.store.saveState(state);
  }

  clubOf(clubId: string): StoredClub | undefined {
    return this.current.clubs.find((club) => club.clubId === clubId);
  }

  /** The club whose list holds the session, if any. */
  clubHolding(sessionId: string): StoredClub | undefined {
    return this.current.clubs.find((one) => one.sessionIds.includes(sessionId));
  }

  async replaceClub(club: StoredClub): Promise<void> {
    await this.saveState({
      ...this.current,
      clubs: this.current.clubs.map((one) => (one.clubId === club.clubId ? club : one)),
    });
    this.changed.fire({ clubId: club.clubId });
  }
}
