// The share service over its real adapters: drafts on disk in a temporary data folder, the card
// drawn by satori and resvg, the handout by pdfkit, threads posted to loopback servers that answer
// as Mastodon does, Crossref asked on loopback, and the club feed written to a folder. Only where
// a draft's makings come from (the library and the club) is given directly.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SummaryDraft } from '@shared/contract';

import { EMPTY_PAPER_APPRAISAL } from '@shared/domain/club/appraisal/paperAppraisal';
import { PREPRINT_LABEL } from '@shared/domain/share/summary';
import { summaryPaperOf } from '@shared/domain/share/summaryPaper';
import { FolderFeedPublisher } from '../../adapters/share/clubFeed/FolderFeedPublisher';
import { OwnerOnlyFileCredentialStore } from '../../adapters/share/credentials/OwnerOnlyFileCredentialStore';
import { CrossrefRetractionChecker } from '../../adapters/share/evidence/CrossrefRetractionChecker';
import { renderHandoutPdf } from '../../adapters/share/handout/PdfkitHandoutWriter';
import { BlueskyPoster } from '../../adapters/share/posting/BlueskyPoster';
import { MastodonPoster } from '../../adapters/share/posting/MastodonPoster';
import { ShareDraftFiles } from '../../adapters/share/ShareDraftFiles';
import {
  startFakeMastodonServer,
  type FakeMastodonServer,
} from '../../adapters/share/testing/fakeMastodonServer';
import { SatoriCardRenderer } from '../../adapters/share/visualAbstract/SatoriCardRenderer';
import type { DraftIngredientSource, FoundIngredients } from './ports';
import { ShareMainService } from './ShareMainService';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const DOI = '10.5555/rounds.finerenone.2026';
const PREPRINT_DOI = '10.1101/2026.03.04.26301234';

function ingredientsFor(doi: string, journal: string): FoundIngredients {
  return {
    paper: summaryPaperOf({
      itemId: `item-${doi}`,
      title: 'Finerenone and kidney outcomes in diabetic kidney disease',
      authors: ['Rao A', 'Okafor B', 'Lindqvist C'],
      journal,
      year: 2026,
      doi,
      link: null,
    }),
    sessionTitle: null,
    club: null,
    highlights: [
      {
        quote: 'Finerenone reduced kidney failure by 18 percent over three years.',
        comment: null,
        by: null,
      },
    ],
    appraisal: {
      ...EMPTY_PAPER_APPRAISAL,
      design: 'randomised-trial',
      evidenceLevel: { level: 2, reason: 'One large randomised trial' },
    },
    bottomLine: 'Offer finerenone to adults with diabetic kidney disease.',
    tally: null,
    notes: '',
  };
}

const ingredients: DraftIngredientSource = {
  forPaper: async (itemId) =>
    itemId === 'item-journal'
      ? ingredientsFor(DOI, 'N Engl J Med')
      : itemId === 'item-preprint'
        ? ingredientsFor(PREPRINT_DOI, 'medRxiv')
        : null,
  forSession: async () => null,
  authorName: async () => 'Asha Rao',
};

/** A file's bytes from its base64. */
function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

let dataDir: string;
let feedFolder: string;
let files: ShareDraftFiles;
let service: ShareMainService;
let mastodon: FakeMastodonServer;
let crossref: Server;
let crossrefAnswer: unknown;
let crossrefUrl: string;

async function open(): Promise<void> {
  const opened = await ShareDraftFiles.open(dataDir, { now: () => NOW });
  files = opened.store;
  service = new ShareMainService({
    store: files,
    ingredients,
    cards: new SatoriCardRenderer(),
    handoutPdf: { render: (content) => renderHandoutPdf(content, { now: NOW }) },
    posters: {
      bluesky: new BlueskyPoster(),
      mastodon: new MastodonPoster({ wait: async () => undefined }),
    },
    credentials: new OwnerOnlyFileCredentialStore(join(dataDir, 'share', 'accounts.json')),
    retractions: (baseUrl) =>
      new CrossrefRetractionChecker({
        baseUrl,
        cacheFile: join(dataDir, 'share', 'notices.json'),
        clock: { now: () => NOW },
      }),
    feed: new FolderFeedPublisher(),
    clock: { now: () => NOW },
    newId: (() => {
      let next = 0;
      return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    })(),
  });
}

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; message: string }>) {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

async function newDraft(itemId = 'item-journal'): Promise<SummaryDraft> {
  return value(service.createDraft({ source: { kind: 'paper', itemId } }));
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-share-'));
  feedFolder = await mkdtemp(join(tmpdir(), 'rounds-share-feed-'));
  mastodon = await startFakeMastodonServer();
  crossrefAnswer = { status: 'ok', message: { items: [] } };
  crossref = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(crossrefAnswer));
  });
  await new Promise<void>((resolve) => crossref.listen(0, '127.0.0.1', resolve));
  crossrefUrl = `http://127.0.0.1:${(crossref.address() as AddressInfo).port}`;
  await open();
  await value(service.setSettings({ disclosure: 'None', crossrefBaseUrl: crossrefUrl }));
});

