import { BrowserWindow } from 'electron';
import { mainWindowOptions, type MainWindowSettings } from './mainWindowOptions';

/** Opens the main window on our renderer; it appears once its first paint is ready. */
export function createMainWindow(
  options: MainWindowSettings & {
    /** From `chooseRendererUrl`: app://rounds/index.html, or the dev server. */
    rendererUrl: string;
  },
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(options.rendererUrl)
    .catch((error: unknown) => console.error('[rounds] the window could not load its page', error));
  return window;
}
