import type { FeedSummary } from '@shared/contract';

/** How often a feed can be refreshed, as the settings dialog offers it. */
export const REFRESH_INTERVAL_CHOICES: readonly { minutes: number; label: string }[] = [
  { minutes: 15, label: 'Every 15 minutes' },
  { minutes: 30, label: 'Every 30 minutes' },
  { minutes: 60, label: 'Every hour' },
  { minutes: 180, label: 'Every 3 hours' },
  { minutes: 720, label: 'Every 12 hours' },
  { minutes: 1440, label: 'Once a day' },
];

// The same limits the contract validates, checked here so the message names the field.
const MAX_TITLE_LENGTH = 300;
const MAX_FOLDER_DEPTH = 8;
const MAX_FOLDER_NAME_LENGTH = 200;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 60;

/** What the settings form holds: text as typed, the interval as chosen. */
export interface FeedSettingsDraft {
  title: string;
  folder: string;
  tags: string;
  refreshIntervalMinutes: number;
  /** "Save images for offline reading". */
  keepImages: boolean;
}

/** The changes `feeds.update` accepts, only for the fields the user changed. */
export interface FeedSettingsChanges {
  title?: string;
  folder?: string[];
  tags?: string[];
  refreshIntervalMinutes?: number;
  keepImages?: boolean;
}

/** The form field a problem belongs to, so it can be marked and described. */
export type FeedSettingsField = 'title' | 'folder' | 'tags';

/** Either the changes to send or the first problem found, in words for the user. */
export type FeedSettingsCheck =
  | { ok: true; changes: FeedSettingsChanges }
  | { ok: false; field: FeedSettingsField; message: string };

/** "Cardiology / Trials" for `['Cardiology', 'Trials']`. */
export function formatFolderPath(path: readonly string[]): string {
  return path.join(' / ');
}

/** The folder path typed as "Cardiology / Trials" (spaces around the slashes optional). */
export function parseFolderPath(text: string): string[] {
  return text
    .split('/')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** Tags typed as "trials, heart failure"; repeats differing only in case are dropped. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    const folded = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  return tags;
}

/** The form's starting values for a feed. */
export function draftOf(feed: FeedSummary): FeedSettingsDraft {
  return {
    title: feed.title,
    folder: formatFolderPath(feed.folder),
    tags: feed.tags.join(', '),
    refreshIntervalMinutes: feed.refreshIntervalMinutes,
    keepImages: feed.keepImages,
  };
}

/**
 * Checks the form and works out what changed. Fields left as they were are not sent, so a folder
 * name that happens to contain a slash survives saving an unrelated change.
 */
export function checkFeedSettings(feed: FeedSummary, draft: FeedSettingsDraft): FeedSettingsCheck {
  const initial = draftOf(feed);
  const changes: FeedSettingsChanges = {};

  const title = draft.title.trim();
  if (title === '') return { ok: false, field: 'title', message: 'Give the feed a name.' };
  if (title.length > MAX_TITLE_LENGTH) {
    return {
      ok: false,
      field: 'title',
      message: `Keep the name under ${MAX_TITLE_LENGTH} characters.`,
    };
  }
  if (title !== feed.title) changes.title = title;

  if (draft.folder.trim() !== initial.folder.trim()) {
    const folder = parseFolderPath(draft.folder);
    if (folder.length > MAX_FOLDER_DEPTH) {
      return {
        ok: false,
        field: 'folder',
        message: `Folders can be nested at most ${MAX_FOLDER_DEPTH} deep.`,
      };
    }
    if (folder.some((name) => name.length > MAX_FOLDER_NAME_LENGTH)) {
      return {
        ok: false,
        field: 'folder',
        message: `Keep each folder name under ${MAX_FOLDER_NAME_LENGTH} characters.`,
      };
    }
    changes.folder = folder;
  }

  if (draft.tags.trim() !== initial.tags.trim()) {
    const tags = parseTags(draft.tags);
    if (tags.length > MAX_TAGS) {
      return { ok: false, field: 'tags', message: `A feed can have at most ${MAX_TAGS} tags.` };
    }
    const tooLong = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
    if (tooLong !== undefined) {
      return {
        ok: false,
        field: 'tags',
        message: `Keep each tag under ${MAX_TAG_LENGTH} characters (“${tooLong.slice(0, 20)}…” is longer).`,
      };
    }
    changes.tags = tags;
  }

  if (draft.refreshIntervalMinutes !== feed.refreshIntervalMinutes) {
    changes.refreshIntervalMinutes = draft.refreshIntervalMinutes;
  }
  if (draft.keepImages !== feed.keepImages) changes.keepImages = draft.keepImages;
  return { ok: true, changes };
}

/** The interval choices, with the feed's own interval added when it is not one of them. */
export function intervalChoicesFor(minutes: number): { minutes: number; label: string }[] {
  if (REFRESH_INTERVAL_CHOICES.some((choice) => choice.minutes === minutes)) {
    return [...REFRESH_INTERVAL_CHOICES];
  }
  return [...REFRESH_INTERVAL_CHOICES, { minutes, label: describeInterval(minutes) }].sort(
    (a, b) => a.minutes - b.minutes,
  );
}

/** "Every 45 minutes", "Every 2 hours", "Every 2 days" for an interval in minutes. */
export function describeInterval(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'Once a day' : `Every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
  return `Every ${minutes} minutes`;
}
