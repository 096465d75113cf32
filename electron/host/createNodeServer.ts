// The Node server under the host: plain HTTP or https, with deadlines for slow clients and a cap
// on connections instead of Node's defaults (headers awaited for a minute, requests for five,
// any number of connections held).
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

/** How long the server waits for slow clients and how many it holds at once. */
export interface HostConnectionLimits {
  /** A client must send its request line and headers within this time (and finish a TLS handshake). */
  headersTimeoutMs: number;
  /**
   * A client must send its whole request, body included, within this time. An event stream is not
   * cut by it: Node stops the clock once the request is received, however long the answer runs.
   */
  requestTimeoutMs: number;
  /** A kept-alive connection with no request in flight is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Connections past this number are closed as soon as they are accepted. */
  maxConnections: number;
  /** How often Node looks for clients past the header and request deadlines. */
  checkIntervalMs: number;
}

/**
 * Node's own defaults hold a slow client for minutes and any number of idle connections. The
 * request timeout leaves room for a 6 MB OPML upload over a slow hospital link.
 */
export const DEFAULT_CONNECTION_LIMITS: HostConnectionLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  checkIntervalMs: 1_000,
};

/** The certificate (PEM, chain allowed) and private key the host serves https with. */
export interface HostTlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/** A server with `limits` applied, https when given `tls`; not yet listening. */
export function createNodeServer(
  tls: HostTlsCredentials | null,
  limits: HostConnectionLimits,
): Server {
  const options = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
  const server: Server = tls
    ? createHttpsServer({ ...options, ...tls, handshakeTimeout: limits.headersTimeoutMs })
    : createHttpServer(options);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}
