import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './mainWindowOptions';
import type { RendererLocation } from './rendererLocation';

/** Opens the main window on our renderer; it appears once its first paint is ready. */
export function createMainWindow(options: {
  preloadPath: string;
  renderer: RendererLocation;
}): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  const loading =
    options.renderer.kind === 'url'
      ? window.loadURL(options.renderer.url)
      : window.loadFile(options.renderer.path);
  loading.catch((error: unknown) =>
    console.error('[rounds] the window could not load its page', error),
  );
  return window;
}