afterEach(async () => {
  await files.close();
  await mastodon.close();
  await new Promise<void>((resolve) => crossref.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
  await rm(feedFolder, { recursive: true, force: true });
});

describe('a summary drafted from a paper', () => {
  it('carries the link, the level of evidence and the disclosure, and may leave', async () => {
    const draft = await newDraft();
    expect(draft.text).toContain(`https://doi.org/${DOI}`);
    expect(draft.text).toContain('Level of evidence: Oxford CEBM Level 2');
    expect(draft.text).toContain('Disclosure: None');
    expect(draft.text).toContain('• Finerenone reduced kidney failure by 18 percent');
    expect(await value(service.check({ id: draft.id }))).toEqual({
      findings: [],
      evidence: [],
      ready: true,
    });
  });

  it('is kept on disk, and a damaged draft file is set aside with a notice', async () => {
    const draft = await newDraft();
    await value(service.saveDraft({ id: draft.id, changes: { laySummary: 'A plain version.' } }));
    await writeFile(join(dataDir, 'share', 'drafts', 'broken.json'), '{"schemaVersion":1,"draft":');
    await files.close();
    const reopened = await ShareDraftFiles.open(dataDir, { now: () => NOW });
    files = reopened.store;
    expect(files.drafts().map((kept) => [kept.id, kept.laySummary])).toEqual([
      [draft.id, 'A plain version.'],
    ]);
    expect(reopened.notices.map((notice) => notice.message)).toEqual([
      expect.stringContaining('could not read 1 summary draft'),
    ]);
    expect(await readdir(join(dataDir, 'share', 'drafts', 'damaged'))).toEqual([
      expect.stringMatching(/broken\.json$/u),
    ]);
  });
});

describe('the privacy guard on every way out', () => {
  const PHI = '\n\nSeen in clinic: John Smith, MRN 12345678, born 14/03/1941.';

  it('blocks posting, copying, links, the card, the handout and the feed until each finding is resolved', async () => {
    const draft = await newDraft();
    await value(service.saveDraft({ id: draft.id, changes: { text: draft.text + PHI } }));
    await value(
      service.setSettings({ feed: { folder: feedFolder, title: 'Renal JC', baseUrl: null } }),
    );
    await value(
      service.setAccount({
        platform: 'mastodon',
        instance: mastodon.url,
        accessToken: mastodon.accessToken,
      }),
    );

    const check = await value(service.check({ id: draft.id }));
    expect(check.findings.map((finding) => [finding.type, finding.text, finding.field])).toEqual([
      ['name', 'John Smith', 'text'],
      ['mrn', '12345678', 'text'],
      ['date', '14/03/1941', 'text'],
    ]);
    const attempts = await Promise.all([
      service.postThread({ id: draft.id, platform: 'mastodon', withImage: true }),
      service.postsForCopy({ id: draft.id, platform: 'x' }),
      service.composeLink({ id: draft.id, platform: 'bluesky', index: 0 }),
      service.card({ id: draft.id, size: 'landscape' }),
      service.handout({ id: draft.id, format: 'pdf' }),
      service.publishToFeed({ id: draft.id }),
    ]);
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ ok: false, code: 'blocked' });
      if (!attempt.ok) expect(attempt.message).toContain('“John Smith” in summary');
    }
    expect(mastodon.statuses()).toEqual([]);
    expect(await readdir(feedFolder)).toEqual([]);

    // Redacting two and keeping one with a reason lets it leave.
    const redacted = draft.text + '\n\nSeen in clinic: [name], [record number], born 14/03/1941.';
    await value(
      service.saveDraft({
        id: draft.id,
        changes: {
          text: redacted,
          dismissals: [
            {
              field: 'text',
              finding: { type: 'date', start: 0, end: 10, text: '14/03/1941' },
              reason: 'other',
              note: 'A made-up teaching case',
            },
          ],
        },
      }),
    );
    expect((await value(service.check({ id: draft.id }))).ready).toBe(true);
    const copied = await value(service.postsForCopy({ id: draft.id, platform: 'x' }));
    expect(copied.posts.join(' ')).toContain('[record number]');
  });
});

