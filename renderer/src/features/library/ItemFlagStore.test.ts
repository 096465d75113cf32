import type { Result } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { ItemFlagStore, type FlagTransition, type FlagWriter } from './ItemFlagStore';

type Saved = Result<{ id: string; read: boolean }, 'not-found'>;
type SavedStar = Result<{ id: string; starred: boolean }, 'not-found'>;

/** A writer whose answers the test releases one by one, in order, as success or failure. */
class ControlledWriter implements FlagWriter {
  readonly calls: string[] = [];
  private readonly waiting: Array<(failure: string | null) => void> = [];

  setRead = (args: { id: string; read: boolean }): Promise<Saved> => {
    this.calls.push(`read ${args.id} ${args.read}`);
    return new Promise((resolve) => {
      this.waiting.push((failure) =>
        resolve(
          failure === null
            ? { ok: true, value: args }
            : { ok: false, code: 'internal', message: failure },
        ),
      );
    });
  };

  setStarred = (args: { id: string; starred: boolean }): Promise<SavedStar> => {
    this.calls.push(`star ${args.id} ${args.starred}`);
    return new Promise((resolve) => {
      this.waiting.push((failure) =>
        resolve(
          failure === null
            ? { ok: true, value: args }
            : { ok: false, code: 'internal', message: failure },
        ),
      );
    });
  };

  succeed(): void {
    this.waiting.shift()?.(null);
  }

  fail(message: string): void {
    this.waiting.shift()?.(message);
  }
}

const item = {
  id: 'item-1',
  feedId: 'feed-1',
  title: 'Aspirin in primary prevention',
  read: false,
  starred: false,
  sources: [{ itemId: 'item-1', feedId: 'feed-1', feedTitle: 'Heart Journal', link: null }],
};

function storeWithLog() {
  const writer = new ControlledWriter();
  const store = new ItemFlagStore(writer);
  const transitions: FlagTransition[] = [];
  const failures: string[] = [];
  store.onTransition((transition) => transitions.push(transition));
  store.onFailure((failure) => failures.push(failure.message));
  return { writer, store, transitions, failures };
}

describe('ItemFlagStore', () => {
  it('shows a change at once and keeps it once saved', async () => {
    const { writer, store, transitions } = storeWithLog();

    const saving = store.setRead(item, true);
    expect(store.flagsOf(item)).toEqual({ read: true, starred: false });
    writer.succeed();
    await saving;

    expect(store.flagsOf(item)).toEqual({ read: true, starred: false });
    expect(writer.calls).toEqual(['read item-1 true']);
    expect(transitions.map((t) => [t.before.read, t.after.read])).toEqual([[false, true]]);
  });

  it('prefers its own state over an older copy of the item', async () => {
    const { writer, store } = storeWithLog();
    const saving = store.setStarred(item, true);
    writer.succeed();
    await saving;

    // The reader's copy was fetched before the star was saved.
    expect(store.flagsOf({ ...item, starred: false }).starred).toBe(true);
  });

  it('rolls a failed change back, announces the reverse transition and reports the message', async () => {
    const { writer, store, transitions, failures } = storeWithLog();

    const saving = store.setRead(item, true);
    writer.fail('The library could not be saved: the disk is full.');
    await saving;

    expect(store.flagsOf(item).read).toBe(false);
    expect(transitions.map((t) => [t.before.read, t.after.read])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(failures).toEqual(['The library could not be saved: the disk is full.']);
  });

  it('does not undo a newer change when an older one fails', async () => {
    const { writer, store } = storeWithLog();

    const markRead = store.setRead(item, true);
    const markUnread = store.setRead(item, false);
    writer.fail('Timed out.');
    writer.succeed();
    await Promise.all([markRead, markUnread]);

    expect(store.flagsOf(item).read).toBe(false);
  });

  it('undoes only the flag that failed', async () => {
    const { writer, store } = storeWithLog();

    const star = store.setStarred(item, true);
    const read = store.setRead(item, true);
    writer.fail('Not saved.');
    writer.succeed();
    await Promise.all([star, read]);

    expect(store.flagsOf(item)).toEqual({ read: true, starred: false });
  });

  it('announces it is idle once every change in a burst is saved or rolled back, not before', async () => {
    const { writer, store } = storeWithLog();
    let idle = 0;
    store.onIdle(() => (idle += 1));

    const read = store.setRead(item, true);
    const star = store.setStarred({ ...item, id: 'item-2' }, true);
    writer.succeed();
    await read;
    expect(idle).toBe(0);
    writer.fail('Not saved.');
    await star;

    expect(idle).toBe(1);
  });

  it('saves nothing when the item already has the requested state', async () => {
    const { writer, store, transitions } = storeWithLog();

    await store.setRead({ ...item, read: true }, true);

    expect(writer.calls).toEqual([]);
    expect(transitions).toEqual([]);
  });

  it('believes freshly loaded copies after forgetting, without announcing transitions', async () => {
    const { writer, store, transitions } = storeWithLog();
    const saving = store.setRead(item, true);
    writer.succeed();
    await saving;
    transitions.length = 0;

    // "Mark all as read" was undone in the backend: the list's new copy says unread.
    store.forgetAll();
    expect(store.flagsOf({ ...item, read: false }).read).toBe(false);

    // The reader's item, fetched again, is adopted as it is.
    store.adopt({ ...item, read: true, starred: true });
    expect(store.flagsOf(item)).toEqual({ read: true, starred: true });
    expect(transitions).toEqual([]);
  });
});
