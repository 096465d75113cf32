import type {
  Api,
  FeedSummary,
  FolderChange,
  ItemFilter,
  LibraryCounts,
  Result,
} from '@shared/contract';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useContextMenu } from '../../ui/ContextMenuOpener';
import { formatUpcomingTime } from '../../ui/formatDate';
import {
  ANNOTATED_TITLE,
  SMART_VIEWS,
  sourceKey,
  viewTitle,
  type ItemSource,
} from '../library/ItemSource';
import {
  buildFolderTree,
  buildTagList,
  folderKeyOf,
  tagKeyOf,
  type FeedFolder,
  type FeedTag,
} from './buildFolderTree';
import { FeedActions } from './FeedActions';
import { startFeedDrag, feedDropTarget } from './feedDrag';
import { FeedFolderItem } from './FeedFolderItem';
import { RefreshStatus } from './RefreshStatus';
import { SourceButton } from './SourceButton';
import { SourceDialogs, type SourceDialog } from './SourceDialogs';
import { feedMenu, folderMenu, tagMenu } from './sourceMenus';
import { SourcesPaneContext, type SourcesPaneContextValue } from './SourcesPaneContext';
import { useCollapsedFolders } from './useCollapsedFolders';
import { useGroupCounts, type CountedGroup } from './useGroupCounts';
import type { RefreshState } from './useRefreshProgress';
import './organise.css';

/**
 * The backend calls the sources pane makes itself: the library's counts of folders, tags and
 * saved searches, renaming and deleting folders, and the system's context menus.
 */
export interface SourcesBackend {
  library: Pick<Api['library'], 'list'>;
  feeds: Pick<Api['feeds'], 'renameFolder' | 'deleteFolder'>;
  app: Pick<Api['app'], 'showContextMenu'>;
}

export interface SourcesPaneProps {
  feeds: readonly FeedSummary[];
  feedsStatus: 'loading' | 'ready' | 'failed';
  feedsError: string | null;
  totals: LibraryCounts;
  selected: ItemSource;
  refresh: RefreshState;
  now: Date;
  /** Import and export of subscriptions, drawn under the main actions. */
  transfer: ReactNode;
  /** Saved searches, listed under the feeds like folders. */
  savedSearches?: ReactNode;
  onSelect: (source: ItemSource) => void;
  onAddFeed: () => void;
  onRefreshAll: () => void;
  onRefreshFeed: (feed: FeedSummary) => void;
  onCancelRefresh: () => void;
  onOpenSettings: (feed: FeedSummary) => void;
  onUnsubscribe: (feed: FeedSummary) => void;
  onRetry: () => void;
  /**
   * Counts folders, tags and saved searches, renames and deletes folders, shows the system's
   * menus. Without it, folders and tags add up their feeds' counts and cannot be changed.
   */
  backend?: SourcesBackend;
  /** Files a feed in a folder (`[]`: the top level), by dragging it or from its menu. */
  onMoveFeed?: (feed: FeedSummary, folder: string[]) => Promise<Result<FeedSummary, string>>;
  /** Folders changed in the backend: load the feeds again (resolves once they are loaded). */
  onFeedsChanged?: () => Promise<void> | void;
  /** "Mark all as read" from a feed's, folder's, tag's or saved search's menu. */
  onMarkAllRead?: (source: ItemSource) => void;
  /** Something the user did from the pane could not be done. */
  onFailure?: (message: string) => void;
  /** Opens the journal club in place of the list and the reader; no button without it. */
  onOpenJournalClub?: () => void;
  /** The journal club is what the window shows. */
  journalClubOpen?: boolean;
  /** Opens the summaries in place of the list and the reader; no button without it. */
  onOpenSummaries?: () => void;
  /** The summaries are what the window shows. */
  summariesOpen?: boolean;
}

const VIEW_COUNT_WORDS: Record<ItemFilter, string> = {
  all: 'items',
  unread: 'unread',
  starred: 'starred',
};

/**
 * The left pane: smart views, subscriptions in their folders with counts and errors, refresh
 * progress, and the actions on feeds.
 */
