import type { Server } from 'node:http';
import { afterEach } from 'vitest';

/**
 * A list the test file pushes its loopback servers onto; after each test every one is closed,
 * open connections included, so no test inherits another's sockets.
 */
export function closeServersAfterEach(): Server[] {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  return servers;
}
