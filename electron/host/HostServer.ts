// The host's HTTP face: the contract as `POST /api/<service>.<method>`, contract events as
// Server-Sent Events on `/api/events`, and the built renderer as static files. Every request is
// checked first (Host header, Origin, session), because any web page the user opens can send
// requests to a port on 127.0.0.1.
import { createHash, timingSafeEqual, X509Certificate } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import { fail, type Backend } from '@shared/contract';
import { findContractMember, invokeMember, subscribeAllEvents } from '../main/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../main/windows/contentSecurityPolicy';
import {
  createNodeServer,
  DEFAULT_CONNECTION_LIMITS,
  type HostConnectionLimits,
  type HostTlsCredentials,
} from './createNodeServer';
import { jsonTextNestsDeeperThan } from '@shared/domain/json/jsonLimits';
import { isLoopbackAddress } from './parseHostArgs';
import { endAfterDiscardingBody, readBodyWithin } from './requestBody';
import { SessionCookie } from './SessionCookie';
import { contentTypeOf } from '../main/protocol/contentTypeOf';
import {
  isAppFilePath,
  STORED_PDF_HEADERS,
  type StoredPdfSource,
} from '../main/protocol/storedPdfFiles';
import { answerStoredFile, type StoredImageSource } from '../main/protocol/storedImageFiles';

/** Deeper JSON than any contract argument needs; refused before it is parsed. */
export const MAX_JSON_NESTING = 64;

const DEFAULT_EVENT_KEEP_ALIVE_MS = 15_000;
const CLOSE_GRACE_MS = 2_000;
const BYTES_PER_MEGABYTE = 1024 * 1024;
const NOT_A_PATH_MESSAGE = 'Rounds answers only requests for a path, such as /api/….';

export interface HostServerOptions {
  backend: Backend;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** When set, every request must carry it; required for a non-loopback address. */
  token: string | null;
  /** Serve https with these; required for a non-loopback address unless `insecureHttp`. */
  tls?: HostTlsCredentials | null;
  /** Plain HTTP on a non-loopback address, for a host behind a TLS reverse proxy. */
  insecureHttp?: boolean;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** The library's stored PDFs, served at `/files/pdf/<sha256>`; none when left out. */
  storedPdfs?: StoredPdfSource | null;
  /** The library's saved images, served at `/files/images/<sha256>`; none when left out. */
  storedImages?: StoredImageSource | null;
  /** How often an idle event stream gets a comment, so proxies and browsers keep it open. */
  keepAliveMs?: number;
  /** Overrides of `DEFAULT_CONNECTION_LIMITS`. */
  limits?: Partial<HostConnectionLimits>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const METHOD_ROUTE = /^\/api\/([A-Za-z][A-Za-z0-9]*)\.([A-Za-z][A-Za-z0-9]*)$/;

/** Host names as they appear in a Host header: IPv6 literals in brackets. */
function hostForUrl(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '[::]';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Names a certificate is issued for (its subject alternative names), wildcards left out. */
function namesInCertificate(cert: Buffer): string[] {
  const names = new X509Certificate(cert).subjectAltName?.split(', ') ?? [];
  return names.flatMap((entry) => {
    if (entry.startsWith('DNS:') && !entry.includes('*')) return [entry.slice(4).toLowerCase()];
    if (entry.startsWith('IP Address:') && ipaddr.isValid(entry.slice(11))) {
      return [hostForUrl(ipaddr.parse(entry.slice(11)).toString())];
    }
    return [];
  });
}

function formatMegabytes(bytes: number): string {
  return `${Number((bytes / BYTES_PER_MEGABYTE).toFixed(1))} MB`;
}

/** The Rounds host's HTTP server. Start it with `HostServer.start`, stop it with `close`. */
export class HostServer {
  private readonly eventStreams = new Set<ServerResponse>();
  private readonly allowedHosts: ReadonlySet<string>;
  private readonly tokenDigest: Buffer | null;
  private readonly session: SessionCookie;
  private readonly scheme: 'http' | 'https';
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly options: HostServerOptions,
    /** The port actually bound (differs from the option when that was 0). */
    readonly port: number,
    private readonly rendererRoot: string | null,
  ) {
    this.scheme = options.tls ? 'https' : 'http';
    this.allowedHosts = this.computeAllowedHosts();
    this.tokenDigest = options.token === null ? null : digest(options.token);
    this.session = new SessionCookie(port, this.scheme === 'https');
  }

  /**
   * Listens on the address and port of `options`; rejects when the port is taken, and before
   * binding anything when a network address lacks a token or (without `insecureHttp`) TLS.
   */
  static async start(options: HostServerOptions): Promise<HostServer> {
    if (!isLoopbackAddress(options.host)) {
      if (options.token === null) {
        throw new Error(`Refusing to serve ${options.host} without an access token.`);
      }
      if (!options.tls && options.insecureHttp !== true) {
        throw new Error(
          `Refusing to serve ${options.host} over plain HTTP: give a TLS certificate and key, ` +
            'or confirm that a TLS reverse proxy is in front.',
        );
      }
    }
    const rendererRoot = await realpath(options.rendererDir).catch(() => null);
    const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
    const server = createNodeServer(options.tls ?? null, limits);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const host = new HostServer(
      server,
      options,
      (server.address() as AddressInfo).port,
      rendererRoot,
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      host.handle(request, response).catch((error: unknown) => {
        console.error(`[rounds] ${request.method} ${request.url} failed`, error);
        if (response.headersSent) response.destroy();
        else host.sendText(response, 500, 'Rounds hit an unexpected problem.');
      });
    });
    return host;
  }

