import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '@shared/contract/createClient';
import { createIpcTransport } from '../../preload/createIpcTransport';
import { listContractMembers } from './dispatch';
import { registerContract } from './registerContract';
import { createSenderPolicy, type SenderFrame } from './senderPolicy';
import { RecordingIpcMain, RecordingWindow } from './testing/fakeElectronIpc';
import { createRecordingBackend, sampleRefreshEvent } from './testing/recordingBackend';

const rendererUrl = 'app://rounds/index.html';

function setUp() {
  const ipcMain = new RecordingIpcMain();
  const recording = createRecordingBackend();
  const window = new RecordingWindow(rendererUrl);
  const windows = [window];
  const isTrustedSender = createSenderPolicy<SenderFrame>({
    rendererUrl,
    isOwnWindowFrame: (frame) => windows.some((candidate) => candidate.mainFrame === frame),
  });
  const dispose = registerContract(ipcMain, recording.backend, {
    isTrustedSender,
    eventRecipients: () => windows,
  });
  return { ipcMain, recording, window, windows, dispose };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('registerContract', () => {
  it('registers exactly one handler per contract method', () => {
    const { ipcMain } = setUp();
    const methodChannels = listContractMembers()
      .filter((member) => member.spec.kind === 'method')
      .map((member) => member.channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodChannels.sort());
  });

  it('answers our window with the Result of the service', async () => {
    const { ipcMain, recording, window } = setUp();
    const answer = await ipcMain.invokeFrom(window.mainFrame, 'app:library.get', { id: 'item-1' });
    expect(answer).toEqual({ ok: true, value: { answeredBy: 'library.get' } });
    expect(recording.calls).toEqual([{ member: 'library.get', args: [{ id: 'item-1' }] }]);
  });

  it('validates arguments from a trusted window too', async () => {
    const { ipcMain, recording, window } = setUp();
    const answer = await ipcMain.invokeFrom(window.mainFrame, 'app:feeds.add', { url: 42 });
    expect(answer).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(recording.calls).toEqual([]);
  });

  it.each([
    ['no frame (navigated away or destroyed)', null],
    [
      'a subframe showing our renderer',
      { url: rendererUrl, parent: { url: rendererUrl, parent: null } },
    ],
    ['a window we did not create', { url: rendererUrl, parent: null }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
  ])('refuses %s before touching the backend', async (_label, frame) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ipcMain, recording } = setUp();
    await expect(ipcMain.invokeFrom(frame, 'app:feeds.remove', { id: 'feed-1' })).rejects.toThrow(
      /Refused/,
    );
    expect(recording.calls).toEqual([]);
  });

  it('refuses our own window once it shows another page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ipcMain = new RecordingIpcMain();
    const recording = createRecordingBackend();
    const hijacked = new RecordingWindow('file:///tmp/downloaded.html');
    registerContract(ipcMain, recording.backend, {
      isTrustedSender: createSenderPolicy<SenderFrame>({
        rendererUrl,
        isOwnWindowFrame: (frame) => frame === hijacked.mainFrame,
      }),
      eventRecipients: () => [hijacked],
    });
    await expect(ipcMain.invokeFrom(hijacked.mainFrame, 'app:feeds.list')).rejects.toThrow(
      /Refused/,
    );
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    expect(hijacked.sent).toEqual([]);
    expect(recording.calls).toEqual([]);
  });

  it('pushes events to our live windows only', () => {
    const { recording, window, windows } = setUp();
    const closed = new RecordingWindow(rendererUrl);
    closed.destroyed = true;
    windows.push(closed);
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    expect(window.sent).toEqual([
      { channel: 'app:feeds.onDidRefresh', args: [sampleRefreshEvent] },
    ]);
    expect(closed.sent).toEqual([]);
  });

  it('removes every handler and event subscription when disposed', () => {
    const { ipcMain, recording, window, dispose } = setUp();
    dispose();
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(recording.listenerCount('feeds.onDidRefresh')).toBe(0);
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    expect(window.sent).toEqual([]);
  });
});

describe('the preload transport over registerContract', () => {
  it('delivers an event to the page and stops after unsubscribing', () => {
    const { ipcMain, recording, window } = setUp();
    const ipcRenderer = window.ipcRenderer(ipcMain);
    const api = createClient(createIpcTransport(ipcRenderer));
    const received: unknown[] = [];
    const unsubscribe = api.feeds.onDidRefresh((payload) => received.push(payload));
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    unsubscribe();
    recording.emit('feeds.onDidRefresh', sampleRefreshEvent);
    expect(received).toEqual([sampleRefreshEvent]);
    expect(ipcRenderer.listenerCount('app:feeds.onDidRefresh')).toBe(0);
  });

  it('turns a refused call into an internal failure instead of throwing in the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { ipcMain } = setUp();
    const stranger = new RecordingWindow('https://evil.example/');
    const api = createClient(createIpcTransport(stranger.ipcRenderer(ipcMain)));
    expect(await api.feeds.list()).toMatchObject({ ok: false, code: 'internal' });
  });

  it('will not invoke or listen on a channel outside the contract', async () => {
    const { ipcMain, window } = setUp();
    const transport = createIpcTransport(window.ipcRenderer(ipcMain));
    await expect(
      transport.invoke('app:shell.openExternal', ['file:///etc/passwd']),
    ).rejects.toThrow(/not a method/);
    expect(() => transport.subscribe('app:feeds.add', () => undefined)).toThrow(/not an event/);
  });
});
