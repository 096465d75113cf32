// Runs sandboxed (built as one CommonJS file): exposes the typed client as `window.api` and
// nothing else; the page never sees `ipcRenderer`.
import { contextBridge, ipcRenderer } from 'electron';
import { createClient } from '@shared/contract/createClient';
import { createIpcTransport } from './createIpcTransport';

contextBridge.exposeInMainWorld('api', createClient(createIpcTransport(ipcRenderer)));
