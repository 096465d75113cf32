// @vitest-environment jsdom
// The summary composer as a clinician uses it, over the fake backend's share service: the guards
// follow the typing, identifiers are redacted or kept with a reason, the evidence fixes, the thread
// per platform, posting (and resuming), the exports and the autosave.
import { fail } from '@shared/contract/define';
import type { ShareSettings, SummaryDraft, ThreadPosted } from '@shared/contract/share';
import { PREPRINT_LABEL } from '@shared/domain/share/summary';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  FakeFailure,
  sampleItem,
  type FakeShare,
} from '../../../testing/fakeBackend';
import { setUpComponentTests } from '../../../testing/jsdomWindow';
import {
  fakeShare,
  fakeShareSettings,
  ingredientsFromItem,
  sampleDraft,
} from '../testing/fakeShareService';
import { ComposerPage, type ComposerPageProps } from './ComposerPage';
import type { ShareClient } from './shareClient';

setUpComponentTests();

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const ITEM = sampleItem({
  id: 'item-sepsis',
  title: 'Early antibiotics in sepsis',
  journal: 'NEJM',
  paperIds: { doi: '10.1056/nejmoa2401', pmid: null, arxiv: null },
});

interface Setup {
  disclosure?: string | null;
  draft?: Partial<SummaryDraft>;
  share?: Partial<FakeShare>;
  settings?: Partial<ShareSettings>;
  /** Wraps the fake's client (to refuse a save, say). */
  client?: (client: ShareClient) => ShareClient;
  props?: Partial<ComposerPageProps>;
}

function composer({
  disclosure = 'None',
  draft,
  share: shareOverrides,
  settings,
  client,
  props,
}: Setup = {}) {
  const ingredients = ingredientsFromItem(ITEM, { kind: 'paper', itemId: ITEM.id }, disclosure);
  const share = fakeShare({
    drafts: [sampleDraft(ingredients, draft)],
    settings: fakeShareSettings({ disclosure, ...settings }),
    ...shareOverrides,
  });
  const backend = createFakeBackend({ feeds: [], items: [ITEM], share });
  const handlers = {
    onOpenItem: vi.fn(),
    onBack: vi.fn(),
    onOpenAccounts: vi.fn(),
    onOpenFeedSettings: vi.fn(),
    onAskDisclosure: vi.fn(),
  };
  const user = userEvent.setup();
  const shareClient = client ? client(backend.api.share) : backend.api.share;
  const page = (settingsVersion: number) => (
    <ComposerPage
      client={shareClient}
      draftId="draft-1"
      settingsVersion={settingsVersion}
      {...handlers}
      {...props}
    />
  );
  const view = render(page(0));
  const saved = () => share.drafts[0]!;
  return {
    user,
    share,
    backend,
    handlers,
    saved,
    unmount: view.unmount,
    rerender: (version: number) => view.rerender(page(version)),
  };
}

async function opened() {
  return screen.findByRole('heading', { level: 1, name: 'Summary: Early antibiotics in sepsis' });
}

const region = (name: string) => screen.getByRole('region', { name });
const summaryBox = () => screen.getByRole('textbox', { name: 'Summary' });
const PATIENT = 'Our patient John Smith, MRN 12345678, born 03/04/1950, improved.';

async function typePatientDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.click(summaryBox());
  await user.keyboard('{Control>}{End}{/Control}');
  await user.paste(`\n\n${PATIENT}`);
}

