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
import { ItemSearchBox } from '../features/rules/ItemSearchBox';
import { MuteRulesDialog } from '../features/rules/MuteRulesDialog';
import { narrowQuery } from '../features/rules/narrowQuery';
import { SavedSearchList } from '../features/rules/SavedSearchList';
import { SaveSearchDialog } from '../features/rules/SaveSearchDialog';
import { useRules } from '../features/rules/useRules';
import { OpmlActions } from '../features/sources/OpmlActions';
import { useOpmlTransfer } from '../features/sources/useOpmlTransfer';
import { ToastRegion } from '../ui/ToastRegion';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { useNow } from '../ui/useNow';
import { useToasts } from '../ui/useToasts';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

type OpenDialog =
  | { kind: 'add-feed' }
  | { kind: 'unsubscribe'; feed: FeedSummary }
  | { kind: 'feed-settings'; feed: FeedSummary }
  | { kind: 'mute-rules' }
  | { kind: 'save-search' }
  | null;

/**
 * The selected item, and the row it was at when selected (kept if the row is unloaded later);
 * `index` is -1 for an item opened from the reader that the list may not show at all.
 */
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
  const rules = useRules();
  const [searchText, setSearchText] = useState('');
  // Typing queries the library once the user pauses, not on every key.
  const typedSearch = useDebouncedValue(searchText.trim(), 250);
  const query = narrowQuery(queryOf(source), typedSearch);
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
        changeCounts(item, { unread, starred });
        // The pager keeps offsets right in views the change moves the item out of (or back into).
        if (filter === 'unread' && unread !== 0) setMembership(item.id, !after.read);
        if (filter === 'starred' && starred !== 0) setMembership(item.id, after.starred);
      }),
    [flags.store, changeCounts, setMembership, filter],
  );
  const { reload: reloadFeeds } = feeds;
  // Optimistic counts are estimates; once the user's changes are saved the backend's counts win.
  useEffect(() => flags.store.onIdle(() => void reloadFeeds()), [flags.store, reloadFeeds]);
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

  // An item opened from the reader (a colleague's post, a paper's other version) may not be in
  // the list, so it is marked read once the reader has loaded it rather than from a list row.
  const openItem = useCallback((id: string) => setSelection({ id, index: -1 }), []);
  const openedItem = reader.status === 'ready' && selection?.index === -1 ? reader.item : null;
  useEffect(() => {
    if (openedItem !== null) void flags.store.setRead(openedItem, true);
  }, [openedItem, flags.store]);

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

  // Muting hides items everywhere at once: counts and the list are fetched again.
  const afterMuteChange = <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) {
      void feeds.reload();
      void items.reload();
    }
    return result;
  };

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
            <>
              <OpmlActions
                busy={opml.busy}
                onImport={(file) => void opml.importFile(file)}
                onExport={() => void opml.exportFile()}
              />
              <button
                type="button"
                className="button"
                onClick={() => setDialog({ kind: 'mute-rules' })}
              >
                Mute rules…
              </button>
            </>
          }
          savedSearches={
            <SavedSearchList
              searches={rules.savedSearches}
              selectedId={source.kind === 'search' ? source.search.id : null}
              onSelect={(search) => selectSource({ kind: 'search', search })}
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
          search={
            <ItemSearchBox
              text={searchText}
              onChange={setSearchText}
              onSave={() => setDialog({ kind: 'save-search' })}
            />
          }
          searching={typedSearch.length > 0}
          onSelect={(index) => void selectIndex(index)}
          onOpen={openIndexInBrowser}
        />
        <ReaderPane
          state={reader}
          flagsOf={flags.flagsOf}
          now={now}
          onToggleRead={toggleRead}
          onToggleStar={toggleStar}
          onOpenItem={openItem}
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
      {dialog?.kind === 'mute-rules' ? (
        <MuteRulesDialog
          rules={rules.muteRules}
          feedTitleOf={feedTitleOf}
          onAdd={async (text) => afterMuteChange(await rules.addMuteRule(text))}
          onRemove={async (rule) => afterMuteChange(await rules.removeMuteRule(rule.id))}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'save-search' ? (
        <SaveSearchDialog
          query={searchText}
          onSave={(name) => {
            const scope = queryOf(source);
            return rules.saveSearch({
              name,
              query: narrowQuery(scope, searchText).query ?? searchText,
              ...(scope.feedId === undefined ? {} : { feedId: scope.feedId }),
              filter: scope.filter,
            });
          }}
          onSaved={(search) => {
            setDialog(null);
            setSearchText('');
            selectSource({ kind: 'search', search });
          }}
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
