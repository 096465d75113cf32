import { isIP } from 'node:net';
import type { buildConnector } from 'undici';
import type { AddressNetwork } from '../../services/feeds/ports';
import type { ImageDownload, ImageDownloader } from '../../services/images/ports';
import {
  classifyAddress,
  type PrivateFeedsSetting,
  type ResolveHost,
  resolveWithSystemDns,
} from '../feeds/FeedAddressPolicy';
import { HttpFeedFetcher } from '../feeds/HttpFeedFetcher';

/** Tuning of {@link HttpImageDownloader}. */
export interface HttpImageDownloaderOptions {
  /** Sent with every request, as for feeds. */
  userAgent: string;
  /** The same setting as the feeds' (see PrivateFeedsSetting). */
  privateFeeds: PrivateFeedsSetting;
  /** Largest image accepted, counted after decompression. */
  maxBytes: number;
  /** Name resolution; tests answer from a table. */
  resolveHost?: ResolveHost;
  /** Opens the socket to an admitted address; tests route it to loopback. */
  openConnection?: buildConnector.connector;
}

const NO_VALIDATORS = { etag: null, lastModified: null };
/** Where a paper the user brought in (no feed) is said to come from: the strictest place. */
const NO_FEED = { url: 'a paper you added', network: 'public' as const };

/**
 * Downloads images with the feeds' own fetcher (HttpFeedFetcher): the same address checks,
 * redirect rules, deadlines, socket handling and decompressed size cap, with the image's own
 * limit. An image counts as a link found in its feed: when the feed is on the internet, the image
 * may not lead into the user's computer or network, however its address is spelled.
 */
export class HttpImageDownloader implements ImageDownloader {
  private readonly fetcher: HttpFeedFetcher;
  private readonly resolveHost: ResolveHost;
  private readonly maxBytes: number;

  constructor(options: HttpImageDownloaderOptions) {
    this.maxBytes = options.maxBytes;
    this.resolveHost = options.resolveHost ?? resolveWithSystemDns;
    this.fetcher = new HttpFeedFetcher({
      userAgent: options.userAgent,
      privateFeeds: options.privateFeeds,
      maxBodyBytes: options.maxBytes,
      resolveHost: this.resolveHost,
      ...(options.openConnection ? { openConnection: options.openConnection } : {}),
    });
  }

  async download(url: string, foundIn: string | null, signal: AbortSignal): Promise<ImageDownload> {
    const linkedFrom =
      foundIn === null ? NO_FEED : { url: foundIn, network: await this.networkOf(foundIn) };
    const outcome = await this.fetcher.fetch(url, NO_VALIDATORS, signal, linkedFrom);
    if (outcome.kind === 'fetched') return { ok: true, bytes: outcome.body };
    if (outcome.kind === 'not-modified') {
      return { ok: false, code: 'http-error', message: 'The server answered “not modified”.' };
    }
    return { ok: false, code: outcome.code, message: this.describe(outcome, url) };
  }

  /** The fetcher speaks of feeds; these failures are about an image. */
  private describe(failure: { code: string; message: string }, url: string): string {
    const host = hostOf(url);
    switch (failure.code) {
      case 'too-large':
        return `This image is larger than ${describeSize(this.maxBytes)}, the most Rounds keeps for one image.`;
      case 'timeout':
        return `${host} took too long to send the image.`;
      case 'blocked-address':
        return `Rounds does not fetch this image from ${host}: a feed on the internet may not lead Rounds into your own computer or network, and some addresses (link-local, cloud metadata) are never fetched.`;
      default:
        return failure.message;
    }
  }

  /**
   * Where the feed is: private when its address (or any its name resolves to) is on this
   * computer or a private network. A name that cannot be resolved counts as public, the stricter.
   */
  private async networkOf(feedUrl: string): Promise<AddressNetwork> {
    const hostname = URL.parse(feedUrl)?.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!hostname) return 'public';
    try {
      const addresses =
        isIP(hostname) === 0
          ? (await this.resolveHost(hostname)).map((answer) => answer.address)
          : [hostname];
      return addresses.length > 0 &&
        addresses.every((address) => classifyAddress(address).kind === 'private')
        ? 'private'
        : 'public';
    } catch {
      return 'public';
    }
  }
}

function hostOf(url: string): string {
  return URL.parse(url)?.hostname ?? url;
}

function describeSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Number((bytes / 1024).toFixed(1))} KB`;
}
