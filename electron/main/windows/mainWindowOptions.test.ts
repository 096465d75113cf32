import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './mainWindowOptions';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({
    preloadPath: '/opt/Rounds/out/preload/index.cjs',
    allowDevTools: false,
  });
  const preferences = options.webPreferences ?? {};

  it('loads our preload', () => {
    expect(preferences.preload).toBe('/opt/Rounds/out/preload/index.cjs');
  });

  it('isolates and sandboxes the page, without Node', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and refuses webviews, insecure content and experimental features', () => {
    expect(preferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences).not.toHaveProperty('additionalArguments');
  });

  it('cannot open the developer tools in an installed app, by menu or by keyboard shortcut', () => {
    expect(preferences.devTools).toBe(false);
  });

  it('keeps the developer tools while developing', () => {
    const development = mainWindowOptions({ preloadPath: '/dev/preload.cjs', allowDevTools: true });
    expect(development.webPreferences?.devTools).toBe(true);
  });

  it('waits for the first paint before showing the window', () => {
    expect(options.show).toBe(false);
  });
});