export function SourcesPane({
  feeds,
  feedsStatus,
  feedsError,
  totals,
  selected,
  refresh,
  now,
  transfer,
  savedSearches = null,
  onSelect,
  onAddFeed,
  onRefreshAll,
  onRefreshFeed,
  onCancelRefresh,
  onOpenSettings,
  onUnsubscribe,
  onRetry,
  backend,
  onMoveFeed,
  onFeedsChanged,
  onMarkAllRead = () => undefined,
  onFailure = () => undefined,
  onOpenJournalClub,
  journalClubOpen = false,
  onOpenSummaries,
  summariesOpen = false,
}: SourcesPaneProps) {
  const feedsHeadingId = useId();
  const tagsHeadingId = useId();
  const folders = useCollapsedFolders();
  const menus = useContextMenu(backend?.app.showContextMenu);
  const [dialog, setDialog] = useState<SourceDialog>(null);
  const [topLevelDrop, setTopLevelDrop] = useState(false);
  // "My papers" (a source Rounds keeps itself) is listed on its own, above the subscriptions.
  const localSources = useMemo(() => feeds.filter((feed) => feed.kind === 'local'), [feeds]);
  const subscriptions = useMemo(() => feeds.filter((feed) => feed.kind !== 'local'), [feeds]);
  const changeKey = libraryChangeKey(feeds, totals);
  const counts = useGroupCounts(
    backend?.library,
    useMemo(() => countedGroupsOf(subscriptions), [subscriptions]),
    changeKey,
  );
  const tree = useMemo(
    () => buildFolderTree(subscriptions, (folder) => counts.get(`folder:${folder.key}`)),
    [subscriptions, counts],
  );
  const tags = useMemo(
    () => buildTagList(subscriptions, (tag) => counts.get(`tag:${tag.key}`)),
    [subscriptions, counts],
  );
  const selectedFeed =
    selected.kind === 'feed' ? feeds.find((feed) => feed.id === selected.feedId) : undefined;
  const feedTitleOf = (feedId: string) => feeds.find((feed) => feed.id === feedId)?.title ?? '';
  const selectedKey = sourceKey(selected);

  const moveFeed = async (feedId: string, folder: string[]) => {
    const feed = feeds.find((candidate) => candidate.id === feedId);
    if (!feed || !onMoveFeed || folderKeyOf(feed.folder) === folderKeyOf(folder)) return;
    const result = await onMoveFeed(feed, folder);
    if (!result.ok) onFailure(`“${feed.title}” could not be moved. ${result.message}`);
  };

  // A renamed or deleted folder's view follows it: to its new name, or to where its feeds went.
  const folderChanged = async (from: string[], change: FolderChange) => {
    await onFeedsChanged?.();
    if (selected.kind !== 'folder') return;
    const path = selected.path;
    const inside = from.every((name, depth) => path[depth] === name);
    if (!inside) return;
    const renamed = change.folder.length === from.length;
    const next = renamed ? [...change.folder, ...path.slice(from.length)] : change.folder;
    onSelect(next.length === 0 ? { kind: 'view', view: 'all' } : { kind: 'folder', path: next });
  };

  const folderChanges = backend && {
    rename: (folder: string[], name: string, merge: boolean) =>
      backend.feeds.renameFolder({ folder, name, merge }),
    remove: (folder: string[]) => backend.feeds.deleteFolder({ folder }),
  };

  const feedMenuTrigger = (feed: FeedSummary) =>
    menus.triggerProps(() =>
      feedMenu(feed, {
        refreshing: refresh.running,
        onRefresh: () => onRefreshFeed(feed),
        onMarkAllRead: () => onMarkAllRead({ kind: 'feed', feedId: feed.id }),
        onOpenSettings: () => onOpenSettings(feed),
        onMove: onMoveFeed && (() => setDialog({ kind: 'move-feed', feed })),
        onUnsubscribe: () => onUnsubscribe(feed),
      }),
    );

  const folderMenuTrigger = (folder: FeedFolder) =>
    menus.triggerProps(() =>
      folderMenu(folder, {
        onMarkAllRead: () => onMarkAllRead({ kind: 'folder', path: folder.path }),
        onRename:
          folderChanges && (() => setDialog({ kind: 'rename-folder', folder: [...folder.path] })),
        onDelete:
          folderChanges &&
          (() =>
            setDialog({
              kind: 'delete-folder',
              folder: [...folder.path],
              feedCount: feedCountOf(folder),
            })),
      }),
    );

  const renderFeed = (feed: FeedSummary) => {
    const trigger = feedMenuTrigger(feed);
    const movable = onMoveFeed !== undefined && feed.kind !== 'local';
    return (
      <li key={feed.id}>
        <SourceButton
          label={feed.title}
          count={feed.unreadCount}
          countDescription={`${feed.unreadCount.toLocaleString()} unread`}
          selected={selected.kind === 'feed' && selected.feedId === feed.id}
          problem={feed.lastError?.message ?? null}
          retry={
            feed.consecutiveFailures > 0
              ? `Retrying ${formatUpcomingTime(feed.nextRefreshAt, now)}`
              : null
          }
          buttonProps={{
            ...trigger,
            draggable: movable,
            onDragStart: movable ? (event) => startFeedDrag(event, feed.id) : undefined,
          }}
          onSelect={() => onSelect({ kind: 'feed', feedId: feed.id })}
        />
      </li>
    );
  };

  const renderTag = (tag: FeedTag) => (
    <li key={tag.key}>
      <SourceButton
        label={tag.name}
        kindLabel=" tag"
        icon="#"
        count={tag.unreadCount}
        countDescription={`${tag.unreadCount.toLocaleString()} unread`}
        selected={selected.kind === 'tag' && tagKeyOf(selected.tag) === tag.key}
        buttonProps={menus.triggerProps(() =>
          tagMenu(tag, () => onMarkAllRead({ kind: 'tag', tag: tag.name })),
        )}
        onSelect={() => onSelect({ kind: 'tag', tag: tag.name })}
      />
    </li>
  );

  const context: SourcesPaneContextValue = {
    menus,
    library: backend?.library,
    changeKey,
    onMarkAllRead,
  };

  return (
    <SourcesPaneContext.Provider value={context}>
      <nav className="pane sources-pane" aria-label="Sources">
        <div className="pane-header sources-header">
          <span className="app-name">Rounds</span>
        </div>
        <div className="sources-scroll">
          <ul className="source-list">
            {SMART_VIEWS.map((view) => (
              <li key={view}>
                <SourceButton
                  label={viewTitle(view)}
                  count={totals[view]}
                  countDescription={`${totals[view].toLocaleString()} ${VIEW_COUNT_WORDS[view]}`}
                  selected={selected.kind === 'view' && selected.view === view}
                  onSelect={() => onSelect({ kind: 'view', view })}
                />
              </li>
            ))}
            <li>
              {/* No count: highlighting in the reader changes it, and nothing here hears that. */}
              <SourceButton
                label={ANNOTATED_TITLE}
                count={0}
                countDescription="Papers you highlighted, wrote notes on or tagged"
                selected={selected.kind === 'annotated'}
                onSelect={() => onSelect({ kind: 'annotated' })}
              />
            </li>
            {onOpenJournalClub !== undefined ? (
              <li>
                <SourceButton
                  label="Journal club"
                  icon="◎"
                  count={0}
                  countDescription="Your clubs, their sessions and your CPD log"
                  selected={journalClubOpen}
                  onSelect={onOpenJournalClub}
                />
              </li>
            ) : null}
            {onOpenSummaries !== undefined ? (
              <li>
                <SourceButton
                  label="Summaries"
                  icon="✎"
                  count={0}
                  countDescription="Summaries of papers you are writing or have shared"
                  selected={summariesOpen}
                  onSelect={onOpenSummaries}
                />
              </li>
            ) : null}
          </ul>
          {localSources.length > 0 ? (
            <ul className="source-list" aria-label="Papers you added">
              {localSources.map((source) => (
                <li key={source.id}>
                  <SourceButton
                    label={source.title}
                    icon="▤"
                    count={source.unreadCount}
                    countDescription={`${source.unreadCount.toLocaleString()} unread`}
                    selected={selected.kind === 'feed' && selected.feedId === source.id}
                    buttonProps={feedMenuTrigger(source)}
                    onSelect={() => onSelect({ kind: 'feed', feedId: source.id })}
                  />
                </li>
              ))}
            </ul>
          ) : null}
          {/* Dropping a feed on the heading takes it out of its folder, to the top level. */}
          <h2
            className={topLevelDrop ? 'source-group-title is-drop-target' : 'source-group-title'}
            id={feedsHeadingId}
            title={onMoveFeed ? 'Drop a feed here to take it out of its folder' : undefined}
            {...(onMoveFeed
              ? feedDropTarget(setTopLevelDrop, (feedId) => void moveFeed(feedId, []))
              : {})}
          >
            Feeds
          </h2>
          {feedsStatus === 'failed' ? (
            <div className="sources-problem">
              <p>{feedsError ?? 'Your feeds could not be loaded.'}</p>
              <button type="button" className="button" onClick={onRetry}>
                Try again
              </button>
            </div>
          ) : subscriptions.length === 0 ? (
            <p className="sources-hint">
              {feedsStatus === 'loading' ? 'Loading…' : 'No feeds yet'}
            </p>
          ) : (
            <ul className="source-list" aria-labelledby={feedsHeadingId}>
              {tree.folders.map((folder) => (
                <FeedFolderItem
                  key={folder.key}
                  folder={folder}
                  isCollapsed={folders.isCollapsed}
                  onToggle={folders.toggle}
                  isSelected={(candidate) =>
                    selectedKey === sourceKey({ kind: 'folder', path: candidate.path })
                  }
                  onSelect={(chosen) => onSelect({ kind: 'folder', path: chosen.path })}
                  menuTrigger={folderMenuTrigger}
                  onDropFeed={(feedId, target) => void moveFeed(feedId, [...target.path])}
                  renderFeed={renderFeed}
                />
              ))}
              {tree.feeds.map(renderFeed)}
            </ul>
          )}
          {tags.length > 0 ? (
            <>
              <h2 className="source-group-title" id={tagsHeadingId}>
                Tags
              </h2>
              <ul className="source-list" aria-labelledby={tagsHeadingId}>
                {tags.map(renderTag)}
              </ul>
            </>
          ) : null}
          {savedSearches}
        </div>
        <RefreshStatus state={refresh} feedTitleOf={feedTitleOf} onCancel={onCancelRefresh} />
        {selectedFeed && selectedFeed.kind !== 'local' ? (
          <FeedActions
            feed={selectedFeed}
            refreshing={refresh.running}
            onRefresh={onRefreshFeed}
            onOpenSettings={onOpenSettings}
            onUnsubscribe={onUnsubscribe}
          />
        ) : null}
        <div className="sources-actions">
          <button type="button" className="button button-primary" onClick={onAddFeed}>
            Add feed
          </button>
          <button
            type="button"
            className="button"
            onClick={onRefreshAll}
            disabled={refresh.running || subscriptions.length === 0}
          >
            Refresh all
          </button>
          {transfer}
        </div>
        {menus.element}
        <SourceDialogs
          dialog={dialog}
          feeds={feeds}
          folders={folderChanges}
          onMoveFeed={onMoveFeed}
          onFolderChanged={(from, change) => void folderChanged(from, change)}
          onClose={() => setDialog(null)}
        />
      </nav>
    </SourcesPaneContext.Provider>
  );
}

