// Composition root of the desktop app: app lifecycle, the backend over the data folder, the IPC
// handlers and the window. Business logic lives in the services; this file only wires.
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  type WebFrameMain,
} from 'electron';
import { DataFolderInUseError } from '../adapters/storage/DataFolderLock';
import { composeBackend, type ComposedBackend } from './composeBackend';
import { registerContract } from './ipc/registerContract';
import { createSenderPolicy } from './ipc/senderPolicy';
import { buildApplicationMenuTemplate } from './menu/buildApplicationMenuTemplate';
import { createNativeContextMenu, withNativeContextMenu } from './menu/nativeContextMenu';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol/appOrigin';
import { createAppProtocolHandler } from './protocol/createAppProtocolHandler';
import { applyNavigationPolicy } from './windows/applyNavigationPolicy';
import { createMainWindow } from './windows/createMainWindow';
import { chooseRendererUrl } from './windows/rendererLocation';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const rendererUrl = chooseRendererUrl({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
});

// ROUNDS_DATA_DIR (as for the host) lets tests and portable installs pick the folder. Setting
// userData before the single-instance lock keys the lock to that folder too.
if (process.env.ROUNDS_DATA_DIR) app.setPath('userData', process.env.ROUNDS_DATA_DIR);

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

// The built renderer is served from app://rounds/ rather than file:// (see protocol/appOrigin.ts).
// Privileges can only be granted before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Rounds owns this data folder; it has been asked to come forward (`second-instance`).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    applyNavigationPolicy(contents, (url) => shell.openExternal(url));
  });
  app.whenReady().then(start, (error: unknown) => failToStart(error));
}

async function start(): Promise<void> {
  // Rounds needs no camera, microphone, location or notification permission: refuse them all.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The app's own origin serves the renderer's files and, under /files/, the library's stored
  // PDFs (once the backend is up; until then those answer 404).
  let composed: ComposedBackend | undefined;
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir,
      storedPdfs: () => composed?.storedPdfs ?? null,
      storedImages: () => composed?.storedImages ?? null,
    }),
  );
  setApplicationMenu();

  try {
    composed = await composeBackend({
      dataDir: app.getPath('userData'),
      runtime: 'electron',
      version: app.getVersion(),
      privateFeeds: 'when-typed',
      // Posting accounts' secrets are encrypted with a key the OS keychain keeps for this user.
      secretKeeper: safeStorage,
    });
  } catch (error) {
    failToStart(error);
    return;
  }

  const isTrustedSender = createSenderPolicy<WebFrameMain>({
    rendererUrl,
    isOwnWindowFrame: (frame) =>
      BrowserWindow.getAllWindows().some(
        (window) => !window.isDestroyed() && isSameFrame(window.webContents.mainFrame, frame),
      ),
  });
  // Context menus are the system's own here; the host leaves them to the window.
  const backend = withNativeContextMenu(
    composed.backend,
    createNativeContextMenu({
      popup: (template, onClosed) => {
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (!window || window.isDestroyed()) throw new Error('No Rounds window is open.');
        Menu.buildFromTemplate(template).popup({ window, callback: onClosed });
      },
      later: (run) => setImmediate(run),
    }),
  );
  const disposeIpc = registerContract<WebFrameMain>(ipcMain, backend, {
    isTrustedSender,
    eventRecipients: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
  });

  const openWindow = () => {
    mainWindow = createMainWindow({ preloadPath, rendererUrl, allowDevTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quitting waits for pending writes to reach the disk and for the data folder to be released.
  let closed = false;
  let closing: Promise<void> | undefined;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= (async () => {
      disposeIpc();
      await composed.close();
    })()
      .catch((error: unknown) => console.error('[rounds] closing the library failed', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** Electron's default menu offers the developer tools to every user; ours only to developers. */
function setApplicationMenu(): void {
  // Linux shows no version in the About panel unless it is given one.
  app.setAboutPanelOptions({ applicationName: app.name, applicationVersion: app.getVersion() });
  const template = buildApplicationMenuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    appName: app.name,
    openDataFolder: () => {
      const dataDir = app.getPath('userData');
      void shell.openPath(dataDir).then((error) => {
        if (error)
          dialog.showErrorBox('Rounds could not open its data folder', `${dataDir}\n\n${error}`);
      });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Frames are compared by identity token: Electron may hand out distinct wrapper objects. */
function isSameFrame(a: WebFrameMain, b: WebFrameMain): boolean {
  return a.processId === b.processId && a.frameToken === b.frameToken;
}

function failToStart(error: unknown): void {
  if (error instanceof DataFolderInUseError) {
    dialog.showErrorBox('Rounds is already open', error.message);
  } else {
    console.error('[rounds] could not start', error);
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(
      'Rounds could not start',
      `Rounds could not open its library.\n\n${detail}`,
    );
  }
  app.exit(1);
}
