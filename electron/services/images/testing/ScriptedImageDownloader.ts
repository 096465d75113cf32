// Test support only: an image downloader that answers from a script, and can hold its answers
// until the test lets each one through, so scheduling is tested without a network or a clock.
import type { ImageDownload, ImageDownloader } from '../ports';

interface Held {
  url: string;
  release: () => void;
}

/** Answers each address with what the test scripted (404 when nothing was), counting requests. */
export class ScriptedImageDownloader implements ImageDownloader {
  /** Every download asked for, in order. */
  readonly requests: { url: string; foundIn: string | null }[] = [];
  /** Downloads started and not yet answered, by host. */
  readonly inFlight = new Map<string, number>();
  /** The most downloads that were in flight at once, overall and for any one host. */
  readonly peak = { overall: 0, perHost: 0 };
  private readonly answers = new Map<string, ImageDownload>();
  private holding = false;
  private readonly held: Held[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  /** From now on `url` answers `download`. */
  answer(url: string, download: ImageDownload): this {
    this.answers.set(url, download);
    return this;
  }

  /** Holds every answer until {@link releaseAll} (or the test releases them one by one). */
  hold(): void {
    this.holding = true;
  }

  /** Resolves once at least `count` downloads have been asked for. */
  started(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** Lets every held answer through (and answers later ones at once while not holding). */
  releaseAll({ keepHolding = false }: { keepHolding?: boolean } = {}): void {
    this.holding = keepHolding;
    for (const held of this.held.splice(0)) held.release();
  }

  async download(url: string, foundIn: string | null, signal: AbortSignal): Promise<ImageDownload> {
    const host = new URL(url).hostname;
    this.requests.push({ url, foundIn });
    const inFlight = (this.inFlight.get(host) ?? 0) + 1;
    this.inFlight.set(host, inFlight);
    this.peak.perHost = Math.max(this.peak.perHost, inFlight);
    this.peak.overall = Math.max(
      this.peak.overall,
      [...this.inFlight.values()].reduce((sum, count) => sum + count, 0),
    );
    for (const waiter of this.waiters.filter((entry) => this.requests.length >= entry.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    try {
      if (this.holding) {
        await new Promise<void>((release) => this.held.push({ url, release }));
      }
      signal.throwIfAborted();
      return (
        this.answers.get(url) ?? {
          ok: false,
          code: 'http-error',
          message: 'The server answered 404 Not Found.',
        }
      );
    } finally {
      this.inFlight.set(host, (this.inFlight.get(host) ?? 1) - 1);
    }
  }
}
