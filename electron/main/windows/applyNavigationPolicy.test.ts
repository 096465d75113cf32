import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { applyNavigationPolicy } from './applyNavigationPolicy';

type Listener = (event: Record<string, unknown>) => void;

/** Records what the policy registers on a web contents (Electron cannot run here). */
function recordingContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: typeof windowOpenHandler) {
      windowOpenHandler = handler;
    },
  };
  const fire = (name: string, details: Record<string, unknown> = {}) => {
    let prevented = false;
    listeners.get(name)?.({ ...details, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const openWindow = (url: string) => windowOpenHandler?.({ url });
  return { contents: contents as unknown as WebContents, fire, openWindow };
}

function setUp() {
  const opened: string[] = [];
  const recording = recordingContents();
  applyNavigationPolicy(recording.contents, async (url) => {
    opened.push(url);
  });
  return { ...recording, opened };
}

describe('applyNavigationPolicy', () => {
  it('blocks every navigation of the window, handing web links to the browser', () => {
    const { fire, opened } = setUp();
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('keeps the window on the page it loaded, even another page of app://rounds/', () => {
    const { fire, opened } = setUp();
    expect(fire('will-navigate', { url: 'app://rounds/index.html?reset=1' })).toBe(true);
    expect(fire('will-navigate', { url: 'app://evil/index.html' })).toBe(true);
    expect(opened).toEqual([]);
  });

  it('blocks subframe navigation', () => {
    const { fire, opened } = setUp();
    expect(fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(
      true,
    );
    expect(opened).toEqual([]);
  });

  it('refuses to attach a webview', () => {
    expect(setUp().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only http(s) links externally', () => {
    const { openWindow, opened } = setUp();
    expect(openWindow('https://www.thelancet.com/')).toEqual({ action: 'deny' });
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openWindow('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(openWindow('custom-app://run')).toEqual({ action: 'deny' });
    expect(openWindow('app://rounds/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.thelancet.com/']);
  });
});
