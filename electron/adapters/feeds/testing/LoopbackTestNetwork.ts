import { buildConnector } from 'undici';
import type { PrivateFeedsSetting } from '../FeedAddressPolicy';
import { HttpFeedFetcher } from '../HttpFeedFetcher';

/** A public-looking address that {@link LoopbackTestNetwork} carries to the loopback server. */
export const ROUTED_PUBLIC_ADDRESS = '93.184.215.14';
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1']);
const realConnector = buildConnector({});

/**
 * Stands in for DNS and routing, and for nothing else: names resolve from a table, and a
 * connection to {@link ROUTED_PUBLIC_ADDRESS} is carried to the loopback server on the same port.
 * Sockets, HTTP, redirects and the address policy stay real. It dials loopback only: an address
 * the policy wrongly let through fails with "no route" instead of being reached, so a test can
 * prove a refusal of link-local or metadata addresses without ever sending them a packet.
 */
export class LoopbackTestNetwork {
  /** Every address a connection was asked for, in order, routed or not. */
  readonly dialled: string[] = [];
  /** Every name resolved, in order. */
  readonly asked: string[] = [];

  constructor(private readonly names: Record<string, string[] | (() => string[])>) {}

  readonly resolveHost = async (hostname: string) => {
    this.asked.push(hostname);
    const entry = this.names[hostname];
    const addresses = typeof entry === 'function' ? entry() : entry;
    if (!addresses) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  readonly openConnection: buildConnector.connector = (options, callback) => {
    this.dialled.push(options.hostname);
    const target = options.hostname === ROUTED_PUBLIC_ADDRESS ? '127.0.0.1' : options.hostname;
    if (!LOOPBACK_ADDRESSES.has(target)) {
      callback(new Error(`test network: no route to ${options.hostname}`), null);
      return;
    }
    realConnector({ ...options, hostname: target }, callback);
  };

  /** A real fetcher whose names and routes are this network's. */
  fetcher(privateFeeds?: PrivateFeedsSetting, timeoutMs?: number): HttpFeedFetcher {
    return new HttpFeedFetcher({
      userAgent: 'Rounds/test',
      ...(privateFeeds ? { privateFeeds } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      resolveHost: this.resolveHost,
      openConnection: this.openConnection,
    });
  }
}