/**
 * Changes whenever what the pane counts may have: items read, added or removed (the feeds' and
 * the views' counts), or feeds filed or tagged differently.
 */
function libraryChangeKey(feeds: readonly FeedSummary[], totals: LibraryCounts): string {
  const parts = feeds.map(
    (feed) =>
      `${feed.id}:${feed.unreadCount}:${feed.itemCount}:${folderKeyOf(feed.folder)}:${feed.tags.join(',')}`,
  );
  return [`${totals.all}/${totals.unread}/${totals.starred}`, ...parts].join('\n');
}

/** The library's unread count of every folder and tag, asked for together. */
function countedGroupsOf(feeds: readonly FeedSummary[]): CountedGroup[] {
  const groups: CountedGroup[] = [];
  const visit = (folders: readonly FeedFolder[]) => {
    for (const folder of folders) {
      groups.push({
        key: `folder:${folder.key}`,
        scope: { folder: [...folder.path], filter: 'unread' },
      });
      visit(folder.folders);
    }
  };
  visit(buildFolderTree(feeds).folders);
  for (const tag of buildTagList(feeds)) {
    groups.push({ key: `tag:${tag.key}`, scope: { tag: tag.name, filter: 'unread' } });
  }
  return groups;
}

/** Feeds in a folder and in the folders inside it. */
function feedCountOf(folder: FeedFolder): number {
  return folder.feeds.length + folder.folders.reduce((sum, child) => sum + feedCountOf(child), 0);
}