describe('posting a thread', () => {
  it('says which posts went out when one is refused, and resumes after them', async () => {
    const draft = await newDraft();
    const long = `${draft.text}\n\n${'The trial enrolled adults from many countries and followed them closely. '.repeat(12)}`;
    await value(service.saveDraft({ id: draft.id, changes: { text: long } }));
    await value(
      service.setAccount({
        platform: 'mastodon',
        instance: mastodon.url,
        accessToken: mastodon.accessToken,
      }),
    );
    mastodon.failStatus(2, { status: 503, error: 'Service Unavailable' });

    const stopped = await value(
      service.postThread({ id: draft.id, platform: 'mastodon', withImage: true }),
    );
    expect(stopped.failure).toMatchObject({ failedIndex: 1 });
    expect(stopped.message).toContain(`Post 1 of ${stopped.thread.total} is on Mastodon`);
    expect(stopped.thread.total).toBeGreaterThanOrEqual(3);
    // What went out is on disk before the answer, so a restart can resume too.
    const saved = JSON.parse(
      await readFile(join(dataDir, 'share', 'drafts', `${draft.id}.json`), 'utf8'),
    );
    expect(saved.draft.posted.mastodon.posts).toHaveLength(1);

    const resumed = await value(
      service.postThread({ id: draft.id, platform: 'mastodon', withImage: true }),
    );
    expect(resumed.failure).toBeNull();
    expect(resumed.thread.complete).toBe(true);
    const statuses = mastodon.statuses();
    expect(statuses).toHaveLength(resumed.thread.total);
    statuses.forEach((status, index) => {
      expect(status.inReplyToId).toBe(index === 0 ? null : statuses[index - 1]?.id);
    });
    expect(statuses[0]?.media.map((media) => media.description)).toEqual([draft.altText]);
    expect(statuses.slice(1).every((status) => status.media.length === 0)).toBe(true);

    // Posting again does not post twice.
    const again = await value(
      service.postThread({ id: draft.id, platform: 'mastodon', withImage: true }),
    );
    expect(again.message).toContain('already on Mastodon');
    expect(mastodon.statuses()).toHaveLength(resumed.thread.total);
  });

  it('asks for an account first', async () => {
    const draft = await newDraft();
    expect(
      await service.postThread({ id: draft.id, platform: 'bluesky', withImage: false }),
    ).toMatchObject({
      ok: false,
      code: 'needs-account',
    });
  });
});

describe('the evidence guard', () => {
  it('keeps the preprint label unless its removal was confirmed', async () => {
    const draft = await newDraft('item-preprint');
    expect(draft.paper.preprint).toBe('medRxiv');
    expect(draft.text).toContain(PREPRINT_LABEL);
    expect(draft.card.preprintLabel).toBe(PREPRINT_LABEL);
    await value(
      service.saveDraft({
        id: draft.id,
        changes: { text: draft.text.replace(PREPRINT_LABEL, '') },
      }),
    );
    const blocked = await service.handout({ id: draft.id, format: 'markdown' });
    expect(blocked).toMatchObject({ ok: false, code: 'blocked' });
    await value(service.saveDraft({ id: draft.id, changes: { preprintLabelRemoved: true } }));
    expect((await value(service.check({ id: draft.id }))).ready).toBe(true);
  });

  it('blocks sharing a paper Crossref reports retracted until the user acknowledges it', async () => {
    const draft = await newDraft();
    crossrefAnswer = {
      status: 'ok',
      message: {
        items: [
          {
            DOI: '10.5555/retraction-notice',
            'update-to': [
              { DOI, type: 'retraction', updated: { 'date-time': '2026-11-30T00:00:00Z' } },
            ],
          },
        ],
      },
    };
    const checked = await value(service.checkNotices({ id: draft.id }));
    expect(checked.notices.map((notice) => notice.kind)).toEqual(['retracted']);
    const check = await value(service.check({ id: draft.id }));
    expect(check.evidence.map((issue) => issue.kind)).toEqual(['editorial-notice']);
    expect(await service.card({ id: draft.id, size: 'square' })).toMatchObject({
      ok: false,
      code: 'blocked',
    });
    await value(service.saveDraft({ id: draft.id, changes: { noticesAcknowledged: true } }));
    const handout = await value(service.handout({ id: draft.id, format: 'markdown' }));
    expect(new TextDecoder().decode(bytesOf(handout.base64))).toContain(
      'This paper has been retracted.',
    );
  });
});

