import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type {
  LoopbackRoutesModule,
  ServerThreadData,
  ServerThreadMessage,
} from './LoopbackServerThread';

// Runs inside the worker thread LoopbackServerThread starts: the server answers on its own event
// loop, so however busy the code under test keeps the test's thread, requests are still served.

const { routesModule, options } = workerData as ServerThreadData;
const port = parentPort;
if (!port) throw new Error('loopbackServerThreadEntry runs only as a worker thread.');

function report(message: ServerThreadMessage): void {
  port?.postMessage(message);
}

try {
  let origin = '';
  const { createRoutes } = (await import(routesModule)) as LoopbackRoutesModule;
  const routes = createRoutes(options, () => origin);
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    report({ kind: 'request', path });
    const serve = routes[path];
    if (serve) serve(req, res);
    else res.writeHead(404).end();
  });
  port.on('message', () => report({ kind: 'synced' }));
  server.listen(0, '127.0.0.1', () => {
    const { port: listeningPort } = server.address() as AddressInfo;
    origin = `http://127.0.0.1:${listeningPort}`;
    report({ kind: 'listening', origin });
  });
} catch (error) {
  report({
    kind: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
