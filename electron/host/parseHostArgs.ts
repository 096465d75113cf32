// Command line of the host: where to listen, which data folder, which access token, TLS. Nothing is
// started here (only the token and TLS files are read), so every rule (defaults, loopback-only
// without a token, TLS beyond the loopback) is unit-tested directly.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import type { BackendOptions } from '../main/composeBackend';
import type { HostTlsCredentials } from './createNodeServer';
import { readSecretFile } from './readSecretFile';
import { parsePort, readServerCommandLine } from './serverCommandLine';

export const DEFAULT_PORT = 4870;
export const DEFAULT_HOST = '127.0.0.1';
/** Shorter tokens can be guessed by anyone on the network who can try a few million times. */
export const MIN_TOKEN_LENGTH = 16;

/** What the host runs with, after defaults and the environment were applied. */
export interface HostOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Required by every request when set; mandatory for a non-loopback address. */
  token: string | null;
  /** Serve https with these; mandatory for a non-loopback address unless `insecureHttp`. */
  tls: HostTlsCredentials | null;
  /** Plain HTTP on a non-loopback address: the user confirmed a TLS reverse proxy is in front. */
  insecureHttp: boolean;
  /** Feeds on private addresses may be fetched whatever the address the host listens on. */
  allowPrivateFeeds: boolean;
  /** Folder of the built renderer; null means next to the built host (out/renderer). */
  rendererDir: string | null;
}

/** What the command line asks for; `warnings` are to be shown at start, on stderr. */
export type HostCommand =
  | { kind: 'run'; options: HostOptions; warnings: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string };

/** The machine facts the defaults depend on. */
export interface HostEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
}

export const HOST_USAGE = `Usage: node out/main/host.js [options]

Runs Rounds' backend in plain Node and serves the app to a browser.

Options:
  --port <n>             Port to listen on (default ${DEFAULT_PORT}; 0 picks any free port)
  --host <address>       Address to listen on (default ${DEFAULT_HOST}). Any address other than
                         the loopback requires an access token and TLS (or --insecure-http).
  --data-dir <dir>       Library folder (or ROUNDS_DATA_DIR; default: the desktop app's folder)
  --token-file <file>    File holding the access token, readable by you alone (chmod 600), or
                         set ROUNDS_HOST_TOKEN. At least ${MIN_TOKEN_LENGTH} characters. Browsers open
                         https://<address>:<port>/?token=<token> once.
  --tls-cert <file>      Certificate (PEM) to serve https with; needs --tls-key
  --tls-key <file>       Its private key (PEM)
  --insecure-http        Serve plain HTTP beyond the loopback: only behind a TLS reverse proxy
  --allow-private-feeds  Fetch feeds on private network addresses even when listening beyond
                         the loopback (loopback hosts fetch those the user typed)
  --renderer-dir <dir>   Built interface to serve (default: out/renderer next to this script)
  -h, --help             Show this help`;

/**
 * The folder Electron uses as `userData` for an app named Rounds, so the host and the desktop
 * app open the same library by default.
 */
export function defaultDataDir({ env, platform, homeDir }: HostEnvironment): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(homeDir, 'AppData', 'Roaming'), 'Rounds');
  }
  if (platform === 'darwin')
    return path.posix.join(homeDir, 'Library', 'Application Support', 'Rounds');
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(homeDir, '.config'), 'Rounds');
}

/** True for addresses only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) === 6) return address === '::1' || address.startsWith('::ffff:127.');
  return false;
}

/**
 * Which private-address feeds the backend may fetch: a host only this machine reaches fetches
 * those the user typed; one others can reach refuses them, unless `--allow-private-feeds`.
 */
export function privateFeedPolicy(
  options: Pick<HostOptions, 'host' | 'allowPrivateFeeds'>,
): BackendOptions['privateFeeds'] {
  if (options.allowPrivateFeeds) return 'allowed';
  return isLoopbackAddress(options.host) ? 'when-typed' : 'refused';
}