describe('the summary composer', () => {
  it('opens ready to share, with every section', async () => {
    composer();
    await opened();
    expect(within(region('Before sharing')).getByRole('status')?.textContent).toMatch(
      'Ready to share',
    );
    for (const name of [
      'Summary',
      'Thread preview',
      'Plain-language summary',
      'Visual abstract',
      'Handout',
      'Club feed',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(screen.getByText('Saved')).toBeTruthy();
  });

  it('marks a typed patient name, record number and date of birth, and shares nothing', async () => {
    const { user } = composer();
    await opened();
    await typePatientDetails(user);

    const findings = screen.getByRole('list', { name: 'Possible patient identifiers' });
    expect(
      within(findings)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual([
      'Name “John Smith” in Summary',
      'Medical record number “12345678” in Summary',
      'Date “03/04/1950” in Summary',
    ]);
    expect(within(region('Before sharing')).getAllByRole('status')[0]?.textContent).toMatch(
      'Not ready: 3 possible patient identifiers, 0 evidence issues',
    );
    // The marks are drawn in place behind the text, hidden from assistive technology.
    const marks = [...document.querySelectorAll('.composer-marked-backdrop mark')].map(
      (mark) => mark.textContent,
    );
    expect(marks).toEqual(['John Smith', '12345678', '03/04/1950']);

    for (const name of [
      'Copy post 1',
      'Open post 1 in X',
      'Copy all posts',
      'Show the card',
      'Save landscape image',
      'Save square image',
      'Save handout as PDF',
      'Publish to club feed',
    ]) {
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    }
    await user.click(screen.getByRole('radio', { name: 'Bluesky' }));
    expect(screen.getByRole('button', { name: 'Post thread to Bluesky' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('marks a finding where it is in the alt text and the handout notes too', async () => {
    const { user } = composer();
    await opened();
    await user.click(screen.getByRole('textbox', { name: 'Alt text' }));
    await user.paste(' Photo of Mary Jones.');
    await user.click(screen.getByRole('textbox', { name: 'Handout notes' }));
    await user.paste('Discussed the case of Peter Brown.');

    const findings = screen.getByRole('list', { name: 'Possible patient identifiers' });
    expect(
      within(findings)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['Name “Mary Jones” in Alt text', 'Name “Peter Brown” in Handout notes']);
    const markedIn = (label: string) =>
      [
        ...(screen
          .getByRole('textbox', { name: label })
          .parentElement?.querySelectorAll('.composer-marked-backdrop mark') ?? []),
      ].map((mark) => mark.textContent);
    expect(markedIn('Alt text')).toEqual(['Mary Jones']);
    expect(markedIn('Handout notes')).toEqual(['Peter Brown']);
  });

  it('redacts a finding in one press and saves the text', async () => {
    const { user, saved } = composer();
    await opened();
    await typePatientDetails(user);

    await user.click(screen.getByRole('button', { name: 'Redact “John Smith”' }));

    await waitFor(() => expect(saved().text).toContain('Our patient [name], MRN 12345678'));
    expect(summaryBox()).toHaveProperty('value', saved().text);
    expect(screen.queryByRole('button', { name: 'Redact “John Smith”' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Redact “12345678”' })).toBeTruthy();
  });

  it('keeps a finding with a reason, recorded as a dismissal', async () => {
    const { user, saved } = composer();
    await opened();
    await typePatientDetails(user);

    await user.click(screen.getByRole('button', { name: 'Keep “John Smith”…' }));
    const dialog = screen.getByRole('dialog', { name: 'Keep this text?' });
    await user.click(within(dialog).getByRole('radio', { name: /Another reason/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }));
    expect(within(dialog).getByRole('alert')?.textContent).toMatch('Say in the note why');

    await user.click(within(dialog).getByRole('radio', { name: /public figure/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'The hospital’s CEO');
    await user.click(within(dialog).getByRole('button', { name: 'Keep' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Keep “John Smith”…' })).toBeNull();
    expect(saved().dismissals).toEqual([
      {
        field: 'text',
        finding: expect.objectContaining({ type: 'name', text: 'John Smith' }),
        reason: 'public-role',
        note: 'The hospital’s CEO',
      },
    ]);
    expect(saved().text).toContain('John Smith');
  });

  it('shows the thread for X and Bluesky with each post’s count', async () => {
    const { user } = composer();
    await opened();
    const xPosts = within(screen.getByRole('list', { name: 'Posts for X' })).getAllByRole(
      'listitem',
    );
    expect(xPosts[0]?.textContent).toMatch('Early antibiotics in sepsis');
    expect(xPosts[0]?.textContent).toMatch(/\d+ \/ 280 weighted characters/);
    expect(screen.getByText(`${xPosts.length} post${xPosts.length === 1 ? '' : 's'}`)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Bluesky' }));
    const blueskyPosts = within(
      screen.getByRole('list', { name: 'Posts for Bluesky' }),
    ).getAllByRole('listitem');
    expect(blueskyPosts[0]?.textContent).toMatch(/\d+ \/ 300 characters/);
    expect(screen.getByRole('button', { name: 'Open post 1 in Bluesky' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('splits a long summary into numbered posts that each fit', async () => {
    const { user } = composer();
    await opened();
    await user.click(summaryBox());
    await user.keyboard('{Control>}{End}{/Control}');
    const sentence = 'Mortality fell in the treated group across every prespecified subgroup. ';
    await user.paste(`\n\n${sentence.repeat(6)}`);
    const posts = within(screen.getByRole('list', { name: 'Posts for X' })).getAllByRole(
      'listitem',
    );
    expect(posts.length).toBeGreaterThan(1);
    expect(posts[0]?.textContent).toMatch(`1/${posts.length}`);
    expect(screen.getByText(`${posts.length} posts`)).toBeTruthy();
    expect(screen.queryByText(/over the limit/)).toBeNull();
  });

  it('says in words when a post is over its limit, and blocks copying it', async () => {
    const { user } = composer({ settings: { mastodonLimit: 100 } });
    await opened();
    await user.click(screen.getByRole('radio', { name: 'Mastodon' }));
    await user.click(screen.getByRole('textbox', { name: 'Content warning (Mastodon)' }));
    await user.paste(
      'Discussion of sepsis mortality, antibiotics and the intensive care outcomes of older adults here',
    );
    const post = within(screen.getByRole('list', { name: 'Posts for Mastodon' })).getAllByRole(
      'listitem',
    )[0]!;
    expect(post?.textContent).toMatch(/\d+ over the limit/);
    expect(within(post).getByRole('button', { name: 'Copy post 1' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByRole('button', { name: 'Copy all posts' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Post thread to Mastodon' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('copies the posts and opens a post’s compose page through the backend', async () => {
    const { user, backend } = composer();
    await opened();
    const open = vi.spyOn(window, 'open').mockReturnValue(null);

    await user.click(screen.getByRole('button', { name: 'Copy all posts' }));
    expect(await screen.findByText('Copied all posts.')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toContain('Early antibiotics in sepsis');

    await user.click(screen.getByRole('button', { name: 'Open post 1 in X' }));
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open.mock.calls[0]?.[0]).toMatch(/^https:\/\/x\.com\/intent\/(tweet|post)\?text=/);
    expect(open.mock.calls[0]?.slice(1)).toEqual(['_blank', 'noopener']);
    expect(backend.calls.map((call) => call.channel)).toContain('app:share.composeLink');
  });

  it('offers the fix for each evidence issue', async () => {
    const { user, saved, handlers, rerender, share } = composer({
      disclosure: null,
      draft: {
        text: 'Early antibiotics in sepsis\nNEJM 2024.\n\nBottom line: give them early.',
        paper: {
          itemId: ITEM.id,
          title: 'Early antibiotics in sepsis',
          authors: [],
          journal: 'NEJM',
          year: 2024,
          doi: '10.1056/nejmoa2401',
          url: 'https://doi.org/10.1056/nejmoa2401',
          preprint: 'medRxiv',
        },
        notices: [{ kind: 'retracted', noticeDoi: null, date: '2024-06-01', source: 'crossref' }],
      },
    });
    await opened();
    const checks = () => screen.getByRole('list', { name: 'Evidence checks' });
    expect(within(checks()).getAllByRole('listitem')).toHaveLength(5);

    await user.click(within(checks()).getByRole('button', { name: 'Put the label back' }));
    await waitFor(() => expect(saved().text).toContain(PREPRINT_LABEL));
    expect(saved().text.split('\n\n')[1]).toBe(PREPRINT_LABEL);

    await user.click(within(checks()).getByRole('button', { name: 'Add the link' }));
    await waitFor(() =>
      expect(saved().text.split('\n\n')[0]).toContain('https://doi.org/10.1056/nejmoa2401'),
    );

    await user.click(within(checks()).getByRole('button', { name: 'Add the level of evidence' }));
    await waitFor(() => expect(saved().text).toContain('Level of evidence: not yet appraised'));

    await user.click(within(checks()).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(saved().noticesAcknowledged).toBe(true));

    await user.click(within(checks()).getByRole('button', { name: 'Answer…' }));
    expect(handlers.onAskDisclosure).toHaveBeenCalledTimes(1);
    // The parent's disclosure dialog saved an answer and bumped the version.
    share.settings = { ...share.settings, disclosure: 'None' };
    rerender(1);
    await user.click(await screen.findByRole('button', { name: 'Add my disclosure' }));
    await waitFor(() => expect(saved().text.endsWith('Disclosure: None')).toBe(true));

    expect(within(region('Before sharing')).getAllByRole('status')[0]?.textContent).toMatch(
      'Ready to share',
    );
  });

  it('removes the preprint label only after confirming', async () => {
    const { user, saved } = composer({
      draft: {
        paper: {
          itemId: ITEM.id,
          title: 'Early antibiotics in sepsis',
          authors: [],
          journal: null,
          year: 2024,
          doi: null,
          url: null,
          preprint: 'medRxiv',
        },
      },
    });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Remove the label…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove the preprint label?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove the label' }));
    await waitFor(() => expect(saved().preprintLabelRemoved).toBe(true));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('posts the thread to Bluesky', async () => {
    const { user, saved } = composer({
      share: {
        accounts: {
          bluesky: { service: 'https://bsky.social', identifier: 'me.bsky.social' },
          mastodon: null,
          protection: 'os-keychain',
        },
      },
    });
    await opened();
    await user.click(screen.getByRole('radio', { name: 'Bluesky' }));
    await user.click(screen.getByRole('button', { name: 'Post thread to Bluesky' }));
    expect(await screen.findByText(/^Posted \d+ posts?\.$/)).toBeTruthy();
    expect(saved().posted.bluesky?.complete).toBe(true);
  });

  it('resumes a thread that stopped part-way', async () => {
    let attempts = 0;
    const postThread = (draft: SummaryDraft): ThreadPosted => {
      attempts += 1;
      const first = { index: 0, id: 'bsky-1', url: 'https://bsky.app/post/1' };
      const second = { index: 1, id: 'bsky-2', url: 'https://bsky.app/post/2' };
      const thread = {
        posts: attempts === 1 ? [first] : [first, second],
        total: 2,
        complete: attempts > 1,
        text: draft.text,
        at: '2024-05-01T12:00:00.000Z',
      };
      draft.posted = { ...draft.posted, bluesky: thread };
      return attempts === 1
        ? {
            platform: 'bluesky',
            thread,
            message:
              'Post 1 of 2 went out; post 2 was refused (rate limited). Resume continues from post 2.',
            failure: { reason: 'rate limited', failedIndex: 1 },
          }
        : {
            platform: 'bluesky',
            thread,
            message: 'Posted the rest of the thread: post 2 of 2.',
            failure: null,
          };
    };
    const { user } = composer({
      share: {
        accounts: {
          bluesky: { service: 'https://bsky.social', identifier: 'me' },
          mastodon: null,
          protection: 'os-keychain',
        },
        postThread: { bluesky: postThread },
      },
    });
    await opened();
    await user.click(screen.getByRole('radio', { name: 'Bluesky' }));
    await user.click(screen.getByRole('button', { name: 'Post thread to Bluesky' }));
    expect(await screen.findByText(/Resume continues from post 2/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Resume posting to Bluesky' }));
    expect(await screen.findByText('Posted the rest of the thread: post 2 of 2.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Post thread to Bluesky' })).toBeTruthy();
  });

  it('asks for an account when there is none', async () => {
    const { user, handlers } = composer();
    await opened();
    await user.click(screen.getByRole('radio', { name: 'Mastodon' }));
    await user.click(screen.getByRole('button', { name: 'Post thread to Mastodon' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      'Add your Mastodon account first.',
    );
    await user.click(screen.getByRole('button', { name: 'Accounts…' }));
    expect(handlers.onOpenAccounts).toHaveBeenCalledTimes(1);
  });

  it('shows the backend’s refusal when posting fails outright', async () => {
    const { user } = composer({
      share: {
        accounts: {
          bluesky: { service: 'https://bsky.social', identifier: 'me' },
          mastodon: null,
          protection: 'os-keychain',
        },
        postThread: { bluesky: () => new FakeFailure('posting-failed', 'Bluesky did not answer.') },
      },
    });
    await opened();
    await user.click(screen.getByRole('radio', { name: 'Bluesky' }));
    await user.click(screen.getByRole('button', { name: 'Post thread to Bluesky' }));
    expect((await screen.findByRole('alert')).textContent).toMatch('Bluesky did not answer.');
  });

  it('saves the summary when the field is left', async () => {
    const { user, saved } = composer();
    await opened();
    await user.click(summaryBox());
    await user.keyboard('{Control>}{End}{/Control}');
    await user.type(summaryBox(), '\n\nA practice-changing trial.');
    expect(screen.getByText('Saving…')).toBeTruthy();
    await user.tab();
    await waitFor(() => expect(saved().text.endsWith('A practice-changing trial.')).toBe(true));
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('saves after a pause in typing', async () => {
    const timers: (() => void)[] = [];
    const { user, saved } = composer({
      props: {
        idleTimer: (save) => {
          timers.push(save);
          return () => undefined;
        },
      },
    });
    await opened();
    await user.type(screen.getByRole('textbox', { name: 'Handout notes' }), 'Bring the slides.');
    expect(saved().handout.notes).toBe('');
    timers.at(-1)?.();
    await waitFor(() => expect(saved().handout.notes).toBe('Bring the slides.'));
  });

  it('saves what is pending when the page is left', async () => {
    const { user, saved, unmount } = composer({ props: { idleTimer: () => () => undefined } });
    await opened();
    await user.type(screen.getByRole('textbox', { name: 'Alt text' }), ' Drawn by Jo.');
    expect(saved().altText.endsWith('Drawn by Jo.')).toBe(false);
    unmount();
    await waitFor(() => expect(saved().altText.endsWith('Drawn by Jo.')).toBe(true));
  });

  it('keeps the typing and says so when a save is refused', async () => {
    const { user, saved } = composer({
      client: (client) => ({
        ...client,
        saveDraft: async () => fail('not-found', 'That draft is no longer here.'),
      }),
    });
    await opened();
    await user.type(
      screen.getByRole('textbox', { name: 'Plain-language summary' }),
      ' Extra words.',
    );
    await user.tab();
    expect(await screen.findByText('Not saved: That draft is no longer here.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Plain-language summary' })).toHaveProperty(
      'value',
      `${saved().laySummary} Extra words.`,
    );
    await user.click(screen.getByRole('button', { name: 'Copy all posts' }));
    expect((await screen.findByRole('alert')).textContent).toMatch('Nothing was shared');
  });

  it('shows the reading grade of the plain-language summary', async () => {
    const { user } = composer();
    await opened();
    const box = screen.getByRole('textbox', { name: 'Plain-language summary' });
    await user.clear(box);
    expect(screen.getByText('Reading grade: write some text first')).toBeTruthy();
    await user.type(box, 'The drug helped people with hypertension. They lived longer.');
    expect(await screen.findByText(/^Reading grade \d+\.\d \(aim for 8 or below\)$/)).toBeTruthy();
    const terms = await screen.findByRole('list', { name: 'Terms to explain' });
    expect(terms?.textContent).toMatch(/hypertension — try “.+”/);
  });

  it('counts the alt text, shows the card and saves it', async () => {
    const { user } = composer();
    await opened();
    expect(screen.getByText(/^X: [\d,]+ of 1,000$/)).toBeTruthy();
    expect(screen.getByText(/^Mastodon: [\d,]+ of 1,500$/)).toBeTruthy();
    expect(screen.getByText(/^Bluesky: [\d,]+ of 2,000$/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show the card' }));
    const card = await screen.findByRole('img');
    expect(card.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(card.getAttribute('alt')).toMatch(/^Visual abstract\./);

    const createObjectURL = vi.fn(() => 'blob:card');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Save square image' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(click.mock.contexts[0]).toHaveProperty('download', 'summary-square.png');
  });

  it('publishes to the club feed once it has a folder', async () => {
    const { user, handlers, share } = composer();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Publish to club feed' }));
    expect((await within(region('Club feed')).findByRole('alert')).textContent).toMatch(
      'Choose the club feed’s folder first.',
    );
    await user.click(screen.getByRole('button', { name: 'Feed settings…' }));
    expect(handlers.onOpenFeedSettings).toHaveBeenCalledTimes(1);

    share.settings = { ...share.settings, feed: { ...share.settings.feed, folder: '/club/feed' } };
    await user.click(screen.getByRole('button', { name: 'Publish to club feed' }));
    expect(await screen.findByText('Published: 1 summary in /club/feed/feed.xml')).toBeTruthy();
  });

  it('removes a highlight from the handout', async () => {
    const { user, saved } = composer({
      draft: {
        handout: {
          highlights: [
            { quote: 'Mortality fell by a third.', comment: null, by: null },
            { quote: 'Adverse events were rare.', comment: 'Check the appendix', by: 'Jo' },
          ],
          appraisal: [],
          notes: '',
        },
      },
    });
    await opened();
    await user.click(screen.getByRole('button', { name: 'Remove highlight 1' }));
    await waitFor(() => expect(saved().handout.highlights).toHaveLength(1));
    expect(
      within(screen.getByRole('list', { name: 'Highlights' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(screen.getByText('Adverse events were rare.')).toBeTruthy();
  });

  it('goes back to the list and to the paper', async () => {
    const { user, handlers } = composer();
    await opened();
    await user.click(screen.getByRole('button', { name: 'Open paper' }));
    expect(handlers.onOpenItem).toHaveBeenCalledWith(ITEM.id);
    await user.click(screen.getByRole('button', { name: 'All summaries' }));
    expect(handlers.onBack).toHaveBeenCalledTimes(1);
  });
});
