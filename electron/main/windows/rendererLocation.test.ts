import { describe, expect, it } from 'vitest';
import { chooseRendererUrl } from './rendererLocation';

describe('chooseRendererUrl', () => {
  it('loads the built renderer from app://rounds/, never from a file:// URL', () => {
    expect(chooseRendererUrl({ isPackaged: true, devServerUrl: undefined })).toBe(
      'app://rounds/index.html',
    );
    expect(chooseRendererUrl({ isPackaged: false, devServerUrl: undefined })).toBe(
      'app://rounds/index.html',
    );
  });

  it('uses the dev server only when unpackaged', () => {
    expect(chooseRendererUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/',
    );
    expect(chooseRendererUrl({ isPackaged: true, devServerUrl: 'https://evil.example/' })).toBe(
      'app://rounds/index.html',
    );
  });

  it('says which setting is wrong when the dev server URL is not a URL', () => {
    expect(() => chooseRendererUrl({ isPackaged: false, devServerUrl: 'localhost 5173' })).toThrow(
      'ELECTRON_RENDERER_URL is not a URL: "localhost 5173"',
    );
  });
});
