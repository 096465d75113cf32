// Test support only: a Backend built from the contract whose methods record their calls, so the
// transport tests cover every method the contract declares without knowing any service.
import {
  contract,
  ok,
  type ArgsOf,
  type Backend,
  type Contract,
  type EventSpec,
  type MethodSpec,
  type PayloadOf,
  type ServiceName,
} from '@shared/contract';
import { Emitter } from '../../../services/Emitter';

/** Names of the methods (not events) of one service. */
type MethodNames<S extends ServiceName> = {
  [M in keyof Contract[S]['members']]: Contract[S]['members'][M] extends MethodSpec ? M : never;
}[keyof Contract[S]['members']];

/** Names of the events of one service. */
type EventNames<S extends ServiceName> = {
  [M in keyof Contract[S]['members']]: Contract[S]['members'][M] extends EventSpec ? M : never;
}[keyof Contract[S]['members']];

/**
 * Valid arguments for every method. Typed from the contract, so adding a method without a sample
 * here fails the type check, and the transport tests then cover it.
 */
export type SampleArguments = {
  [S in ServiceName]: { [M in MethodNames<S>]: ArgsOf<Contract[S]['members'][M]> };
};

const SAMPLE_NOTE = {
  format: 'rounds-note' as const,
  version: 1 as const,
  editorState: { root: { type: 'root', children: [] } },
  plainText: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const sampleArguments: SampleArguments = {
  annotations: {
    forItem: [{ itemId: 'item-1' }],
    save: [
      {
        annotation: {
          id: '0b7c3f6e-2a41-4f4e-9d38-5f0a4c1e2b7d',
          itemId: 'item-1',
          source: 'https://doi.org/10.1056/nejmoa2107038',
          selectors: {
            quote: {
              type: 'TextQuoteSelector',
              exact: 'reduced mortality',
              prefix: '',
              suffix: '',
            },
            position: { type: 'TextPositionSelector', start: 10, end: 27 },
            page: null,
          },
          colour: 'yellow',
          note: '',
          noteId: null,
          tags: [],
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ],
    remove: [{ id: '0b7c3f6e-2a41-4f4e-9d38-5f0a4c1e2b7d' }],
    saveNote: [{ itemId: 'item-1', annotationId: null, envelope: SAMPLE_NOTE }],
    setPaperTags: [{ itemId: 'item-1', tags: ['journal club'] }],
    meanings: [],
    setMeanings: [{ meanings: { yellow: 'Main result' } }],
    exportFindings: [{ itemId: 'item-1' }],
    exportMarkdown: [
      {
        itemId: 'item-1',
        groupBy: 'position',
        kept: [{ type: 'name', text: 'Ann Lee', reason: 'consented' }],
      },
    ],
    exportWebAnnotations: [{}],
    importWebAnnotations: [{ text: '{"@context":"http://www.w3.org/ns/anno.jsonld"}' }],
  },
  app: {
    info: [],
    notices: [],
    showContextMenu: [
      {
        entries: [
          { kind: 'action', id: 'refresh', label: 'Refresh', enabled: true },
          { kind: 'separator' },
          { kind: 'action', id: 'unsubscribe', label: 'Unsubscribe…' },
        ],
      },
    ],
    dismissNotice: [{ id: 'notice-1' }],
  },
  club: {
    profile: [],
    setProfile: [{ name: 'Asha Rao', profession: 'Nephrologist', cpdBody: 'GMC' }],
    clubs: [],
    createClub: [{ name: 'Renal JC', hashtag: '#RenalJC', timeZone: 'Europe/London' }],
    updateClub: [{ clubId: 'club-1', hashtag: '#NephJC' }],
    setMember: [{ clubId: 'club-1', member: { name: 'Ben Okafor', role: 'presenter' } }],
    removeMember: [{ clubId: 'club-1', memberId: 'member-2' }],
    overview: [{ clubId: 'club-1' }],
    createSession: [
      {
        clubId: 'club-1',
        session: {
          title: 'Dapagliflozin in CKD',
          itemIds: ['item-1'],
          startsAt: '2026-12-09T19:00',
        },
      },
    ],
    session: [{ sessionId: 'session-1' }],
    changeSession: [
      {
        sessionId: 'session-1',
        change: {
          kind: 'answer',
          paperId: 'paper-1',
          questionId: 'rct.masking',
          answer: { answer: 'yes', reason: 'Double blind', citedHighlightIds: [] },
        },
      },
    ],
    documentState: [{ sessionId: 'session-1' }],
    discussionUpdate: [{ sessionId: 'session-1', update: 'AAA=' }],
    exportBundle: [
      {
        sessionId: 'session-1',
        includePdfs: false,
        kept: [{ type: 'name', text: 'Sir Hans Sloane', reason: 'other', note: 'Historical' }],
      },
    ],
    bundleFindings: [{ sessionId: 'session-1' }],
    privacyFindings: [{ sessionId: 'session-1' }],
    importBundle: [{ text: '{"format":"rounds.session-bundle"}' }],
    invitation: [{ sessionId: 'session-1' }],
    setSyncServer: [
      { clubId: 'club-1', serverUrl: 'ws://127.0.0.1:4871', token: 'club-token-0123456789' },
    ],
    setOnline: [{ clubId: 'club-1', online: false }],
    cpdLog: [],
    cpdDraft: [{ sessionId: 'session-1' }],
    saveCpdEntry: [
      {
        sessionId: 'session-1',
        date: '2026-12-09T19:00:00Z',
        citation: 'Heerspink HJL et al. Dapagliflozin in CKD. N Engl J Med 2020.',
        hours: 1.5,
        type: 'journal-club-live',
      },
    ],
    removeCpdEntry: [{ id: 'entry-1' }],
    exportCpdCsv: [],
  },
  feeds: {
    add: [{ url: 'https://journal.example.org/feed.xml' }],
    list: [],
    remove: [{ id: 'feed-1' }],
    refresh: [{ id: 'feed-1' }],
    cancelRefresh: [],
    update: [{ id: 'feed-1', folder: ['Cardiology'], tags: ['trials'] }],
    renameFolder: [{ folder: ['Cardiology', 'Trials'], name: 'RCTs' }],
    deleteFolder: [{ folder: ['Cardiology'] }],
  },
  images: { savePaperImages: [{ itemId: 'item-1' }] },
  library: {
    list: [{ filter: 'unread', folder: ['Cardiology'] }],
    counts: [],
    get: [{ id: 'item-1' }],
    setRead: [{ id: 'item-1', read: true }],
    setStarred: [{ id: 'item-1', starred: true }],
    markAllRead: [{ feedId: 'feed-1', olderThan: 'week' }],
    undoMarkAllRead: [{ undoToken: 'token-1' }],
  },
  papers: {
    importCitations: [{ fileName: 'library.bib', text: '@article{a, title={Sepsis}}' }],
    addByDoi: [{ doi: '10.1056/NEJMoa2107038' }],
    lookUpPending: [],
    addPdf: [{ fileName: 'trial.pdf', base64: 'JVBERi0xLjcK' }],
    pdfText: [{ itemId: 'item-1' }],
  },
  retention: {
    policy: [],
    setPolicy: [{ olderThanDays: 90, feeds: [{ feedId: 'feed-1', olderThanDays: null }] }],
    applyNow: [],
    acknowledgeRun: [{ at: '2026-01-01T00:00:00.000Z' }],
  },
  guard: {
    scan: [{ text: 'Seen by Dr Patel on 3 March 2026; MRN 12345678.' }],
  },
  share: {
    drafts: [{ query: 'dapagliflozin' }],
    createDraft: [{ source: { kind: 'paper', itemId: 'item-1' } }],
    draft: [{ id: 'draft-1' }],
    saveDraft: [
      {
        id: 'draft-1',
        changes: {
          text: 'Dapagliflozin in CKD. Level of evidence: Oxford CEBM Level 2',
          dismissals: [
            {
              field: 'text',
              finding: { type: 'name', start: 0, end: 5, text: 'Rao A' },
              reason: 'published-author',
            },
          ],
        },
      },
    ],
    removeDraft: [{ id: 'draft-1' }],
    check: [{ id: 'draft-1' }],
    checkNotices: [{ id: 'draft-1' }],
    composeLink: [{ id: 'draft-1', platform: 'bluesky', index: 0 }],
    postsForCopy: [{ id: 'draft-1', platform: 'x' }],
    postThread: [{ id: 'draft-1', platform: 'mastodon', withImage: true }],
    card: [{ id: 'draft-1', size: 'square' }],
    handout: [{ id: 'draft-1', format: 'pdf' }],
    publishToFeed: [{ id: 'draft-1' }],
    paperNotices: [{ itemId: 'item-1', check: true }],
    markPaper: [{ itemId: 'item-1', kind: 'retracted' }],
    settings: [],
    setSettings: [
      {
        disclosure: 'None',
        mastodonLimit: 500,
        feed: { folder: '/srv/club-feed', title: 'Renal JC summaries', baseUrl: null },
      },
    ],
    accounts: [],
    setAccount: [
      {
        platform: 'bluesky',
        service: 'https://bsky.social',
        identifier: 'renaljc.bsky.social',
        appPassword: 'abcd-efgh-ijkl-mnop',
      },
    ],
    forgetAccount: [{ platform: 'mastodon' }],
  },
  rules: {
    list: [],
    addMuteRule: [{ text: 'colchicine', field: 'title' }],
    removeMuteRule: [{ id: 'rule-1' }],
    saveSearch: [{ name: 'SGLT2', query: 'sglt2 "heart failure"', filter: 'unread' }],
    renameSavedSearch: [{ id: 'search-1', name: 'Gliflozins' }],
    removeSavedSearch: [{ id: 'search-1' }],
  },
  sources: {
    catalogue: [],
    importOpml: [{ text: '<opml version="2.0"><body/></opml>' }],
    exportOpml: [],
  },
};

/** Sample arguments of `service.method`; throws when the table above lacks them. */
export function sampleArgumentsOf(serviceName: string, memberName: string): unknown[] {
  const samples = (sampleArguments as Record<string, Record<string, unknown[]>>)[serviceName]?.[
    memberName
  ];
  if (!samples)
    throw new Error(`Add sample arguments for ${serviceName}.${memberName} to recordingBackend.ts`);
  return samples;
}

/** One call the recording backend received, with arguments as the method got them. */
export interface RecordedCall {
  member: string;
  args: unknown[];
}

/** What a recorded method answers: its own qualified name, so a test sees which one ran. */
export function recordedAnswer(qualifiedName: string) {
  return ok({ answeredBy: qualifiedName });
}

/**
 * Builds the recording backend. `overrides` replaces individual methods (keyed `service.method`),
 * for instance with one that throws.
 */
export function createRecordingBackend(
  overrides: Record<string, (...args: unknown[]) => unknown> = {},
) {
  const calls: RecordedCall[] = [];
  const emitters = new Map<string, Emitter<unknown>>();
  const backend: Record<string, Record<string, unknown>> = {};
  for (const [serviceName, service] of Object.entries(contract)) {
    const implementation: Record<string, unknown> = {};
    for (const [memberName, spec] of Object.entries(service.members)) {
      const qualifiedName = `${serviceName}.${memberName}`;
      if (spec.kind === 'event') {
        const emitter = new Emitter<unknown>();
        emitters.set(qualifiedName, emitter);
        implementation[memberName] = emitter.subscribe;
      } else {
        implementation[memberName] = async (...args: unknown[]) => {
          calls.push({ member: qualifiedName, args });
          const override = overrides[qualifiedName];
          return override ? override(...args) : recordedAnswer(qualifiedName);
        };
      }
    }
    backend[serviceName] = implementation;
  }

  function emitterOf(qualifiedName: string): Emitter<unknown> {
    const emitter = emitters.get(qualifiedName);
    if (!emitter) throw new Error(`${qualifiedName} is not an event of the contract`);
    return emitter;
  }

  return {
    backend: backend as unknown as Backend,
    calls,
    /** Fires an event as the service would. */
    emit: (qualifiedName: string, payload: unknown) => emitterOf(qualifiedName).fire(payload),
    /** How many transports currently listen to an event. */
    listenerCount: (qualifiedName: string) => emitterOf(qualifiedName).listenerCount,
  };
}

/** A payload that satisfies `feeds.onDidRefresh`. */
export const sampleRefreshEvent = {
  done: 1,
  total: 2,
  outcome: { feedId: 'feed-1', newItems: 3, unchanged: false, error: null },
};

/** A payload for every event, typed from the contract like `sampleArguments`. */
export type SamplePayloads = {
  [S in ServiceName as EventNames<S> extends never ? never : S]: {
    [E in EventNames<S>]: PayloadOf<Contract[S]['members'][E]>;
  };
};

export const samplePayloads: SamplePayloads = {
  club: {
    onDidChangeClubs: { clubId: 'club-1' },
    onDidChangeSession: { sessionId: 'session-1', update: 'AAA=' },
  },
  feeds: { onDidRefresh: sampleRefreshEvent },
  images: { onDidStoreImages: { itemIds: ['item-1'] } },
  papers: { onPendingLookupsSettled: { filled: [], notFound: [], stillPending: 1 } },
  share: { onDidChangeDrafts: { id: 'draft-1' }, onDidChangePaperNotices: { itemId: 'item-1' } },
  retention: {
    onDidExpire: {
      at: '2026-01-01T00:00:00.000Z',
      trigger: 'background',
      olderThanDays: 90,
      removed: 3,
      feeds: 1,
      kept: { starred: 1, annotated: 0, imported: 0, discussed: 0 },
      message: 'Removed 3 read items older than 90 days from 1 feed.',
      acknowledged: false,
    },
  },
};

/** Sample payload of `service.event`; throws when the table above lacks it. */
export function samplePayloadOf(serviceName: string, memberName: string): unknown {
  const services = samplePayloads as Record<string, Record<string, unknown>>;
  if (!services[serviceName] || !Object.hasOwn(services[serviceName], memberName)) {
    throw new Error(`Add a sample payload for ${serviceName}.${memberName} to recordingBackend.ts`);
  }
  return services[serviceName][memberName];
}
