// The origin the packaged renderer is served from. A custom scheme instead of file:// gives the page
// a real origin of its own ('self' in the CSP means only our bundle), and lets the
// grantFileProtocolExtraPrivileges fuse stay off.
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rounds';
/** What the main window loads in an installed app (and in a build run without the dev server). */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before `ready`: a standard, secure scheme resolves relative URLs like https, counts
 * as a secure context, and may be fetched. Nothing more: no CSP bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};
