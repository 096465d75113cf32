import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowSettings {
  /** The built preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /**
   * False in an installed app: the developer tools then stay closed whatever the menu, a keyboard
   * shortcut or a script asks, since they would hand the page's full power to whoever opens them.
   */
  allowDevTools: boolean;
}

/**
 * The main window's options, following Electron's security checklist: the page runs sandboxed,
 * isolated from the preload, without Node, and can reach the backend only through `window.api`.
 */
export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Rounds',
    backgroundColor: '#ffffff',
    // Shown on `ready-to-show`, so the user never sees an empty white window.
    show: false,
    webPreferences: {
      preload: settings.preloadPath,
      devTools: settings.allowDevTools,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise ask for a new window; the open handler denies it anyway, but
      // the event never reaching it is one less path to reason about.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  };
}
