import { randomUUID } from 'node:crypto';
import {
  fail,
  ok,
  type DirectPostingPlatform,
  type DraftChanges,
  type DraftListing,
  type DraftSource,
  type PaperNotices,
  type PostedThread,
  type Result,
  type ServiceImplementation,
  type ShareAccounts,
  type ShareCheck,
  type ShareFile,
  type ShareSettings,
  type SharePlatform,
  type SummaryDraft,
  type ThreadPosted,
  type shareContract,
} from '@shared/contract';
import { encodeBase64 } from '@shared/domain/club/session/base64';
import { blockedMessage, checkDraft } from '@shared/domain/share/checkDraft';
import { composeDraft } from '@shared/domain/share/composeDraft';
import { composeLinkFor } from '@shared/domain/share/composeLinks';
import { feedEntryOf, handoutContentOf } from '@shared/domain/share/exportContent';
import { renderHandoutHtml } from '@shared/domain/share/handout/renderHandoutHtml';
import { renderHandoutMarkdown } from '@shared/domain/share/handout/renderHandoutMarkdown';
import {
  checkPostingServer,
  describeThreadFailure,
  postingPlatformName,
  type PostingCredentialsByPlatform,
} from '@shared/domain/share/posting/threadPosting';
import { splitIntoThread } from '@shared/domain/share/threadSplitter';
import {
  RETRACTION_KINDS,
  type EditorialNotice,
} from '@shared/domain/share/evidence/retractionStatus';
import type { CardSize, ClubFeedEntry, SummaryPaper } from '@shared/domain/share/summary';
import { Emitter } from '../Emitter';
import type {
  CardRenderer,
  Clock,
  CredentialStore,
  DraftIngredientSource,
  FeedPublisher,
  HandoutPdfWriter,
  RetractionChecker,
  ShareStore,
  StoredShareSettings,
  ThreadPoster,
} from './ports';

type ShareService = ServiceImplementation<typeof shareContract>;
type Arguments<K extends keyof ShareService> = Parameters<ShareService[K]>[0];

export interface ShareMainServiceDependencies {
  store: ShareStore;
  ingredients: DraftIngredientSource;
  cards: CardRenderer;
  handoutPdf: HandoutPdfWriter;
  posters: { bluesky: ThreadPoster<'bluesky'>; mastodon: ThreadPoster<'mastodon'> };
  credentials: CredentialStore;
  /** A checker asking Crossref at the given base URL (settings can change it). */
  retractions: (baseUrl: string) => RetractionChecker;
  feed: FeedPublisher;
  clock: Clock;
  newId?: () => string;
}

const DRAFT_NOT_FOUND = 'That summary is no longer here; it may have been deleted.';
const SEARCH_EXCERPT_LENGTH = 200;

function fileOf(fileName: string, mediaType: ShareFile['mediaType'], bytes: Uint8Array): ShareFile {
  return { fileName, mediaType, base64: encodeBase64(bytes), bytes: bytes.length };
}

/** A file name from the paper's title: plain letters and digits, short, never empty. */
function fileStem(draft: SummaryDraft): string {
  const words = draft.paper.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/gu);
  const stem = (words ?? []).slice(0, 8).join('-').slice(0, 60);
  return `summary-${stem || draft.id.slice(0, 8)}`;
}

function listingOf(draft: SummaryDraft): DraftListing {
  return {
    id: draft.id,
    source: draft.source,
    paperTitle: draft.paper.title,
    sessionTitle: draft.sessionTitle,
    clubName: draft.club?.name ?? null,
    excerpt: draft.text.slice(0, SEARCH_EXCERPT_LENGTH),
    updatedAt: draft.updatedAt,
    postedTo: (['bluesky', 'mastodon'] as const).filter(
      (platform) => draft.posted[platform]?.complete === true,
    ),
    publishedToFeed: draft.publishedToFeedAt !== null,
  };
}

