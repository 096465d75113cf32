import type { DraftSource } from '@shared/contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ClubArea } from '../features/club/ClubArea';
import type { ChosenPaper } from '../features/club/NewSessionDialog';
import { NoFeedsYet } from '../features/feeds/NoFeedsYet';
import { SourcesPane } from '../features/feeds/SourcesPane';
import { useFeeds } from '../features/feeds/useFeeds';
import { useRefreshProgress } from '../features/feeds/useRefreshProgress';
import { ItemsPane } from '../features/library/ItemsPane';
import { queryOf, sourceKey, sourceTitle, type ItemSource } from '../features/library/ItemSource';
import { ReaderPane } from '../features/library/ReaderPane';
import { SearchHighlightContext } from '../features/library/SearchHighlight';
import { openInBrowser } from '../features/library/openInBrowser';
import { useItemFlags } from '../features/library/useItemFlags';
import { useItems } from '../features/library/useItems';
import { MarkAllReadMenu } from '../features/library/MarkAllReadMenu';
import { useMarkAllRead } from '../features/library/useMarkAllRead';
import { NoticeBanners } from '../features/notices/NoticeBanners';
import { useNotices } from '../features/notices/useNotices';
import { ItemSearchBox } from '../features/rules/ItemSearchBox';
import { narrowQuery } from '../features/rules/narrowQuery';
import { SavedSearchList } from '../features/rules/SavedSearchList';
import { useSourceFollowsSavedSearches } from '../features/rules/useSourceFollowsSavedSearches';
import { ItemContextMenu } from '../features/library/ItemContextMenu';
import { useRules } from '../features/rules/useRules';
import { AddPapers } from '../features/papers/AddPapers';
import { KeepPapers } from '../features/retention/KeepPapers';
import { ShareArea } from '../features/share/ShareArea';
import { OpmlActions } from '../features/sources/OpmlActions';
import { useOpmlTransfer } from '../features/sources/useOpmlTransfer';
import { api } from '../ipc/api';
import { ToastRegion } from '../ui/ToastRegion';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { useNow } from '../ui/useNow';
import { useToasts } from '../ui/useToasts';
import { AppDialogs } from './AppDialogs';
import type { OpenDialog } from './OpenDialog';
import { useItemSelection } from './useItemSelection';
import { ListOrderChoice, SourcesToggle, UnreadOnlyToggle } from './ListControls';
import { useListOrder } from './useListOrder';
import { PaneResizeHandle } from './PaneResizeHandle';
import { ReaderColumn } from './ReaderColumn';
import { usePaneLayout, workspaceAttributes } from './usePaneLayout';
import { useUnreadOnly } from './useUnreadOnly';
import { goBackToList, useWindowShortcuts } from './useWindowShortcuts';
import { useViewsFollowFlags } from './useViewsFollowFlags';

