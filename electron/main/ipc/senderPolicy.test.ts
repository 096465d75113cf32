import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSenderPolicy, isRendererUrl, type SenderFrame } from './senderPolicy';

const rendererFile = 'app://rounds/index.html';

describe('isRendererUrl', () => {
  it('accepts any page of app://rounds/, with or without a hash route', () => {
    expect(isRendererUrl(rendererFile, rendererFile)).toBe(true);
    expect(isRendererUrl(`${rendererFile}#/feeds/1`, rendererFile)).toBe(true);
    expect(isRendererUrl('app://rounds/', rendererFile)).toBe(true);
  });

  it('refuses another app:// host or a lookalike', () => {
    expect(isRendererUrl('app://evil/index.html', rendererFile)).toBe(false);
    expect(isRendererUrl('app://rounds.evil.example/index.html', rendererFile)).toBe(false);
    expect(isRendererUrl('app:///index.html', rendererFile)).toBe(false);
    expect(isRendererUrl('app-x://rounds/index.html', rendererFile)).toBe(false);
  });

  it('refuses every file:// page, the old renderer location included', () => {
    const builtFile = pathToFileURL('/opt/Rounds/resources/app/out/renderer/index.html').href;
    expect(isRendererUrl(builtFile, rendererFile)).toBe(false);
    expect(isRendererUrl(builtFile, builtFile)).toBe(false);
    expect(isRendererUrl(pathToFileURL('/tmp/evil.html').href, rendererFile)).toBe(false);
  });

  it('refuses a remote page or garbage', () => {
    expect(isRendererUrl('https://evil.example/out/renderer/index.html', rendererFile)).toBe(false);
    expect(isRendererUrl('https://rounds/index.html', rendererFile)).toBe(false);
    expect(isRendererUrl('about:blank', rendererFile)).toBe(false);
    expect(isRendererUrl('', rendererFile)).toBe(false);
    expect(isRendererUrl(rendererFile, 'not a url')).toBe(false);
  });

  it('accepts any path of the dev server but not another port or host', () => {
    const devServer = 'http://localhost:5173/';
    expect(isRendererUrl('http://localhost:5173/index.html', devServer)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/', devServer)).toBe(false);
    expect(isRendererUrl('http://evil.example:5173/', devServer)).toBe(false);
  });
});

describe('createSenderPolicy', () => {
  const ownFrame: SenderFrame = { url: rendererFile, parent: null };
  const policy = createSenderPolicy<SenderFrame>({
    rendererUrl: rendererFile,
    isOwnWindowFrame: (frame) => frame === ownFrame,
  });

  it('trusts the main frame of our window showing our renderer', () => {
    expect(policy(ownFrame)).toBe(true);
  });

  it('refuses a subframe, even one showing our renderer', () => {
    expect(policy({ url: rendererFile, parent: ownFrame })).toBe(false);
  });

  it('refuses a frame of a window we did not create', () => {
    expect(policy({ url: rendererFile, parent: null })).toBe(false);
  });

  it('refuses our window once it shows something else', () => {
    const navigated: SenderFrame = { url: 'https://evil.example/', parent: null };
    const navigatedPolicy = createSenderPolicy<SenderFrame>({
      rendererUrl: rendererFile,
      isOwnWindowFrame: (frame) => frame === navigated,
    });
    expect(navigatedPolicy(navigated)).toBe(false);
  });
});