/** Every word of the query appears in the draft's title, session, club or texts (any case). */
function matchesQuery(draft: SummaryDraft, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    draft.paper.title,
    draft.sessionTitle ?? '',
    draft.club?.name ?? '',
    draft.text,
    draft.laySummary,
    draft.paper.authors.join(' '),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** One paper however it is reached: by its DOI when it has one, else by its library item. */
function paperKey(paper: SummaryPaper, itemId: string): string {
  return paper.doi ? `doi:${paper.doi}` : `item:${paper.itemId ?? itemId}`;
}

/** What the window sees of the settings: everything but the feed's internal id. */
function publicSettings({ feedId: _feedId, ...settings }: StoredShareSettings): ShareSettings {
  return settings;
}

/**
 * Summary drafts and every way of sharing them. Each way out (compose links, copying, posting, the
 * card, the handout, the feed) checks the saved draft with both guards first and answers
 * `blocked` with the reasons while anything stops it, so nothing leaves through a path the guards
 * did not see, whatever the window shows.
 */
export class ShareMainService implements ShareService {
  private readonly changed = new Emitter<{ id: string }>();
  readonly onDidChangeDrafts: ShareService['onDidChangeDrafts'] = this.changed.subscribe;
  private readonly noticesChanged = new Emitter<{ itemId: string }>();
  readonly onDidChangePaperNotices: ShareService['onDidChangePaperNotices'] =
    this.noticesChanged.subscribe;
  private readonly newId: () => string;
  /** Threads being posted, by draft and platform: a second click waits for the first. */
  private readonly posting = new Map<string, Promise<Result<ThreadPosted, never>>>();

  constructor(private readonly dependencies: ShareMainServiceDependencies) {
    this.newId = dependencies.newId ?? randomUUID;
  }

  async drafts({ itemId, sessionId, query }: Arguments<'drafts'>) {
    const listed = this.dependencies.store
      .drafts()
      .filter((draft) => itemId === undefined || draft.paper.itemId === itemId)
      .filter(
        (draft) =>
          sessionId === undefined ||
          (draft.source.kind === 'session' && draft.source.sessionId === sessionId),
      )
      .filter((draft) => query === undefined || matchesQuery(draft, query))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map(listingOf);
    return ok(listed);
  }

  async createDraft({ source }: Arguments<'createDraft'>) {
    const found = await this.ingredientsFor(source);
    if (!found) {
      return fail(
        'not-found',
        source.kind === 'paper'
          ? 'That paper is no longer in the library.'
          : 'That session or its paper is no longer on this computer.',
      );
    }
    const settings = this.dependencies.store.settings();
    const composed = composeDraft(
      { ...found, source, disclosure: settings.disclosure },
      this.newId(),
      this.dependencies.clock.now(),
    );
    // What is already known of the paper's fate (the user's mark, Crossref's last answer) comes
    // with it, so a draft of a retracted paper is held from the start; no request is made here.
    const known = await this.noticesForPaper(found.paper, found.paper.itemId ?? '', false);
    const draft: SummaryDraft = {
      ...composed,
      notices: known.notices,
      noticesCheckedAt: known.checkedAt,
    };
    await this.dependencies.store.saveDraft(draft);
    this.changed.fire({ id: draft.id });
    return ok(draft);
  }

  async draft({ id }: Arguments<'draft'>) {
    const draft = this.find(id);
    return draft ? ok(draft) : fail('not-found', DRAFT_NOT_FOUND);
  }

  async saveDraft({ id, changes }: Arguments<'saveDraft'>) {
    const draft = this.find(id);
    if (!draft) return fail('not-found', DRAFT_NOT_FOUND);
    const saved = this.applyChanges(draft, changes);
    await this.dependencies.store.saveDraft(saved);
    this.changed.fire({ id });
    return ok(saved);
  }

  async removeDraft({ id }: Arguments<'removeDraft'>) {
    if (!this.find(id)) return fail('not-found', DRAFT_NOT_FOUND);
    await this.dependencies.store.removeDraft(id);
    this.changed.fire({ id });
    return ok({ id });
  }

  async check({ id }: Arguments<'check'>) {
    const draft = this.find(id);
    return draft ? ok(this.checkOf(draft)) : fail('not-found', DRAFT_NOT_FOUND);
  }

  async checkNotices({ id }: Arguments<'checkNotices'>) {
    const draft = this.find(id);
    if (!draft) return fail('not-found', DRAFT_NOT_FOUND);
    const known = await this.noticesForPaper(draft.paper, draft.paper.itemId ?? '', true);
    const updated = await this.withNotices(draft, known);
    return ok(updated);
  }

  async paperNotices({ itemId, check }: Arguments<'paperNotices'>) {
    const found = await this.dependencies.ingredients.forPaper(itemId);
    if (!found) return fail('not-found', 'That paper is no longer in the library.');
    const known = await this.noticesForPaper(found.paper, itemId, check);
    if (check) await this.refreshDraftsOf(found.paper, known);
    return ok(known);
  }

  async markPaper({ itemId, kind }: Arguments<'markPaper'>) {
    const found = await this.dependencies.ingredients.forPaper(itemId);
    if (!found) return fail('not-found', 'That paper is no longer in the library.');
    const marks = { ...this.dependencies.store.paperMarks() };
    const key = paperKey(found.paper, itemId);
    if (kind === null) delete marks[key];
    else {
      marks[key] = {
        kind,
        noticeDoi: null,
        date: this.dependencies.clock.now().toISOString().slice(0, 10),
        source: 'user',
      };
    }
    await this.dependencies.store.savePaperMarks(marks);
    const known = await this.noticesForPaper(found.paper, itemId, false);
    await this.refreshDraftsOf(found.paper, known);
    this.noticesChanged.fire({ itemId });
    return ok(known);
  }

  async composeLink({ id, platform, index }: Arguments<'composeLink'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    const posts = this.threadOf(ready.value, platform);
    const text = posts[Math.min(index, posts.length - 1)] ?? '';
    const link = composeLinkFor(platform, text, {
      mastodonInstance: this.dependencies.store.settings().mastodonInstance,
      paperUrl: ready.value.paper.url,
    });
    return link.ok ? ok({ url: link.url }) : fail('needs-instance', link.message);
  }

  async postsForCopy({ id, platform }: Arguments<'postsForCopy'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    return ok({ posts: this.threadOf(ready.value, platform) });
  }

  async postThread({ id, platform, withImage }: Arguments<'postThread'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    const credentials = await this.dependencies.credentials.get(platform);
    if (!credentials) {
      return fail(
        'needs-account',
        `Add your ${postingPlatformName(platform)} account under Accounts before posting.`,
      );
    }
    const key = `${id}\n${platform}`;
    const running = this.posting.get(key);
    if (running) return running;
    const posting = this.post(ready.value, platform, credentials, withImage).finally(() => {
      this.posting.delete(key);
    });
    this.posting.set(key, posting);
    return posting;
  }

  async card({ id, size }: Arguments<'card'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    const png = await this.dependencies.cards.render(ready.value.card, size);
    return ok(fileOf(`${fileStem(ready.value)}-${size}.png`, 'image/png', png));
  }

  async handout({ id, format }: Arguments<'handout'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    const settings = this.dependencies.store.settings();
    const content = handoutContentOf(
      ready.value,
      settings.disclosure ?? '',
      this.dependencies.clock.now(),
    );
    const stem = fileStem(ready.value);
    const encoder = new TextEncoder();
    switch (format) {
      case 'markdown':
        return ok(
          fileOf(`${stem}.md`, 'text/markdown', encoder.encode(renderHandoutMarkdown(content))),
        );
      case 'html':
        return ok(fileOf(`${stem}.html`, 'text/html', encoder.encode(renderHandoutHtml(content))));
      case 'pdf':
        return ok(
          fileOf(
            `${stem}.pdf`,
            'application/pdf',
            await this.dependencies.handoutPdf.render(content),
          ),
        );
    }
  }

  async publishToFeed({ id }: Arguments<'publishToFeed'>) {
    const ready = this.readyDraft(id);
    if (!ready.ok) return ready;
    const settings = this.dependencies.store.settings();
    if (!settings.feed.folder) {
      return fail(
        'no-feed-folder',
        'Choose the folder the club feed is written to (Feed settings).',
      );
    }
    const now = this.dependencies.clock.now().toISOString();
    const author = (await this.dependencies.ingredients.authorName()) ?? 'Rounds';
    const png = await this.dependencies.cards.render(ready.value.card, 'landscape');
    const fileName = `${ready.value.id}.png`;
    const entry = feedEntryOf(ready.value, author, ready.value.publishedToFeedAt ?? now, now, {
      fileName,
      bytes: png.length,
      altText: ready.value.altText,
    });
    const publishing: SummaryDraft = {
      ...ready.value,
      publishedToFeedAt: entry.published,
      feedEntry: entry,
    };
    // The other summaries go out again exactly as they were published (they passed the guards
    // then), not as edited since: editing a summary never republishes it by the way.
    const others = this.dependencies.store
      .drafts()
      .filter((draft) => draft.id !== id && draft.feedEntry !== null)
      .map((draft) => draft.feedEntry)
      .filter((published) => published !== null);
    const entries: ClubFeedEntry[] = [entry, ...others];
    const images = new Map<string, Uint8Array>([[fileName, png]]);
    try {
      const written = await this.dependencies.feed.publish(
        settings.feed.folder,
        {
          id: settings.feedId,
          title: settings.feed.title,
          baseUrl: settings.feed.baseUrl,
          updated: now,
        },
        entries,
        images,
      );
      await this.dependencies.store.saveDraft({ ...publishing, updatedAt: now });
      this.changed.fire({ id });
      return ok({ feedPath: written.feedPath, entries: entries.length });
    } catch (error) {
      return fail(
        'write-failed',
        `The club feed could not be written to ${settings.feed.folder}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async settings() {
    return ok(publicSettings(this.dependencies.store.settings()));
  }

  async setSettings(changes: Arguments<'setSettings'>) {
    const current = this.dependencies.store.settings();
    const next: StoredShareSettings = { ...current };
    if (changes.disclosure !== undefined) next.disclosure = changes.disclosure;
    if (changes.mastodonLimit !== undefined) next.mastodonLimit = changes.mastodonLimit;
    if (changes.mastodonInstance !== undefined) {
      if (changes.mastodonInstance === null || changes.mastodonInstance === '') {
        next.mastodonInstance = null;
      } else {
        const checked = checkPostingServer(changes.mastodonInstance, 'mastodon');
        if (!checked.ok) return fail('invalid-address', checked.message);
        next.mastodonInstance = checked.origin;
      }
    }
    if (changes.crossrefBaseUrl !== undefined) {
      const address = changes.crossrefBaseUrl.replace(/\/+$/u, '');
      if (
        !/^https:\/\/[^/\s]+|^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:\/|$)/u.test(
          address,
        )
      ) {
        return fail(
          'invalid-address',
          'Crossref’s address must start with https:// (or be a test server on this computer).',
        );
      }
      next.crossrefBaseUrl = address;
    }
    if (changes.feed !== undefined) {
      const folder = changes.feed.folder?.trim() || null;
      if (folder !== null && !/^(?:\/|[A-Za-z]:[\\/]|\\\\)/u.test(folder)) {
        return fail(
          'invalid-folder',
          `The feed’s folder must be a full path (such as /Users/you/club-feed), not “${folder}”.`,
        );
      }
      const baseUrl = changes.feed.baseUrl?.trim() || null;
      if (baseUrl !== null && !/^https?:\/\/[^/\s]+/u.test(baseUrl)) {
        return fail(
          'invalid-address',
          'The feed’s web address must start with https:// (or http://).',
        );
      }
      next.feed = { folder, title: changes.feed.title, baseUrl };
    }
    await this.dependencies.store.saveSettings(next);
    return ok(publicSettings(next));
  }

  async accounts() {
    return ok(await this.accountsView());
  }

  async setAccount(credentials: Arguments<'setAccount'>) {
    const address = credentials.platform === 'bluesky' ? credentials.service : credentials.instance;
    const checked = checkPostingServer(address, credentials.platform);
    if (!checked.ok) return fail('invalid-address', checked.message);
    const saved =
      credentials.platform === 'bluesky'
        ? await this.dependencies.credentials.set('bluesky', {
            service: checked.origin,
            identifier: credentials.identifier,
            appPassword: credentials.appPassword,
          })
        : await this.dependencies.credentials.set('mastodon', {
            instance: checked.origin,
            accessToken: credentials.accessToken,
          });
    if (!saved.ok) return fail('cannot-store', saved.message);
    if (
      credentials.platform === 'mastodon' &&
      this.dependencies.store.settings().mastodonInstance === null
    ) {
      // The instance posted to is the one compose links open too, unless the user set another.
      await this.dependencies.store.saveSettings({
        ...this.dependencies.store.settings(),
        mastodonInstance: checked.origin,
      });
    }
    return ok(await this.accountsView());
  }

  async forgetAccount({ platform }: Arguments<'forgetAccount'>) {
    await this.dependencies.credentials.forget(platform);
    return ok(await this.accountsView());
  }

  /** The user's mark on the paper and Crossref's notices; Crossref is asked only when `online`. */
  private async noticesForPaper(
    paper: SummaryPaper,
    itemId: string,
    online: boolean,
  ): Promise<PaperNotices> {
    const mark = this.dependencies.store.paperMarks()[paperKey(paper, itemId)];
    let crossref: EditorialNotice[] = [];
    let checkedAt: string | null = null;
    let message: string | null = null;
    if (paper.doi) {
      const checker = this.dependencies.retractions(
        this.dependencies.store.settings().crossrefBaseUrl,
      );
      const outcome = await checker.check(paper.doi, { online });
      crossref = [...(outcome.check?.notices ?? [])].sort(
        (a, b) => RETRACTION_KINDS.indexOf(a.kind) - RETRACTION_KINDS.indexOf(b.kind),
      );
      checkedAt = outcome.check?.checkedAt ?? null;
      // Without asking, "not checked yet" is not news.
      message = online ? outcome.message : null;
    }
    return {
      itemId,
      doi: paper.doi,
      notices: [...(mark ? [mark] : []), ...crossref],
      checkedAt,
      message,
    };
  }

  /** Gives a draft the notices now known; a notice it had not shown must be acknowledged again. */
  private async withNotices(draft: SummaryDraft, known: PaperNotices): Promise<SummaryDraft> {
    const before = new Set(draft.notices.map((notice) => JSON.stringify(notice)));
    const fresh = known.notices.some((notice) => !before.has(JSON.stringify(notice)));
    const sameNotices = !fresh && known.notices.length === draft.notices.length;
    if (sameNotices && known.checkedAt === draft.noticesCheckedAt) return draft;
    const updated: SummaryDraft = {
      ...draft,
      notices: known.notices,
      noticesCheckedAt: known.checkedAt ?? draft.noticesCheckedAt,
      noticesAcknowledged: fresh ? false : draft.noticesAcknowledged,
      updatedAt: this.dependencies.clock.now().toISOString(),
    };
    await this.dependencies.store.saveDraft(updated);
    this.changed.fire({ id: draft.id });
    return updated;
  }

  /** Every draft of the paper takes the notices now known. */
  private async refreshDraftsOf(paper: SummaryPaper, known: PaperNotices): Promise<void> {
    const key = paperKey(paper, known.itemId);
    for (const draft of this.dependencies.store.drafts()) {
      if (paperKey(draft.paper, draft.paper.itemId ?? '') === key)
        await this.withNotices(draft, known);
    }
  }

  private find(id: string): SummaryDraft | undefined {
    return this.dependencies.store.drafts().find((draft) => draft.id === id);
  }

  private checkOf(draft: SummaryDraft): ShareCheck {
    return checkDraft(draft, this.dependencies.store.settings());
  }

  /** The saved draft when both guards let it leave; else `blocked` with the reasons. */
  private readyDraft(id: string): Result<SummaryDraft, 'not-found' | 'blocked'> {
    const draft = this.find(id);
    if (!draft) return fail('not-found', DRAFT_NOT_FOUND);
    const check = this.checkOf(draft);
    return check.ready ? ok(draft) : fail('blocked', blockedMessage(check));
  }

  private threadOf(draft: SummaryDraft, platform: SharePlatform): string[] {
    const { mastodonLimit } = this.dependencies.store.settings();
    return splitIntoThread(platform, draft.text, {
      mastodonLimit,
      contentWarning: draft.contentWarning,
    }).posts.map((post) => post.text);
  }

  private async ingredientsFor(source: DraftSource) {
    const { ingredients } = this.dependencies;
    return source.kind === 'paper'
      ? ingredients.forPaper(source.itemId)
      : ingredients.forSession(source.sessionId, source.paperId);
  }

  private applyChanges(draft: SummaryDraft, changes: DraftChanges): SummaryDraft {
    const next: SummaryDraft = { ...draft, updatedAt: this.dependencies.clock.now().toISOString() };
    if (changes.text !== undefined) next.text = changes.text;
    if (changes.levelOfEvidence !== undefined) next.levelOfEvidence = changes.levelOfEvidence;
    if (changes.laySummary !== undefined) next.laySummary = changes.laySummary;
    if (changes.contentWarning !== undefined) next.contentWarning = changes.contentWarning;
    if (changes.card !== undefined) next.card = { ...changes.card };
    if (changes.altText !== undefined) next.altText = changes.altText;
    if (changes.handout !== undefined) {
      next.handout = {
        highlights: changes.handout.highlights.map((highlight) => ({
          quote: highlight.quote,
          comment: highlight.comment ?? null,
          by: highlight.by ?? null,
        })),
        appraisal: changes.handout.appraisal,
        notes: changes.handout.notes,
      };
    }
    if (changes.dismissals !== undefined)
      next.dismissals = changes.dismissals as SummaryDraft['dismissals'];
    if (changes.preprintLabelRemoved !== undefined)
      next.preprintLabelRemoved = changes.preprintLabelRemoved;
    if (changes.noticesAcknowledged !== undefined)
      next.noticesAcknowledged = changes.noticesAcknowledged;
    return next;
  }

  private async accountsView(): Promise<ShareAccounts> {
    const { credentials } = this.dependencies;
    const [bluesky, mastodon] = await Promise.all([
      credentials.get('bluesky'),
      credentials.get('mastodon'),
    ]);
    return {
      bluesky: bluesky ? { service: bluesky.service, identifier: bluesky.identifier } : null,
      mastodon: mastodon ? { instance: mastodon.instance } : null,
      protection: credentials.protection,
    };
  }

  private async post<P extends DirectPostingPlatform>(
    draft: SummaryDraft,
    platform: P,
    credentials: PostingCredentialsByPlatform[P],
    withImage: boolean,
  ): Promise<Result<ThreadPosted, never>> {
    const posts = this.threadOf(draft, platform);
    const earlier = draft.posted[platform];
    // Resume only the same text: an edited summary is a new thread, never a continuation.
    const resuming = earlier !== null && !earlier.complete && earlier.text === draft.text;
    if (earlier?.complete && earlier.text === draft.text) {
      return ok({
        platform,
        thread: earlier,
        message: `This summary is already on ${postingPlatformName(platform)} (${earlier.total} posts).`,
        failure: null,
      });
    }
    const image =
      withImage && !(resuming && earlier.posts.length > 0)
        ? {
            png: await this.dependencies.cards.render(draft.card, 'landscape' satisfies CardSize),
            altText: draft.altText,
          }
        : null;
    const poster = this.dependencies.posters[platform] as ThreadPoster<P>;
    const result = await poster.post(credentials, {
      posts,
      image,
      contentWarning:
        platform === 'mastodon' && draft.contentWarning.trim() !== '' ? draft.contentWarning : null,
      language: null,
      alreadyPosted: resuming ? earlier.posts : [],
    });
    const thread: PostedThread = {
      posts: result.posted,
      total: posts.length,
      complete: result.ok,
      text: draft.text,
      at: this.dependencies.clock.now().toISOString(),
    };
    // What went out is saved even when the thread stopped, so Resume continues from it.
    const latest = this.find(draft.id) ?? draft;
    await this.dependencies.store.saveDraft({
      ...latest,
      posted: { ...latest.posted, [platform]: thread },
      updatedAt: thread.at,
    });
    this.changed.fire({ id: draft.id });
    const name = postingPlatformName(platform);
    if (result.ok) {
      return ok({
        platform,
        thread,
        message: `Posted ${posts.length === 1 ? 'the summary' : `all ${posts.length} posts`} to ${name}.`,
        failure: null,
      });
    }
    const message =
      result.message ||
      describeThreadFailure({
        platform,
        total: posts.length,
        postedCount: result.posted.length,
        reason: result.reason,
        detail: result.reason,
      });
    return ok({
      platform,
      thread,
      message,
      failure: { reason: result.reason, failedIndex: result.failedIndex },
    });
  }
}
