import type { FeedSummary } from '@shared/contract';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { AddFeedDialog } from '../features/feeds/AddFeedDialog';
import { folderPathsOf } from '../features/feeds/buildFolderTree';
import { FeedSettingsDialog } from '../features/feeds/FeedSettingsDialog';
import { NoFeedsYet } from '../features/feeds/NoFeedsYet';
import { SourcesPane } from '../features/feeds/SourcesPane';
import { UnsubscribeDialog } from '../features/feeds/UnsubscribeDialog';
import { useFeeds } from '../features/feeds/useFeeds';
import { useRefreshProgress } from '../features/feeds/useRefreshProgress';
import { ItemsPane } from '../features/library/ItemsPane';
import { queryOf, sourceKey, sourceTitle, type ItemSource } from '../features/library/ItemSource';
import { ReaderPane } from '../features/library/ReaderPane';
import { openInBrowser } from '../features/library/openInBrowser';
import { useItem } from '../features/library/useItem';
import { useItemFlags } from '../features/library/useItemFlags';
import { useItems } from '../features/library/useItems';
import { NoticeBanners } from '../features/notices/NoticeBanners';
import { useNotices } from '../features/notices/useNotices';
import { OpmlActions } from '../features/sources/OpmlActions';
import { useOpmlTransfer } from '../features/sources/useOpmlTransfer';
import { ToastRegion } from '../ui/ToastRegion';
import { useNow } from '../ui/useNow';
import { useToasts } from '../ui/useToasts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

type OpenDialog =
  | { kind: 'add-feed' }
  | { kind: 'unsubscribe'; feed: FeedSummary }
  | { kind: 'feed-settings'; feed: FeedSummary }
  | null;

/** The selected item, and the row it was at when selected (kept if the row is unloaded later). */
interface Selection {
  id: string;
  index: number;
}

/**
 * The window: notices on top, then sources, items and reader side by side. It owns what the
 * panes share (the selected source and item, the open dialog) and keeps counts, lists and the
 * reader in step when the user reads, stars, subscribes or refreshes.
 */
