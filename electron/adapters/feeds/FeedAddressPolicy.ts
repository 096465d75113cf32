import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { AddressNetwork, FeedLinkSource } from '../../services/feeds/ports';

/**
 * Which private addresses (loopback, RFC 1918, CGNAT, unique-local IPv6) feeds may come from:
 * - `when-typed`: only the user's own addresses and hops from one private address to another;
 *   a public server (a redirect, a page's feed link) may not lead into the private network;
 * - `allowed`: any, wherever the address came from;
 * - `refused`: none (a host serving other computers, which must not become their way in).
 * Link-local, metadata, unspecified and multicast addresses are refused under every setting.
 */
export type PrivateFeedsSetting = 'when-typed' | 'allowed' | 'refused';

/** ipaddr.js's names for the ranges of the user's own computer and networks. */
type PrivateRange = 'loopback' | 'private' | 'carrierGradeNat' | 'uniqueLocal' | 'siteLocal';
/** Ranges that never hold a feed: the metadata service's and addresses that are no server's. */
type ForbiddenRange = 'linkLocal' | 'unspecified' | 'multicast' | 'broadcast';

/** What an IP address is, for the purpose of fetching a feed from it. */
export type AddressClass =
  | { kind: 'public' }
  | { kind: 'private'; range: PrivateRange }
  | { kind: 'forbidden'; range: ForbiddenRange };

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all of its addresses; rejects with the resolver's error (ENOTFOUND). */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The operating system's resolver, as `net.connect` itself would use it. */
export const resolveWithSystemDns: ResolveHost = (hostname) => lookup(hostname, { all: true });

const PRIVATE_RANGES = new Set<string>(['loopback', 'private', 'carrierGradeNat', 'uniqueLocal']);
const FORBIDDEN_RANGES = new Set<string>(['linkLocal', 'unspecified', 'multicast', 'broadcast']);
// Deprecated (RFC 3879) but still routed inside some networks; ipaddr.js calls it unicast.
const SITE_LOCAL = ipaddr.parseCIDR('fec0::/10');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16');
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Classifies an IP address. IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4,
 * IPv4-compatible) are judged by that IPv4 address, since that is where packets end up.
 */
export function classifyAddress(address: string): AddressClass {
  const parsed = effectiveAddress(address);
  const range = parsed.range();
  if (FORBIDDEN_RANGES.has(range)) return { kind: 'forbidden', range: range as ForbiddenRange };
  if (PRIVATE_RANGES.has(range)) return { kind: 'private', range: range as PrivateRange };
  if (parsed.kind() === 'ipv6' && parsed.match(SITE_LOCAL)) {
    return { kind: 'private', range: 'siteLocal' };
  }
  return { kind: 'public' };
}

/** The address packets really go to: the IPv4 address inside an IPv6 form that carries one. */
function effectiveAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed;
  const v6 = parsed as ipaddr.IPv6;
  const bytes = v6.toByteArray();
  const range = v6.range();
  if (range === 'rfc6145' || v6.match(NAT64)) return ipaddr.fromByteArray(bytes.slice(12));
  if (v6.match(SIX_TO_FOUR)) return ipaddr.fromByteArray(bytes.slice(2, 6));
  // ::/96 holds :: and ::1 themselves, which keep their own meaning.
  if (range === 'unicast' && v6.match(IPV4_COMPATIBLE)) {
    return ipaddr.fromByteArray(bytes.slice(12));
  }
  return v6;
}

const RANGE_DESCRIPTIONS: Record<PrivateRange | ForbiddenRange, string> = {
  loopback: 'an address of this computer (loopback)',
  private: 'an address on a private network',
  carrierGradeNat: 'an address on a provider’s shared network (carrier-grade NAT)',
  uniqueLocal: 'a private (unique local) IPv6 address',
  siteLocal: 'a private (site-local) IPv6 address',
  linkLocal: 'a link-local address used by cloud metadata services',
  unspecified: 'an unspecified address, not the address of a server',
  multicast: 'a multicast address, not the address of a server',
  broadcast: 'a broadcast address, not the address of a server',
};

/** Why a connection may not reach a private address, or null when it may. */
type PrivateBar =
  | { reason: 'setting' }
  | { reason: 'redirect'; from: string }
  | { reason: 'link'; from: string }
  | null;

/** A feed address refused by the policy; its message is the sentence the user reads. */
export class BlockedAddressError extends Error {
  readonly code = 'blocked-address';
}

/** Decides which addresses feed fetching may connect to (see {@link PrivateFeedsSetting}). */
export class FeedAddressPolicy {
  readonly privateFeeds: PrivateFeedsSetting;
  private readonly resolveHost: ResolveHost;

