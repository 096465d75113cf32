import {
  type AppInfo,
  type appContract,
  fail,
  ok,
  type ServiceImplementation,
} from '@shared/contract';
import type { LibraryStore } from '../library/LibraryStore';

type AppService = ServiceImplementation<typeof appContract>;

/** What {@link AppMainService} works with: the notices of the store and facts about the backend. */
export interface AppMainServiceDependencies {
  store: Pick<LibraryStore, 'notices' | 'dismissNotice'>;
  info: AppInfo;
}

/** Facts about the running backend and the storage notices the user has not dismissed. */
export class AppMainService implements AppService {
  private readonly store: AppMainServiceDependencies['store'];
  private readonly backendInfo: AppInfo;

  constructor(dependencies: AppMainServiceDependencies) {
    this.store = dependencies.store;
    this.backendInfo = { ...dependencies.info };
  }

  // Methods are arrow properties so a transport may call them detached from the instance.

  readonly info: AppService['info'] = async () => ok({ ...this.backendInfo });

  readonly notices: AppService['notices'] = async () => ok(this.store.notices());

  /**
   * Plain Node has no menus to draw: the window shows its own. The desktop app replaces this
   * with the operating system's menu (electron/main/menu/nativeContextMenu.ts).
   */
  readonly showContextMenu: AppService['showContextMenu'] = async () => ok({ native: false });

  readonly dismissNotice: AppService['dismissNotice'] = async ({ id }) => {
    const dismissed = await this.store.dismissNotice(id);
    return dismissed ? ok({ id }) : fail('not-found', 'That notice was already dismissed.');
  };
}