  /** The address to open in a browser, e.g. `http://127.0.0.1:4870/`. */
  get url(): string {
    const host = isWildcardAddress(this.options.host) ? '127.0.0.1' : hostForUrl(this.options.host);
    return `${this.scheme}://${host}:${this.port}/`;
  }

  /** The limits the server actually runs with, as Node reports them. */
  get connectionLimits(): Omit<HostConnectionLimits, 'checkIntervalMs'> {
    return {
      headersTimeoutMs: this.server.headersTimeout,
      requestTimeoutMs: this.server.requestTimeout,
      keepAliveTimeoutMs: this.server.keepAliveTimeout,
      maxConnections: this.server.maxConnections,
    };
  }

  /**
   * Ends event streams, stops accepting requests and resolves once every connection is closed;
   * a request still running after a grace period is cut off so shutdown cannot hang.
   */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve, reject) => {
      for (const stream of this.eventStreams) stream.end();
      const cutOff = setTimeout(() => this.server.closeAllConnections(), CLOSE_GRACE_MS);
      this.server.close((error) => {
        clearTimeout(cutOff);
        if (error) reject(error);
        else resolve();
      });
      this.server.closeIdleConnections();
    });
    return this.closing;
  }

  private computeAllowedHosts(): ReadonlySet<string> {
    const names = new Set([
      'localhost',
      '127.0.0.1',
      '[::1]',
      hostForUrl(this.options.host.toLowerCase()),
    ]);
    if (isWildcardAddress(this.options.host)) {
      // Listening everywhere (token required): accept this machine's own names and addresses.
      names.add(hostname().toLowerCase());
      for (const addresses of Object.values(networkInterfaces())) {
        for (const address of addresses ?? []) names.add(hostForUrl(address.address.toLowerCase()));
      }
    }
    // Over TLS, browsers reach the host by the names its certificate is for.
    if (this.options.tls)
      for (const name of namesInCertificate(this.options.tls.cert)) names.add(name);
    return new Set([...names].map((name) => `${name}:${this.port}`));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    // Read as a path even when it starts with `//`, which URL would take for a host name.
    const url = request.url?.startsWith('/')
      ? URL.parse(`http://rounds.invalid${request.url}`)
      : null;
    if (url === null) return this.sendText(response, 400, NOT_A_PATH_MESSAGE);
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
    // The user's files are checked like the API: another site's page may not fetch them either.
    const isUserFile = isAppFilePath(url.pathname);
    if (isApi || isUserFile) response.setHeader('Cache-Control', 'no-store');

    // A DNS-rebinding page reaches us under its own host name: refuse anything not addressed to us.
    if (!this.isAllowedHost(request.headers.host)) {
      return this.refuse(response, isApi, 403, 'This address is not served by Rounds.');
    }
    if ((isApi || isUserFile) && !this.isSameOrigin(request)) {
      return this.refuse(response, isApi, 403, 'Requests from other web sites are not accepted.');
    }
    if (this.tokenDigest !== null) {
      if (url.pathname === '/' && url.searchParams.has('token') && request.method === 'GET') {
        return this.acceptTokenVisit(response, url.searchParams.get('token') ?? '');
      }
      const access = this.checkAccess(request);
      if (access === 'malformed') {
        return this.refuse(
          response,
          isApi,
          400,
          'The Rounds session cookie in this browser is damaged. Open the address with ?token=<token> once more.',
        );
      }
      if (access !== 'valid') {
        return this.refuse(
          response,
          isApi,
          401,
          'This Rounds server needs its access token. Open the address with ?token=<token> once in this browser.',
        );
      }
    }

    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') return this.methodNotAllowed(response, 'GET');
      return this.openEventStream(response);
    }
    if (isApi) return this.handleMethodCall(request, response, url.pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return this.methodNotAllowed(response, 'GET, HEAD');
    if (isUserFile) return this.serveStoredFile(request, response, url.pathname);
    return this.serveStatic(request, response, url.pathname);
  }

  /** `/files/pdf/<sha256>` and `/files/images/<sha256>`: the library's PDFs and saved images. */
  private async serveStoredFile(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<void> {
    for (const [name, value] of Object.entries(STORED_PDF_HEADERS)) {
      response.setHeader(name, value);
    }
    const answer = await answerStoredFile(pathname, {
      pdfs: this.options.storedPdfs ?? null,
      images: this.options.storedImages ?? null,
    });
    if (answer.status !== 200) return this.sendText(response, answer.status, answer.message);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    response.writeHead(200, {
      'Content-Type': answer.contentType,
      'Content-Length': answer.bytes.byteLength,
    });
    response.end(request.method === 'HEAD' ? undefined : answer.bytes);
  }

  private isAllowedHost(header: string | undefined): boolean {
    if (!header) return false;
    const withPort = /:\d+$/.test(header) ? header : `${header}:80`;
    return this.allowedHosts.has(withPort.toLowerCase());
  }

  /** Browsers send Origin on cross-site requests; when present it must be this very server. */
  private isSameOrigin(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return (
      origin === undefined ||
      origin.toLowerCase() === `${this.scheme}://${request.headers.host ?? ''}`.toLowerCase()
    );
  }

  private tokenMatches(candidate: string): boolean {
    return this.tokenDigest !== null && timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  /** Scripts send the token itself as a Bearer header; browsers send this run's session cookie. */
  private checkAccess(request: IncomingMessage): 'valid' | 'malformed' | 'refused' {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      return this.tokenMatches(authorization.slice('Bearer '.length)) ? 'valid' : 'refused';
    }
    const session = this.session.check(request.headers.cookie);
    return session === 'valid' || session === 'malformed' ? session : 'refused';
  }

  /** `/?token=…`: hand out this run's session cookie, which the page's scripts cannot read, then drop the token from the address bar. */
  private acceptTokenVisit(response: ServerResponse, token: string): void {
    if (!this.tokenMatches(token))
      return this.sendText(response, 401, 'That access token is not right.');
    response.setHeader('Set-Cookie', this.session.setCookieHeader);
    response.setHeader('Location', '/');
    response.setHeader('Cache-Control', 'no-store');
    response.writeHead(303).end();
  }

  private async handleMethodCall(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ) {
    const route = METHOD_ROUTE.exec(pathname);
    const spec = route ? findContractMember(route[1]!, route[2]!) : undefined;
    if (!route || spec?.kind !== 'method') {
      return this.sendJson(
        response,
        404,
        fail('invalid-argument', `Rounds has no method at ${pathname}.`),
      );
    }
    if (request.method !== 'POST') return this.methodNotAllowed(response, 'POST');
    // Demanding JSON keeps plain cross-site forms out: a browser cannot send it without asking first.
    const contentType = request.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return this.sendJson(
        response,
        415,
        fail('invalid-argument', 'Send the arguments as application/json.'),
      );
    }
    const body = await readBodyWithin(request, spec.maxRequestBytes);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      const memberName = `${route[1]}.${route[2]}`;
      return this.refuseOversizedBody(request, response, memberName, spec.maxRequestBytes);
    }
    if (jsonTextNestsDeeperThan(body.text, MAX_JSON_NESTING)) {
      return this.sendJson(
        response,
        400,
        fail(
          'invalid-argument',
          `The request body is nested too deeply (more than ${MAX_JSON_NESTING} levels).`,
        ),
      );
    }
    let args: unknown;
    try {
      args = JSON.parse(body.text);
    } catch {
      args = undefined;
    }
    if (!Array.isArray(args)) {
      return this.sendJson(
        response,
        400,
        fail('invalid-argument', 'The request body must be a JSON array of arguments.'),
      );
    }
    const result = await invokeMember(this.options.backend, route[1]!, route[2]!, args);
    this.sendJson(response, 200, result);
  }

  /**
   * 413, written in full at once (before the body is read, when its declared length is too large),
   * then the connection closes once the client has finished sending.
   */
  private refuseOversizedBody(
    request: IncomingMessage,
    response: ServerResponse,
    memberName: string,
    limitBytes: number,
  ): void {
    const text = JSON.stringify(
      fail(
        'invalid-argument',
        `That request is larger than Rounds accepts for ${memberName} (${formatMegabytes(limitBytes)}).`,
      ),
    );
    response.writeHead(413, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      Connection: 'close',
    });
    response.write(text);
    endAfterDiscardingBody(request, response);
  }

  private openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // The connection carries this one stream; closing it with the stream lets shutdown finish.
      Connection: 'close',
    });
    response.write(': connected\n\n');
    this.eventStreams.add(response);
    const unsubscribe = subscribeAllEvents(this.options.backend, (member, payload) => {
      response.write(
        `event: ${member.serviceName}.${member.memberName}\ndata: ${JSON.stringify(payload)}\n\n`,
      );
    });
    const keepAlive = setInterval(
      () => response.write(': keep-alive\n\n'),
      this.options.keepAliveMs ?? DEFAULT_EVENT_KEEP_ALIVE_MS,
    );
    // The response's `close`, not the request's: a request "closes" as soon as its body is read.
    response.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      this.eventStreams.delete(response);
    });
  }

  private async serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string) {
    if (this.rendererRoot === null) {
      return this.sendText(
        response,
        404,
        'The Rounds interface has not been built yet: run `npm run build`, then start the host again.',
      );
    }
    const file = await this.resolveStaticFile(pathname === '/' ? '/index.html' : pathname);
    if (file === null) return this.sendText(response, 404, 'Not found.');
    const content = await readFile(file);
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Length': content.length,
      'Cache-Control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : content);
  }

  /**
   * Maps a URL path to a file inside the renderer folder, or null. Decoding happens once, here;
   * the result, symlinks resolved, must still lie inside the folder.
   */
  private async resolveStaticFile(pathname: string): Promise<string | null> {
    const root = this.rendererRoot;
    if (root === null) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const candidate = path.resolve(root, `.${decoded}`);
    if (!isInside(root, candidate)) return null;
    try {
      const real = await realpath(candidate);
      if (!isInside(root, real) || !(await stat(real)).isFile()) return null;
      return real;
    } catch {
      return null;
    }
  }

  private refuse(response: ServerResponse, isApi: boolean, status: number, message: string): void {
    if (isApi) this.sendJson(response, status, fail('internal', message));
    else this.sendText(response, status, message);
  }

  private methodNotAllowed(response: ServerResponse, allow: string): void {
    response.setHeader('Allow', allow);
    this.sendJson(response, 405, fail('invalid-argument', `Use ${allow} here.`));
  }

  private sendJson(response: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
    });
    response.end(text);
  }

  private sendText(response: ServerResponse, status: number, message: string): void {
    response.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(message),
    });
    response.end(message);
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}
