import { describe, expect, it } from 'vitest';
import {
  BlockedAddressError,
  classifyAddress,
  FeedAddressPolicy,
  type PrivateFeedsSetting,
  type ResolveHost,
} from './FeedAddressPolicy';

// Documentation and well-known public addresses stand in for "somewhere on the internet"; no
// test here opens a socket: names are resolved by a table, and admitting an address connects
// to nothing.
const PUBLIC_ADDRESS = '93.184.215.14';

/** A resolver answering from a table, recording which names it was asked for. */
function resolverFrom(table: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`no such name ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

function policy(privateFeeds: PrivateFeedsSetting, table: Record<string, string[]> = {}) {
  const resolveHost = resolverFrom(table);
  return { policy: new FeedAddressPolicy({ privateFeeds, resolveHost }), resolveHost };
}

async function refusal(admitting: Promise<unknown>): Promise<string> {
  const error = await admitting.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BlockedAddressError)) {
    throw new Error(`expected a BlockedAddressError, got ${String(error)}`);
  }
  return error.message;
}

describe('classifyAddress', () => {
  it.each([
    PUBLIC_ADDRESS,
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    // Proxies in "fake IP" mode answer every name from 198.18.0.0/15: feeds must still work.
    '198.18.0.1',
  ])('%s is public', (address) => {
    expect(classifyAddress(address)).toEqual({ kind: 'public' });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fd00::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fec0::1', 'siteLocal'],
  ])('%s is private (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ kind: 'private', range });
  });

  it.each([
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['febf::1', 'linkLocal'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a9fe:a9fe', 'linkLocal'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
  ])('%s is never fetched from (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ kind: 'forbidden', range });
  });
});

describe('FeedAddressPolicy', () => {
  it('refuses the cloud metadata address under every setting, with a sentence a user can read', async () => {
    for (const setting of ['when-typed', 'allowed', 'refused'] as const) {
      const { policy: addresses, resolveHost } = policy(setting);
      expect(await refusal(addresses.guardFetch().admit('169.254.169.254'))).toBe(
        'Rounds does not fetch feeds from 169.254.169.254: it is a link-local address used by cloud metadata services.',
      );
      expect(resolveHost.asked).toEqual([]);
    }
  });

  it('refuses a name that resolves to a metadata address, naming both', async () => {
    const { policy: addresses } = policy('allowed', {
      'metadata.google.internal': ['169.254.169.254'],
    });

    expect(await refusal(addresses.guardFetch().admit('metadata.google.internal'))).toBe(
      'Rounds does not fetch feeds from metadata.google.internal (169.254.169.254): it is a link-local address used by cloud metadata services.',
    );
  });

  it('refuses a name when any of its addresses is refused, so the answer order cannot sneak one in', async () => {
    const { policy: addresses } = policy('allowed', {
      'mixed.example': [PUBLIC_ADDRESS, 'fe80::1'],
    });

    expect(await refusal(addresses.guardFetch().admit('mixed.example'))).toMatch(
      /^Rounds does not fetch feeds from mixed\.example \(fe80::1\): it is a link-local address/,
    );
  });

  it('names the IPv4 address an IPv6 form stands for', async () => {
    const { policy: addresses } = policy('allowed');

    expect(await refusal(addresses.guardFetch().admit('::ffff:a9fe:a9fe'))).toBe(
      'Rounds does not fetch feeds from ::ffff:a9fe:a9fe (169.254.169.254): it is a link-local address used by cloud metadata services.',
    );
    expect(await refusal(addresses.guardFetch().admit('0.0.0.0'))).toBe(
      'Rounds does not fetch feeds from 0.0.0.0: it is an unspecified address, not the address of a server.',
    );
  });

  it('connects to the address it checked, whatever the resolver answers next', async () => {
    const { policy: addresses } = policy('when-typed', { 'feeds.example': [PUBLIC_ADDRESS] });

    expect(await addresses.guardFetch().admit('feeds.example')).toEqual({
      address: PUBLIC_ADDRESS,
      family: 4,
    });
  });

  it('when-typed: admits a typed private address and private hops after it', async () => {
    const { policy: addresses } = policy('when-typed', { 'intranet.example': ['10.1.2.3'] });
    const guard = addresses.guardFetch();

    await guard.admit('127.0.0.1');
    expect(guard.answeredBy(new URL('http://127.0.0.1:8080/feed'))).toBe('private');
    expect(await guard.admit('intranet.example')).toEqual({ address: '10.1.2.3', family: 4 });
    expect(guard.answeredBy(new URL('http://intranet.example/feed'))).toBe('private');
  });

  it('when-typed: refuses a private address once a public server answered', async () => {
    const { policy: addresses } = policy('when-typed', { 'public.example': [PUBLIC_ADDRESS] });
    const guard = addresses.guardFetch();

    await guard.admit('public.example');
    expect(guard.answeredBy(new URL('https://public.example/old-feed'))).toBe('public');

    expect(await refusal(guard.admit('127.0.0.1'))).toBe(
      'https://public.example/old-feed redirected to 127.0.0.1, an address of this computer (loopback): Rounds does not let a server on the internet send it into your own computer or network. If you trust that address, subscribe to it directly.',
    );
    expect(await refusal(guard.admit('::1'))).toMatch(/^https:\/\/public\.example\/old-feed/);
  });

  it('when-typed: refuses a feed link from a public page into the private network, and follows one from a private page', async () => {
    const { policy: addresses } = policy('when-typed', { 'intranet.example': ['192.168.0.7'] });

    const fromPublic = addresses.guardFetch({
      url: 'https://journal.example/issue',
      network: 'public',
    });
    expect(await refusal(fromPublic.admit('intranet.example'))).toBe(
      'The page https://journal.example/issue links to a feed at intranet.example (192.168.0.7), an address on a private network: Rounds does not follow a page on the internet into your own computer or network. If you trust that address, subscribe to it directly.',
    );

    const fromPrivate = addresses.guardFetch({ url: 'http://127.0.0.1/page', network: 'private' });
    expect(await fromPrivate.admit('intranet.example')).toEqual({
      address: '192.168.0.7',
      family: 4,
    });
  });

  it('judges a host it connected to earlier again before each hop, as its pooled connection is not admitted twice', async () => {
    const { policy: addresses } = policy('when-typed', { 'public.example': [PUBLIC_ADDRESS] });
    const guard = addresses.guardFetch();

    await guard.admit('127.0.0.1');
    guard.beforeRequest(new URL('http://127.0.0.1:8080/start'));
    guard.answeredBy(new URL('http://127.0.0.1:8080/start'));
    await guard.admit('public.example');
    guard.answeredBy(new URL('https://public.example/bounce'));

    expect(() => guard.beforeRequest(new URL('http://127.0.0.1:8080/internal'))).toThrow(
      /^https:\/\/public\.example\/bounce redirected to 127\.0\.0\.1/,
    );
  });

  it('refused: admits public addresses only, and says how a server can allow private ones', async () => {
    const { policy: addresses } = policy('refused', { 'public.example': [PUBLIC_ADDRESS] });
    const guard = addresses.guardFetch();

    expect(await guard.admit('public.example')).toEqual({ address: PUBLIC_ADDRESS, family: 4 });
    expect(await refusal(guard.admit('10.0.0.5'))).toBe(
      'Rounds does not fetch feeds from 10.0.0.5, an address on a private network: this Rounds server only fetches feeds from public addresses. Whoever runs it can allow private ones with --allow-private-feeds.',
    );
    expect(await refusal(guard.admit('fd12::1'))).toMatch(
      /a private \(unique local\) IPv6 address/,
    );
  });

  it('allowed: follows a public server into the private network, never to link-local', async () => {
    const { policy: addresses } = policy('allowed', { 'public.example': [PUBLIC_ADDRESS] });
    const guard = addresses.guardFetch();

    await guard.admit('public.example');
    guard.answeredBy(new URL('https://public.example/'));
    expect(await guard.admit('127.0.0.1')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(await refusal(guard.admit('fe80::1'))).toMatch(/link-local/);
  });

  it('passes on the resolver’s own failure, so "not found" stays a not-found message', async () => {
    const { policy: addresses } = policy('when-typed');

    await expect(addresses.guardFetch().admit('missing.example')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });
});
