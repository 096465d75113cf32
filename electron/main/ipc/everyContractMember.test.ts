// Walks every method and event of the contract through both transports as the app wires them:
// preload client -> IPC handlers, and browser client -> HTTP host. Members are read from the
// contract at run time, so a method added later is covered without editing this file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Api, MethodSpec } from '@shared/contract';
import { createClient } from '@shared/contract/createClient';
import { createHttpTransport } from '../../../renderer/src/ipc/createHttpTransport';
import { HostServer } from '../../host/HostServer';
import { NodeEventSource } from '../../host/testing/NodeEventSource';
import { createIpcTransport } from '../../preload/createIpcTransport';
import { listContractMembers, type ContractMember } from './dispatch';
import { registerContract } from './registerContract';
import { createSenderPolicy, type SenderFrame } from './senderPolicy';
import { RecordingIpcMain, RecordingWindow } from './testing/fakeElectronIpc';
import {
  createRecordingBackend,
  recordedAnswer,
  sampleArgumentsOf,
  samplePayloadOf,
} from './testing/recordingBackend';

interface Wiring {
  api: Api;
  recording: ReturnType<typeof createRecordingBackend>;
  teardown(): Promise<void>;
}

async function overIpc(): Promise<Wiring> {
  const recording = createRecordingBackend();
  const rendererUrl = 'app://rounds/index.html';
  const ipcMain = new RecordingIpcMain();
  const window = new RecordingWindow(rendererUrl);
  const dispose = registerContract(ipcMain, recording.backend, {
    isTrustedSender: createSenderPolicy<SenderFrame>({
      rendererUrl,
      isOwnWindowFrame: (frame) => frame === window.mainFrame,
    }),
    eventRecipients: () => [window],
  });
  return {
    api: createClient(createIpcTransport(window.ipcRenderer(ipcMain))),
    recording,
    teardown: async () => dispose(),
  };
}

async function overHttp(): Promise<Wiring> {
  const recording = createRecordingBackend();
  const rendererDir = await mkdtemp(join(tmpdir(), 'rounds-renderer-'));
  const server = await HostServer.start({
    backend: recording.backend,
    host: '127.0.0.1',
    port: 0,
    token: null,
    rendererDir,
  });
  const baseUrl = server.url;
  return {
    api: createClient(
      createHttpTransport({
        baseUrl,
        fetch: (url, init) => fetch(url, init),
        openEventSource: (url) => new NodeEventSource(url),
      }),
    ),
    recording,
    teardown: async () => {
      await server.close();
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

const methods = listContractMembers().filter(
  (member): member is Extract<ContractMember, { spec: MethodSpec }> =>
    member.spec.kind === 'method',
);
const events = listContractMembers().filter((member) => member.spec.kind === 'event');

function memberOf(api: Api, serviceName: string, memberName: string) {
  return (api as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)[
    serviceName
  ]![memberName]!;
}

// vi.waitFor gives up after one second by default, a deadline a loaded machine can miss; these
// waits end on the event itself and the limit only stops a test that would otherwise hang.
const UNTIL_IT_HAPPENS = { timeout: 15_000, interval: 20 };

let wiring: Wiring | undefined;
afterEach(async () => {
  await wiring?.teardown();
  wiring = undefined;
});

describe.each([
  ['IPC (preload + registerContract)', overIpc],
  ['HTTP (browser client + host)', overHttp],
])('every contract member over %s', (_transport, wire) => {
  it('covers at least one method and one event', () => {
    expect(methods.length).toBeGreaterThan(0);
    expect(events.length).toBeGreaterThan(0);
  });

  it.each(methods)(
    '$serviceName.$memberName reaches the backend with validated arguments',
    async (member) => {
      wiring = await wire();
      const sample = sampleArgumentsOf(member.serviceName, member.memberName);
      const answer = await memberOf(wiring.api, member.serviceName, member.memberName)(...sample);
      expect(answer).toEqual(recordedAnswer(`${member.serviceName}.${member.memberName}`));
      expect(wiring.recording.calls).toEqual([
        {
          member: `${member.serviceName}.${member.memberName}`,
          args: member.spec.args.parse(sample),
        },
      ]);
    },
  );

  it.each(events)(
    '$serviceName.$memberName reaches a listener and can be unsubscribed',
    async (member) => {
      wiring = await wire();
      const { recording } = wiring;
      const qualifiedName = `${member.serviceName}.${member.memberName}`;
      const payload = samplePayloadOf(member.serviceName, member.memberName);
      const received: unknown[] = [];
      const unsubscribe = memberOf(
        wiring.api,
        member.serviceName,
        member.memberName,
      )((value: unknown) => received.push(value)) as () => void;
      await vi.waitFor(
        () => expect(recording.listenerCount(qualifiedName)).toBeGreaterThan(0),
        UNTIL_IT_HAPPENS,
      );
      recording.emit(qualifiedName, payload);
      await vi.waitFor(() => expect(received).toEqual([payload]), UNTIL_IT_HAPPENS);

      unsubscribe();
      // Proved by a later event, not by waiting a while: events are emitted until a listener
      // subscribed after the unsubscription has one, and none may reach the unsubscribed one.
      const later: unknown[] = [];
      memberOf(
        wiring.api,
        member.serviceName,
        member.memberName,
      )((value: unknown) => later.push(value));
      await vi.waitFor(() => {
        recording.emit(qualifiedName, payload);
        expect(later.length).toBeGreaterThan(0);
      }, UNTIL_IT_HAPPENS);
      expect(received).toEqual([payload]);
    },
  );
});