/** Reads the command line and the environment into options, or says what is wrong. */
export function parseHostArgs(argv: readonly string[], environment: HostEnvironment): HostCommand {
  const commandLine = readServerCommandLine(argv, {
    'insecure-http': { type: 'boolean' },
    'allow-private-feeds': { type: 'boolean' },
    'renderer-dir': { type: 'string' },
  });
  if (!commandLine.ok) return { kind: 'usage-error', message: commandLine.message };
  if (commandLine.flag('help')) return { kind: 'help', text: HOST_USAGE };
  const { text } = commandLine;

  const port = parsePort(text('port') ?? String(DEFAULT_PORT));
  if (port === null)
    return {
      kind: 'usage-error',
      message: `--port must be a number from 0 to 65535, not "${text('port')}".`,
    };

  const host = (text('host') ?? DEFAULT_HOST).trim();
  if (host === '')
    return { kind: 'usage-error', message: '--host needs an address, such as 127.0.0.1.' };

  const token = readToken(text('token'), text('token-file'), environment);
  if (!token.ok) return { kind: 'usage-error', message: token.message };
  if (token.secret === null && !isLoopbackAddress(host)) {
    return {
      kind: 'usage-error',
      message:
        `Rounds will not listen on ${host} without an access token: anyone who can reach this machine ` +
        `could read and change the library. Set ROUNDS_HOST_TOKEN or pass --token-file <file> ` +
        `(at least ${MIN_TOKEN_LENGTH} characters), or keep the default address 127.0.0.1.`,
    };
  }

  const transport = chooseTransport(
    host,
    text('tls-cert'),
    text('tls-key'),
    commandLine.flag('insecure-http'),
  );
  if (!transport.ok) return { kind: 'usage-error', message: transport.message };

  const dataDir =
    text('data-dir') || environment.env.ROUNDS_DATA_DIR || defaultDataDir(environment);
  const rendererDir = text('renderer-dir');
  return {
    kind: 'run',
    warnings: transport.warnings,
    options: {
      port,
      host,
      dataDir: path.resolve(dataDir),
      token: token.secret,
      tls: transport.tls,
      insecureHttp: transport.insecureHttp,
      allowPrivateFeeds: commandLine.flag('allow-private-feeds'),
      rendererDir: rendererDir ? path.resolve(rendererDir) : null,
    },
  };
}

type Checked<T> = ({ ok: true } & T) | { ok: false; message: string };

/** The token from --token-file, else ROUNDS_HOST_TOKEN; never from --token itself. */
function readToken(
  commandLineToken: string | undefined,
  tokenFile: string | undefined,
  environment: HostEnvironment,
): Checked<{ secret: string | null }> {
  if (commandLineToken !== undefined) {
    return {
      ok: false,
      message:
        '--token would show the access token to every user of this machine in the process list. ' +
        'Set it in the environment variable ROUNDS_HOST_TOKEN, or put it in a file only you can ' +
        'read (chmod 600) and pass --token-file <file>.',
    };
  }
  let secret = environment.env.ROUNDS_HOST_TOKEN ?? '';
  if (tokenFile !== undefined) {
    const read = readSecretFile(path.resolve(tokenFile), environment.platform);
    if (!read.ok) return read;
    secret = read.secret;
  }
  if (secret !== '' && secret.length < MIN_TOKEN_LENGTH) {
    return {
      ok: false,
      message: `The access token must be at least ${MIN_TOKEN_LENGTH} characters long.`,
    };
  }
  return { ok: true, secret: secret === '' ? null : secret };
}

/** https with the given certificate, or plain HTTP where that is safe or explicitly confirmed. */
function chooseTransport(
  host: string,
  certFile: string | undefined,
  keyFile: string | undefined,
  insecureHttp: boolean,
): Checked<{ tls: HostTlsCredentials | null; insecureHttp: boolean; warnings: string[] }> {
  const tls = readTls(certFile, keyFile);
  if (!tls.ok) return tls;
  if (tls.credentials !== null) {
    return insecureHttp
      ? {
          ok: false,
          message: 'Choose either TLS or --insecure-http: a certificate and key mean https.',
        }
      : { ok: true, tls: tls.credentials, insecureHttp, warnings: [] };
  }
  if (isLoopbackAddress(host)) return { ok: true, tls: null, insecureHttp, warnings: [] };
  if (!insecureHttp) {
    return {
      ok: false,
      message:
        `Rounds will not serve ${host} over plain HTTP: the access token and the library would ` +
        'cross the network unencrypted. Give it a certificate with --tls-cert <file> --tls-key <file>, ' +
        'or, behind a TLS reverse proxy, confirm with --insecure-http.',
    };
  }
  const warning =
    `Rounds serves plain HTTP on ${host} (--insecure-http): anyone on the network path can ` +
    'read the access token and the library. A TLS reverse proxy is required in front of it, ' +
    'and browsers must reach Rounds only through that proxy.';
  return { ok: true, tls: null, insecureHttp, warnings: [warning] };
}

/** The certificate and key, checked to work together, or null when neither was given. */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
): Checked<{ credentials: HostTlsCredentials | null }> {
  if (certFile === undefined && keyFile === undefined) return { ok: true, credentials: null };
  if (certFile === undefined || keyFile === undefined) {
    return {
      ok: false,
      message: '--tls-cert and --tls-key go together: give the certificate and its private key.',
    };
  }
  const cert = readFileOrReason(certFile, 'TLS certificate');
  if (!cert.ok) return cert;
  const key = readFileOrReason(keyFile, 'TLS key');
  if (!key.ok) return key;
  try {
    createSecureContext({ cert: cert.content, key: key.content });
  } catch (error) {
    return {
      ok: false,
      message:
        `The TLS certificate and key (${certFile}, ${keyFile}) cannot be used: ` +
        `${error instanceof Error ? error.message : String(error)}. Both must be PEM files, ` +
        'and the key must be the certificate’s own.',
    };
  }
  return { ok: true, credentials: { cert: cert.content, key: key.content } };
}

function readFileOrReason(file: string, what: string): Checked<{ content: Buffer }> {
  try {
    return { ok: true, content: readFileSync(path.resolve(file)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Rounds could not read the ${what} ${file}: ${detail}` };
  }
}
