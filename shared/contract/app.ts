import { z } from 'zod';
import { method, service } from './define';

/**
 * Something the user must be told about the data folder, such as a damaged file that was set
 * aside and replaced by its last good backup.
 */
export interface StorageNotice {
  id: string;
  kind: 'restored-from-backup' | 'reset-to-empty';
  /** A sentence for the user, naming the file and where the damaged copy was kept. */
  message: string;
  /** Path of the damaged copy kept aside. */
  keptAt: string;
  /** ISO 8601 UTC. */
  at: string;
}

/** Facts about the running backend. */
export interface AppInfo {
  version: string;
  /** 'electron' or 'host': which transport serves this window. */
  runtime: 'electron' | 'host';
  dataDir: string;
}

/** The `app` service: facts about the backend and notices about the data folder. */
export const appContract = service('app', {
  /** Version, runtime and data folder. */
  info: method<AppInfo>()({ args: z.tuple([]) }),
  /** Notices the user has not dismissed yet. */
  notices: method<StorageNotice[]>()({ args: z.tuple([]) }),
  /** Dismisses one notice. */
  dismissNotice: method<{ id: string }>()({
    args: z.tuple([z.object({ id: z.string().min(1).max(128) })]),
    errors: ['not-found'],
  }),
});
