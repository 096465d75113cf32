import {
  fail,
  ok,
  type clubContract,
  type ClubProfile,
  type CpdLogView,
  type ServiceImplementation,
} from '@shared/contract';
import { cpdLogCsv } from '@shared/domain/club/cpd/cpdCsv';
import { checkCpdHours, readCpdEntry, type CpdEntry } from '@shared/domain/club/cpd/cpdEntry';
import { cpdTotals } from '@shared/domain/club/cpd/cpdTotals';
import { readSession } from '@shared/domain/club/session/sessionSnapshot';
import { NOT_FOUND_SESSION } from './clubMessages';
import type { ClubRecords } from './ClubRecords';
import type { Clock, ClubStore } from './ports';
import type { SessionDocuments } from './SessionDocuments';
import { startsAtInstantOf } from './sessionView';

// The user's CPD log: entries drafted from a session, checked, saved and exported as CSV. Its own
// file (cpd.json) and its own rules, so it reads the sessions but never changes them.

type ClubService = ServiceImplementation<typeof clubContract>;

/** What {@link ClubCpdLog} works with. */
export interface ClubCpdLogDependencies {
  records: ClubRecords;
  documents: SessionDocuments;
  store: ClubStore;
  clock: Clock;
  newId: () => string;
}

export class ClubCpdLog {
  private readonly records: ClubRecords;
  private readonly documents: SessionDocuments;
  private readonly store: ClubStore;
  private readonly clock: Clock;
  private readonly newId: () => string;

  constructor(dependencies: ClubCpdLogDependencies) {
    this.records = dependencies.records;
    this.documents = dependencies.documents;
    this.store = dependencies.store;
    this.clock = dependencies.clock;
    this.newId = dependencies.newId;
  }

  readonly cpdLog: ClubService['cpdLog'] = async () =>
    ok(this.cpdView(await this.records.ensureProfile()));

  readonly cpdDraft: ClubService['cpdDraft'] = async ({ sessionId }) => {
    const session = await this.documents.openSession(sessionId);
    if (!session) return fail('not-found', NOT_FOUND_SESSION);
    const profile = await this.records.ensureProfile();
    const { snapshot } = readSession(session.doc);
    const me = profile.memberId;
    const attendance = snapshot.members[me]?.attendance ?? null;
    const first = snapshot.metadata.papers[0];
    return ok({
      id: this.newId(),
      date: startsAtInstantOf(snapshot.metadata) ?? this.clock.now().toISOString(),
      session: { id: sessionId, title: snapshot.metadata.title || 'Journal club session' },
      citation: first
        ? citationOf(first.doi, snapshot.paperDetails[first.paperId])
        : snapshot.metadata.title || 'Journal club session',
      hours: 1,
      type:
        snapshot.metadata.presenterId === me
          ? 'presenting'
          : attendance === 'asynchronous'
            ? 'journal-club-asynchronous'
            : 'journal-club-live',
      reflection: { learned: '', willChange: '' },
      reportedTo: profile.cpdBody,
    } satisfies CpdEntry);
  };

  readonly saveCpdEntry: ClubService['saveCpdEntry'] = async (input) => {
    const profile = await this.records.ensureProfile();
    const hoursProblem = checkCpdHours(input.hours);
    if (hoursProblem !== null) return fail('invalid-entry', hoursProblem);
    const entries = this.store.cpdEntries();
    const previous = input.id === undefined ? undefined : entries.find((e) => e.id === input.id);
    if (input.id !== undefined && !previous) {
      return fail('not-found', 'That CPD entry is no longer in your log.');
    }
    const session = await this.documents.openSession(input.sessionId);
    const title = session
      ? readSession(session.doc).snapshot.metadata.title
      : previous?.session.id === input.sessionId
        ? previous.session.title
        : null;
    if (title === null) return fail('not-found', NOT_FOUND_SESSION);
    const read = readCpdEntry({
      id: input.id ?? this.newId(),
      date: input.date,
      session: { id: input.sessionId, title: title || 'Journal club session' },
      citation: input.citation,
      hours: input.hours,
      type: input.type,
      reflection: { learned: input.learned, willChange: input.willChange },
      reportedTo: previous?.reportedTo ?? profile.cpdBody,
    });
    if (!read.ok) return fail('invalid-entry', read.message);
    const next = previous
      ? entries.map((entry) => (entry.id === read.entry.id ? read.entry : entry))
      : [...entries, read.entry];
    await this.store.saveCpdEntries(next);
    return ok(this.cpdView(profile));
  };

  readonly removeCpdEntry: ClubService['removeCpdEntry'] = async ({ id }) => {
    const profile = await this.records.ensureProfile();
    const entries = this.store.cpdEntries();
    if (!entries.some((entry) => entry.id === id)) {
      return fail('not-found', 'That CPD entry is no longer in your log.');
    }
    await this.store.saveCpdEntries(entries.filter((entry) => entry.id !== id));
    return ok(this.cpdView(profile));
  };

  readonly exportCpdCsv: ClubService['exportCpdCsv'] = async () => {
    const profile = await this.records.ensureProfile();
    return ok({
      fileName: 'rounds-cpd-log.csv',
      mediaType: 'text/csv' as const,
      text: cpdLogCsv(this.store.cpdEntries(), profile.timeZone),
    });
  };

  private cpdView(profile: ClubProfile): CpdLogView {
    const entries = this.store
      .cpdEntries()
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.id.localeCompare(b.id));
    return { entries, totals: cpdTotals(entries, profile.timeZone), timeZone: profile.timeZone };
  }
}

/** "Heerspink HJL et al. Dapagliflozin in patients with CKD. N Engl J Med 2020. doi:10.1056/…" */
export function citationOf(
  doi: string | null,
  details:
    { title: string; authors: string[]; journal: string | null; year: number | null } | undefined,
): string {
  const authors = details?.authors ?? [];
  const first = authors[0];
  const byline = first === undefined ? '' : authors.length > 1 ? `${first} et al.` : first;
  const source = [details?.journal, details?.year].filter((part) => part != null).join(' ');
  return (
    [byline, details?.title, source, doi === null ? '' : `doi:${doi}`]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => (/[.?!]$/.test(part) ? part : `${part}.`))
      .join(' ') || 'Journal club session'
  );
}