describe('what is known of a paper’s fate', () => {
  it('holds every draft of a paper the user marks retracted, until acknowledged or unmarked', async () => {
    const draft = await newDraft();
    const marked = await value(service.markPaper({ itemId: 'item-journal', kind: 'retracted' }));
    expect(marked.notices).toEqual([
      { kind: 'retracted', noticeDoi: null, date: '2026-12-02', source: 'user' },
    ]);
    const check = await value(service.check({ id: draft.id }));
    expect(check.evidence.map((issue) => issue.kind)).toEqual(['editorial-notice']);
    // A new draft of the same paper starts held too.
    const second = await newDraft();
    expect(second.notices.map((notice) => notice.source)).toEqual(['user']);

    await value(service.markPaper({ itemId: 'item-journal', kind: null }));
    expect((await value(service.check({ id: draft.id }))).ready).toBe(true);
    expect(
      (await value(service.paperNotices({ itemId: 'item-journal', check: false }))).notices,
    ).toEqual([]);
  });

  it('asks Crossref when the reader opens a paper, and a later draft starts from that answer', async () => {
    crossrefAnswer = {
      status: 'ok',
      message: {
        items: [{ DOI: '10.5555/erratum', 'update-to': [{ DOI, type: 'correction' }] }],
      },
    };
    const asked = await value(service.paperNotices({ itemId: 'item-journal', check: true }));
    expect(asked.notices.map((notice) => [notice.kind, notice.source])).toEqual([
      ['corrected', 'crossref'],
    ]);
    expect(asked.checkedAt).toBe(NOW.toISOString());
    // Crossref now says nothing more, but the week-old answer is kept: no second request needed.
    crossrefAnswer = { status: 'ok', message: { items: [] } };
    const draft = await newDraft();
    expect(draft.notices.map((notice) => notice.kind)).toEqual(['corrected']);
    expect(draft.noticesAcknowledged).toBe(false);
  });
});

describe('the exports', () => {
  it('keeps each summary in the feed as it was published, whatever is edited since', async () => {
    await value(
      service.setSettings({ feed: { folder: feedFolder, title: 'Renal JC', baseUrl: null } }),
    );
    const first = await newDraft();
    await value(service.publishToFeed({ id: first.id }));
    // Edited afterwards, even with a patient's name in it: publishing another summary does not
    // carry the edit (or the name) into the feed.
    await value(
      service.saveDraft({
        id: first.id,
        changes: {
          text: `${first.text}

Later thought about John Smith's case.`,
        },
      }),
    );
    const second = await newDraft('item-preprint');
    expect(await value(service.publishToFeed({ id: second.id }))).toMatchObject({ entries: 2 });
    const feed = await readFile(join(feedFolder, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('John Smith');
    expect(feed).toContain(PREPRINT_DOI);
    expect(feed).toContain(DOI);
    expect((await readdir(feedFolder)).sort()).toEqual(
      [`${first.id}.png`, `${second.id}.png`, 'feed.xml'].sort(),
    );
  });

  it('draws the card, writes the handout and publishes the club feed', async () => {
    const draft = await newDraft();
    const card = await value(service.card({ id: draft.id, size: 'landscape' }));
    const png = bytesOf(card.base64);
    expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    expect(card.bytes).toBeLessThan(1_000_000);

    const pdf = await value(service.handout({ id: draft.id, format: 'pdf' }));
    expect(new TextDecoder().decode(bytesOf(pdf.base64).subarray(0, 5))).toBe('%PDF-');
    expect(pdf.fileName).toBe(
      'summary-finerenone-and-kidney-outcomes-in-diabetic-kidney-disease.pdf',
    );

    expect(await service.publishToFeed({ id: draft.id })).toMatchObject({
      ok: false,
      code: 'no-feed-folder',
    });
    await value(
      service.setSettings({
        feed: { folder: feedFolder, title: 'Renal JC summaries', baseUrl: null },
      }),
    );
    const published = await value(service.publishToFeed({ id: draft.id }));
    expect(published).toEqual({ feedPath: join(feedFolder, 'feed.xml'), entries: 1 });
    const feed = await readFile(join(feedFolder, 'feed.xml'), 'utf8');
    expect(feed).toContain('<title type="text">Renal JC summaries</title>');
    expect(feed).toContain(DOI);
    expect((await readdir(feedFolder)).sort()).toEqual([`${draft.id}.png`, 'feed.xml']);
    const listed = await value(service.drafts({ query: 'finerenone' }));
    expect(listed.map((entry) => [entry.id, entry.publishedToFeed])).toEqual([[draft.id, true]]);
  });
});
