import { describe, expect, it } from 'vitest';
import { chooseRendererLocation, rendererUrlOf } from './rendererLocation';

describe('chooseRendererLocation', () => {
  const builtIndexPath = '/opt/Rounds/out/renderer/index.html';

  it('uses the dev server only when unpackaged', () => {
    expect(
      chooseRendererLocation({
        isPackaged: false,
        devServerUrl: 'http://localhost:5173',
        builtIndexPath,
      }),
    ).toEqual({
      kind: 'url',
      url: 'http://localhost:5173',
    });
    expect(
      chooseRendererLocation({
        isPackaged: true,
        devServerUrl: 'https://evil.example/',
        builtIndexPath,
      }),
    ).toEqual({
      kind: 'file',
      path: builtIndexPath,
    });
  });

  it('uses the built file when no dev server runs', () => {
    expect(
      chooseRendererLocation({ isPackaged: false, devServerUrl: undefined, builtIndexPath }),
    ).toEqual({
      kind: 'file',
      path: builtIndexPath,
    });
  });
});

describe('rendererUrlOf', () => {
  it('gives the file URL the window will report, spaces encoded', () => {
    expect(
      rendererUrlOf({ kind: 'file', path: '/Applications/Rounds App/out/renderer/index.html' }),
    ).toBe('file:///Applications/Rounds%20App/out/renderer/index.html');
  });

  it('normalises the dev server URL', () => {
    expect(rendererUrlOf({ kind: 'url', url: 'http://localhost:5173' })).toBe(
      'http://localhost:5173/',
    );
  });
});