  constructor(options: { privateFeeds: PrivateFeedsSetting; resolveHost?: ResolveHost }) {
    this.privateFeeds = options.privateFeeds;
    this.resolveHost = options.resolveHost ?? resolveWithSystemDns;
  }

  /** A guard for one fetch, redirects included; `linkedFrom` when a page named the address. */
  guardFetch(linkedFrom?: FeedLinkSource): AddressGuard {
    let bar: PrivateBar = null;
    if (this.privateFeeds === 'refused') bar = { reason: 'setting' };
    else if (this.privateFeeds === 'when-typed' && linkedFrom?.network === 'public') {
      bar = { reason: 'link', from: linkedFrom.url };
    }
    return new AddressGuard(this.privateFeeds, this.resolveHost, bar);
  }
}

/**
 * Admits the addresses of one fetch, connection by connection, and remembers where each host's
 * answer came from, so that a public hop bars private ones after it.
 */
export class AddressGuard {
  /** The answers admitted per host; its pooled connections go to the first of them. */
  private readonly admitted = new Map<string, { name: string | null; addresses: string[] }>();

  constructor(
    private readonly setting: PrivateFeedsSetting,
    private readonly resolveHost: ResolveHost,
    private bar: PrivateBar,
  ) {}

  /**
   * The address to connect to for `hostname` (an IP literal or a name), or a rejection with
   * {@link BlockedAddressError}. A name is resolved here, once, and every address of the answer
   * must be admissible: the caller connects to the returned address, never resolving again, so a
   * DNS answer that changes after the check cannot reach anything the check did not see.
   */
  async admit(hostname: string): Promise<ResolvedAddress> {
    const literal = bare(hostname);
    const isName = isIP(literal) === 0;
    const answers = isName
      ? await this.resolveHost(hostname)
      : [{ address: literal, family: isIP(literal) }];
    const name = isName ? hostname : null;
    const addresses = answers.map((answer) => answer.address);
    this.refuseAny(name, addresses);
    const first = answers[0];
    if (!first) throw new BlockedAddressError(`${hostname} has no address to connect to.`);
    this.admitted.set(literal, { name, addresses });
    return { address: first.address, family: first.family };
  }

  /**
   * Checks a hop before its request: a host connected to earlier in this fetch keeps its pooled
   * connection, which {@link admit} never sees again, so its addresses are judged once more
   * against what is allowed now (a public hop in between bars the private ones).
   */
  beforeRequest(url: URL): void {
    const known = this.admitted.get(bare(url.hostname));
    if (known) this.refuseAny(known.name, known.addresses);
  }

  /**
   * Where the answer for `url` came from (its connection was admitted before); with `when-typed`,
   * a public answer bars private addresses for the rest of the fetch.
   */
  answeredBy(url: URL): AddressNetwork {
    const known = this.admitted.get(bare(url.hostname));
    // Unknown only if no connection was made through the guard: assume the stricter case.
    const network =
      known?.addresses.some((address) => classifyAddress(address).kind === 'private') === true
        ? 'private'
        : 'public';
    if (network === 'public' && this.setting === 'when-typed' && this.bar === null) {
      this.bar = { reason: 'redirect', from: url.href };
    }
    return network;
  }

  private refuseAny(name: string | null, addresses: string[]): void {
    for (const address of addresses) {
      const refusal = this.refusalOf(address, name);
      if (refusal) throw new BlockedAddressError(refusal);
    }
  }

  private refusalOf(address: string, name: string | null): string | null {
    const addressClass = classifyAddress(address);
    if (addressClass.kind === 'public') return null;
    const effective = effectiveAddress(address).toString();
    const shown = address === effective ? address : `${address} (${effective})`;
    const who = name === null ? shown : `${name} (${shown})`;
    const description = RANGE_DESCRIPTIONS[addressClass.range];
    if (addressClass.kind === 'forbidden') {
      return `Rounds does not fetch feeds from ${who}: it is ${description}.`;
    }
    if (this.bar === null) return null;
    const trustIt = 'If you trust that address, subscribe to it directly.';
    switch (this.bar.reason) {
      case 'setting':
        return `Rounds does not fetch feeds from ${who}, ${description}: this Rounds server only fetches feeds from public addresses. Whoever runs it can allow private ones with --allow-private-feeds.`;
      case 'redirect':
        return `${this.bar.from} redirected to ${who}, ${description}: Rounds does not let a server on the internet send it into your own computer or network. ${trustIt}`;
      case 'link':
        return `The page ${this.bar.from} links to a feed at ${who}, ${description}: Rounds does not follow a page on the internet into your own computer or network. ${trustIt}`;
    }
  }
}

/** A host name without the brackets URL puts around an IPv6 address. */
function bare(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}