export function App() {
  const { toasts, showError, showNews, dismiss: dismissToast } = useToasts();
  const notices = useNotices(showError);
  const feeds = useFeeds();
  const flags = useItemFlags();
  const [source, setSource] = useState<ItemSource>({ kind: 'view', view: 'all' });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const query = queryOf(source);
  const items = useItems(query);
  const reader = useItem(selection?.id ?? null);
  const now = useNow(60_000);

  const { changeCounts } = feeds;
  const { setMembership } = items;
  const filter = query.filter;
  useEffect(
    () =>
      flags.store.onTransition(({ item, before, after }) => {
        const unread = before.read === after.read ? 0 : after.read ? -1 : 1;
        const starred = before.starred === after.starred ? 0 : after.starred ? 1 : -1;
        changeCounts(item.feedId, { unread, starred });
        // The pager keeps offsets right in views the change moves the item out of (or back into).
        if (filter === 'unread' && unread !== 0) setMembership(item.id, !after.read);
        if (filter === 'starred' && starred !== 0) setMembership(item.id, after.starred);
      }),
    [flags.store, changeCounts, setMembership, filter],
  );
  useEffect(
    () =>
      flags.store.onFailure(({ item, message }) =>
        showError(`“${item.title}” could not be updated. ${message}`),
      ),
    [flags.store, showError],
  );

  const refresh = useRefreshProgress({
    onOutcome: feeds.applyRefreshOutcome,
    onFinished: () => {
      void feeds.reload();
      void items.reload();
    },
    onFailure: (message) => showError(`Refresh failed. ${message}`),
  });

  const { reload: reloadFeeds } = feeds;
  const opml = useOpmlTransfer({
    onImported: useCallback(() => void reloadFeeds(), [reloadFeeds]),
    onNews: showNews,
    onFailure: showError,
  });

  const feedTitles = useMemo(
    () => new Map(feeds.feeds.map((feed) => [feed.id, feed.title])),
    [feeds.feeds],
  );
  const feedTitleOf = useCallback((feedId: string) => feedTitles.get(feedId) ?? '', [feedTitles]);

  const selectedIndex =
    selection === null ? -1 : indexOrRemembered(items.indexOf(selection.id), selection.index);
  const selectedSummary = selectedIndex >= 0 ? items.itemAt(selectedIndex) : undefined;
  const selectedItem = reader.status === 'ready' ? reader.item : selectedSummary;

  const selectIndex = useCallback(
    async (index: number) => {
      if (items.total === null || index < 0 || index >= items.total) return;
      const item = items.itemAt(index) ?? (await items.loadItemAt(index));
      if (!item) return;
      setSelection({ id: item.id, index });
      // Opening an item is reading it.
      void flags.store.setRead(item, true);
    },
    [items, flags.store],
  );

  const openIndexInBrowser = useCallback(
    (index: number) => {
      const item = items.itemAt(index);
      if (item?.link) openInBrowser(item.link);
    },
    [items],
  );

  const selectSource = (next: ItemSource) => {
    if (sourceKey(next) === sourceKey(source)) return;
    setSource(next);
    setSelection(null);
  };

  // The store, not the last rendered snapshot, knows the state a quick second key press toggles.
  const toggleRead = () => {
    if (!selectedItem) return;
    void flags.store.setRead(selectedItem, !flags.store.flagsOf(selectedItem).read);
  };
  const toggleStar = () => {
    if (!selectedItem) return;
    void flags.store.setStarred(selectedItem, !flags.store.flagsOf(selectedItem).starred);
  };

  useKeyboardShortcuts(dialog === null, {
    'next-item': () => void selectIndex(selectedIndex + 1),
    'previous-item': () => void selectIndex(selectedIndex < 0 ? 0 : selectedIndex - 1),
    'toggle-read': toggleRead,
    'toggle-star': toggleStar,
    'open-in-browser': () => {
      if (selectedItem?.link) openInBrowser(selectedItem.link);
    },
    'refresh-all': () => void refresh.refreshAll(),
  });

  const selectedFeed =
    source.kind === 'feed' ? feeds.feeds.find((feed) => feed.id === source.feedId) : undefined;
  const noFeeds = feeds.status === 'ready' && feeds.feeds.length === 0;
  const openAddFeed = () => setDialog({ kind: 'add-feed' });

  return (
    <div className="app">
      <NoticeBanners
        notices={notices.notices}
        onDismiss={(notice) => void notices.dismiss(notice)}
      />
      <div className="workspace">
        <SourcesPane
          feeds={feeds.feeds}
          feedsStatus={feeds.status}
          feedsError={feeds.error}
          totals={feeds.totals}
          selected={source}
          refresh={refresh.state}
          now={now}
          transfer={
            <OpmlActions
              busy={opml.busy}
              onImport={(file) => void opml.importFile(file)}
              onExport={() => void opml.exportFile()}
            />
          }
          onSelect={selectSource}
          onAddFeed={openAddFeed}
          onRefreshAll={() => void refresh.refreshAll()}
          onRefreshFeed={(feed) => void refresh.refreshFeed(feed.id)}
          onCancelRefresh={() => void refresh.cancel()}
          onOpenSettings={(feed) => setDialog({ kind: 'feed-settings', feed })}
          onUnsubscribe={(feed) => setDialog({ kind: 'unsubscribe', feed })}
          onRetry={() => void feeds.reload()}
        />
        <ItemsPane
          key={sourceKey(source)}
          title={sourceTitle(source, feeds.feeds)}
          source={source}
          feed={selectedFeed}
          items={items}
          selectedId={selection?.id ?? null}
          selectedIndex={selectedIndex}
          flagsOf={flags.flagsOf}
          feedTitleOf={feedTitleOf}
          now={now}
          noFeeds={noFeeds ? <NoFeedsYet onAddFeed={openAddFeed} /> : null}
          onSelect={(index) => void selectIndex(index)}
          onOpen={openIndexInBrowser}
        />
        <ReaderPane
          state={reader}
          flagsOf={flags.flagsOf}
          onToggleRead={toggleRead}
          onToggleStar={toggleStar}
        />
      </div>
      {dialog?.kind === 'add-feed' ? (
        <AddFeedDialog
          onSubscribe={feeds.subscribe}
          onSubscribed={(feed) => {
            setDialog(null);
            setSource({ kind: 'feed', feedId: feed.id });
            setSelection(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'unsubscribe' ? (
        <UnsubscribeDialog
          feed={dialog.feed}
          onUnsubscribe={feeds.unsubscribe}
          onUnsubscribed={(id) => {
            setDialog(null);
            if (reader.status === 'ready' && reader.item.feedId === id) setSelection(null);
            if (source.kind === 'feed' && source.feedId === id) {
              setSource({ kind: 'view', view: 'all' });
              setSelection(null);
            } else {
              void items.reload();
            }
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'feed-settings' ? (
        <FeedSettingsDialog
          feed={dialog.feed}
          folderPaths={folderPathsOf(feeds.feeds)}
          onSave={feeds.update}
          onClose={() => setDialog(null)}
        />
      ) : null}
      <ToastRegion toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}

function indexOrRemembered(found: number, remembered: number): number {
  return found >= 0 ? found : remembered;
}