/** The list is not searched: nothing to mark. */
const NO_HIGHLIGHT: readonly string[] = [];

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
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // The journal club replaces the list and the reader while open; `discuss` is a paper from the
  // reader to start a session on.
  const [club, setClub] = useState<{ discuss: ChosenPaper | null } | null>(null);
  // Summaries take the same place, never together with the journal club; `start` is a summary to
  // begin, asked for by the reader or a session's paper. Each opening is a new `visit`, so the
  // sources pane's "Summaries" always comes back to the list of them.
  const [share, setShare] = useState<{ start: DraftSource | null; visit: number } | null>(null);
  const openSummaries = (start: DraftSource | null) => {
    setClub(null);
    setShare((current) => ({ start, visit: (current?.visit ?? 0) + 1 }));
  };
  const startHandled = useCallback(
    () => setShare((current) => (current === null ? null : { ...current, start: null })),
    [],
  );
  const rules = useRules();
  const [searchText, setSearchText] = useState('');
  // Typing queries the library once the user pauses, not on every key.
  const typedSearch = useDebouncedValue(searchText.trim(), 250);
  const unreadOnly = useUnreadOnly();
  const listedQuery = narrowQuery(queryOf(source), typedSearch);
  // "Unread only" narrows lists of every item; the Unread and Starred views are narrow already.
  const unreadOnlyApplies = listedQuery.filter === 'all';
  const query = unreadOnly.apply(listedQuery);
  const [order, setOrder] = useListOrder();
  // A search lists its best matches first: the order applies to lists that are not searched.
  const searched = (query.query ?? '') !== '';
  const items = useItems(query, searched ? 'newest' : order);
  // Before the selection: its effects change flags, and these listeners must already be there.
  useViewsFollowFlags(flags.store, feeds, items, query.filter, showError);
  const selection = useItemSelection(items, flags.store);
  const { reader, clearSelection } = selection;
  const layout = usePaneLayout(selection.selectedId);
  const now = useNow(60_000);
  const { reload: reloadFeeds } = feeds;

  const refresh = useRefreshProgress({
    onOutcome: (outcome) => {
      feeds.applyRefreshOutcome(outcome);
      // The list follows a long refresh as it runs: each feed's new items appear as it finishes.
      if (outcome.newItems > 0) void items.reload();
    },
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

  // Papers added to "My papers" (or filled in once online) change the sources and the list.
  const { reload: reloadItems } = items;
  const papersChanged = useCallback(() => {
    void reloadFeeds();
    void reloadItems();
  }, [reloadFeeds, reloadItems]);

  const feedTitles = useMemo(
    () => new Map(feeds.feeds.map((feed) => [feed.id, feed.title])),
    [feeds.feeds],
  );
  const feedTitleOf = useCallback((feedId: string) => feedTitles.get(feedId) ?? '', [feedTitles]);

  // "Mark all as read" and its undo change many items in the backend at once: the window's own
  // record of flags gives way to freshly loaded copies, the reader's item included.
  const readerItemId = reader.status === 'ready' ? reader.item.id : null;
  const readerItemIdRef = useRef(readerItemId);
  useEffect(() => {
    readerItemIdRef.current = readerItemId;
  }, [readerItemId]);
  const { store: flagStore } = flags;
  const manyMarksChanged = useCallback(() => {
    flagStore.forgetAll();
    void reloadFeeds();
    void reloadItems();
    const id = readerItemIdRef.current;
    if (id !== null) {
      void api.library.get({ id }).then((result) => {
        if (result.ok) flagStore.adopt(result.value);
      });
    }
  }, [flagStore, reloadFeeds, reloadItems]);
  const markAll = useMarkAllRead({
    library: api.library,
    query,
    onChanged: manyMarksChanged,
    onNews: showNews,
    onFailure: showError,
  });
  const listHasItems = (items.total ?? 0) > 0;

  const openIndexInBrowser = useCallback(
    (index: number) => {
      const item = items.itemAt(index);
      if (item?.link) openInBrowser(item.link);
    },
    [items],
  );

  // A saved search renamed or deleted from its menu: the list follows it.
  useSourceFollowsSavedSearches(source, rules.savedSearches, setSource);

  const selectSource = (next: ItemSource) => {
    layout.closeSourcesDrawer();
    // Any source leaves the journal club (or the summaries) for the list, the one already chosen
    // included.
    setClub(null);
    setShare(null);
    if (sourceKey(next) === sourceKey(source)) return;
    setSource(next);
    clearSelection();
  };

  useWindowShortcuts({
    // The list's keys act on a list that the journal club and the summaries hide.
    enabled: dialog === null && club === null && share === null,
    selection,
    items,
    isRead: (item) => flags.flagsOf(item).read,
    layout,
    refreshAll: () => void refresh.refreshAll(),
    toggleUnreadOnly: unreadOnlyApplies ? unreadOnly.toggle : () => undefined,
    markAllRead: () => {
      if (listHasItems && !markAll.busy) void markAll.markAllRead(null);
    },
    showShortcuts: () => setDialog({ kind: 'shortcuts' }),
    onNoMoreUnread: () => showNews('No more unread items in this list.'),
  });

  const selectedFeed =
    source.kind === 'feed' ? feeds.feeds.find((feed) => feed.id === source.feedId) : undefined;
  const noFeeds = feeds.status === 'ready' && feeds.feeds.length === 0;
  const openAddFeed = () => setDialog({ kind: 'add-feed' });
  const closeDialog = () => setDialog(null);

  return (
    <div className="app">
      <NoticeBanners
        notices={notices.notices}
        onDismiss={(notice) => void notices.dismiss(notice)}
      />
      <div className="workspace" {...workspaceAttributes(layout)}>
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
              <AddPapers
                papers={api.papers}
                onLibraryChanged={papersChanged}
                onNews={showNews}
                onFailure={showError}
              />
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
              <KeepPapers
                retention={api.retention}
                feeds={feeds.feeds}
                onLibraryChanged={papersChanged}
                onNews={showNews}
              />
            </>
          }
          savedSearches={
            <SavedSearchList
              searches={rules.savedSearches}
              selectedId={source.kind === 'search' ? source.search.id : null}
              onSelect={(search) => selectSource({ kind: 'search', search })}
              onRename={rules.renameSavedSearch}
              onRemove={rules.removeSavedSearch}
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
          onMarkAllRead={(marked) => void markAll.markAllRead(null, queryOf(marked))}
          backend={api}
          onMoveFeed={(feed, folder) => feeds.update(feed.id, { folder })}
          onFeedsChanged={reloadFeeds}
          onFailure={showError}
          onOpenJournalClub={() => {
            layout.closeSourcesDrawer();
            setShare(null);
            setClub({ discuss: null });
          }}
          journalClubOpen={club !== null}
          onOpenSummaries={() => {
            layout.closeSourcesDrawer();
            openSummaries(null);
          }}
          summariesOpen={share !== null}
        />
        <main className="workspace-main">
          {/* The sources' right edge, first in the main landmark so that all content is in one. */}
          <PaneResizeHandle
            pane="sources"
            label="Resize the sources"
            width={layout.widths.sources}
            onResize={layout.resize}
          />
          {club !== null ? (
            <ClubArea
              client={api.club}
              finder={api.library}
              discuss={club.discuss}
              onDiscussHandled={() => setClub({ discuss: null })}
              onOpenItem={(itemId) => {
                setClub(null);
                layout.showReader();
                selection.openItem(itemId);
              }}
              leading={
                <SourcesToggle shown={layout.sourcesShown} onToggle={layout.toggleSources} />
              }
              onWriteSummary={openSummaries}
            />
          ) : share !== null ? (
            <ShareArea
              key={share.visit}
              client={api.share}
              start={share.start}
              onStartHandled={startHandled}
              onOpenItem={(itemId) => {
                setShare(null);
                layout.showReader();
                selection.openItem(itemId);
              }}
              leading={
                <SourcesToggle shown={layout.sourcesShown} onToggle={layout.toggleSources} />
              }
            />
          ) : (
            <>
              {/* One h1 per screen: the open item's title, or else the app's name. */}
              {reader.status === 'ready' && layout.readerShown ? null : (
                <h1 className="visually-hidden">Rounds</h1>
              )}
              <SearchHighlightContext.Provider value={items.search?.highlight ?? NO_HIGHLIGHT}>
                <ItemContextMenu
                  items={items}
                  flags={flags.store}
                  showNativeMenu={api.app.showContextMenu}
                  onNews={showNews}
                  onFailure={showError}
                >
                  <ItemsPane
                    key={sourceKey(source)}
                    title={sourceTitle(source, feeds.feeds)}
                    source={source}
                    feed={selectedFeed}
                    items={items}
                    selectedId={selection.selectedId}
                    selectedIndex={selection.selectedIndex}
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
                    unreadOnly={unreadOnlyApplies && unreadOnly.on}
                    leading={
                      <SourcesToggle shown={layout.sourcesShown} onToggle={layout.toggleSources} />
                    }
                    trailing={
                      <>
                        {unreadOnlyApplies ? (
                          <UnreadOnlyToggle on={unreadOnly.on} onToggle={unreadOnly.toggle} />
                        ) : null}
                        {searched ? null : <ListOrderChoice order={order} onChange={setOrder} />}
                        <MarkAllReadMenu
                          enabled={listHasItems && !markAll.busy}
                          onMark={(olderThan) => void markAll.markAllRead(olderThan)}
                        />
                      </>
                    }
                    onSelect={(index) => {
                      layout.showReader();
                      void selection.selectIndex(index);
                    }}
                    onOpen={openIndexInBrowser}
                    onShowMuteRules={() => setDialog({ kind: 'mute-rules' })}
                  />
                </ItemContextMenu>
                <PaneResizeHandle
                  pane="list"
                  label="Resize the list"
                  width={layout.widths.list}
                  onResize={layout.resize}
                />
                <ReaderColumn
                  onBack={layout.arrangement === 'one' ? () => goBackToList(layout) : null}
                  cameFrom={
                    selection.cameFrom && {
                      title: selection.cameFrom.title,
                      goBack: selection.goBack,
                    }
                  }
                >
                  <ReaderPane
                    state={reader}
                    flagsOf={flags.flagsOf}
                    now={now}
                    onToggleRead={selection.toggleRead}
                    onToggleStar={selection.toggleStar}
                    onOpenItem={selection.openItem}
                    annotations={api.annotations}
                    share={api.share}
                    onDiscussAtClub={(item) =>
                      setClub({ discuss: { itemId: item.id, title: item.title } })
                    }
                    onWriteSummary={(item) => openSummaries({ kind: 'paper', itemId: item.id })}
                  />
                </ReaderColumn>
              </SearchHighlightContext.Provider>
            </>
          )}
        </main>
      </div>
      <AppDialogs
        dialog={dialog}
        feeds={feeds}
        rules={rules}
        feedTitleOf={feedTitleOf}
        source={source}
        searchText={searchText}
        onSubscribed={(feed) => {
          closeDialog();
          setSource({ kind: 'feed', feedId: feed.id });
          clearSelection();
        }}
        onUnsubscribed={(id) => {
          closeDialog();
          if (reader.status === 'ready' && reader.item.feedId === id) clearSelection();
          if (source.kind === 'feed' && source.feedId === id) {
            setSource({ kind: 'view', view: 'all' });
            clearSelection();
          } else {
            void items.reload();
          }
        }}
        // Muting hides items everywhere at once: counts and the list are fetched again.
        onMuteRulesChanged={() => {
          void feeds.reload();
          void items.reload();
        }}
        onSearchSaved={(search) => {
          closeDialog();
          setSearchText('');
          selectSource({ kind: 'search', search });
        }}
        onClose={closeDialog}
      />
      <ToastRegion toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}
