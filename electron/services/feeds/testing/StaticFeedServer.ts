import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback web server answering each path with the document the test last gave it. */
export class StaticFeedServer {
  private readonly documents = new Map<string, string>();
  /** Paths requested, in order. */
  readonly requested: string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<StaticFeedServer> {
    const feeds = new StaticFeedServer(createServer());
    feeds.server.on('request', (req, res) => {
      const path = req.url ?? '';
      feeds.requested.push(path);
      const document = feeds.documents.get(path);
      if (document === undefined) res.writeHead(404).end();
      else
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(document);
    });
    await new Promise<void>((resolve) => feeds.server.listen(0, '127.0.0.1', resolve));
    return feeds;
  }

  serve(path: string, document: string): void {
    this.documents.set(path, document);
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
