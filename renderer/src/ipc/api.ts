// The renderer's single access point to the backend. In Electron the preload has put the IPC
// client on `window.api`; in a plain browser (the host) the same client is built over HTTP.
// Components and hooks import `api` and never learn which one they have.
import type { Api } from '@shared/contract';
import { createClient } from '@shared/contract/createClient';
import { createHttpTransport } from './createHttpTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the host. */
    readonly api?: Api;
  }
}

export const api: Api =
  window.api ??
  createClient(
    createHttpTransport({
      baseUrl: '',
      fetch: (url, init) => window.fetch(url, init),
      openEventSource: (url) => new EventSource(url),
    }),
  );
