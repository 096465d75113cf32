import type { FeedSummary, SavedSearch } from '@shared/contract';
import { AddFeedDialog } from '../features/feeds/AddFeedDialog';
import { folderPathsOf } from '../features/feeds/buildFolderTree';
import { FeedSettingsDialog } from '../features/feeds/FeedSettingsDialog';
import { UnsubscribeDialog } from '../features/feeds/UnsubscribeDialog';
import type { Feeds } from '../features/feeds/useFeeds';
import { queryOf, type ItemSource } from '../features/library/ItemSource';
import { MuteRulesDialog } from '../features/rules/MuteRulesDialog';
import { narrowQuery } from '../features/rules/narrowQuery';
import { SaveSearchDialog } from '../features/rules/SaveSearchDialog';
import type { Rules } from '../features/rules/useRules';
import type { OpenDialog } from './OpenDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

export interface AppDialogsProps {
  dialog: OpenDialog;
  feeds: Feeds;
  rules: Rules;
  feedTitleOf: (feedId: string) => string;
  /** The source and search text a new saved search is scoped to. */
  source: ItemSource;
  searchText: string;
  onSubscribed: (feed: FeedSummary) => void;
  onUnsubscribed: (feedId: string) => void;
  /** A mute rule was added or removed, so counts and lists are out of date. */
  onMuteRulesChanged: () => void;
  onSearchSaved: (search: SavedSearch) => void;
  onClose: () => void;
}

/** Shows whichever dialog is open, wired to the feeds and rules it changes. */
export function AppDialogs({
  dialog,
  feeds,
  rules,
  feedTitleOf,
  source,
  searchText,
  onSubscribed,
  onUnsubscribed,
  onMuteRulesChanged,
  onSearchSaved,
  onClose,
}: AppDialogsProps) {
  const afterMuteChange = <R extends { ok: boolean }>(result: R): R => {
    if (result.ok) onMuteRulesChanged();
    return result;
  };

  switch (dialog?.kind) {
    case 'add-feed':
      return (
        <AddFeedDialog
          onSubscribe={feeds.subscribe}
          onSubscribed={onSubscribed}
          onClose={onClose}
        />
      );
    case 'unsubscribe':
      return (
        <UnsubscribeDialog
          feed={dialog.feed}
          onUnsubscribe={feeds.unsubscribe}
          onUnsubscribed={onUnsubscribed}
          onClose={onClose}
        />
      );
    case 'feed-settings':
      return (
        <FeedSettingsDialog
          feed={dialog.feed}
          folderPaths={folderPathsOf(feeds.feeds)}
          onSave={feeds.update}
          onClose={onClose}
        />
      );
    case 'mute-rules':
      return (
        <MuteRulesDialog
          rules={rules.muteRules}
          feedTitleOf={feedTitleOf}
          onAdd={async (text) => afterMuteChange(await rules.addMuteRule(text))}
          onRemove={async (rule) => afterMuteChange(await rules.removeMuteRule(rule.id))}
          onClose={onClose}
        />
      );
    case 'save-search':
      return (
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
          onSaved={onSearchSaved}
          onClose={onClose}
        />
      );
    case 'shortcuts':
      return <ShortcutsDialog onClose={onClose} />;
    case undefined:
      return null;
  }
}
