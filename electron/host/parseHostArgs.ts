// Command line of the host: where to listen, which data folder, which access token. Pure, so every
// rule (defaults, loopback-only without a token) is unit-tested without starting anything.
import { isIP } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

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
  /** Folder of the built renderer; null means next to the built host (out/renderer). */
  rendererDir: string | null;
}

/** What the command line asks for. */
export type HostCommand =
  | { kind: 'run'; options: HostOptions }
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
  --port <n>          Port to listen on (default ${DEFAULT_PORT}; 0 picks any free port)
  --host <address>    Address to listen on (default ${DEFAULT_HOST}). Any address other than
                      the loopback requires an access token.
  --data-dir <dir>    Library folder (or ROUNDS_DATA_DIR; default: the desktop app's folder)
  --token <secret>    Access token, at least ${MIN_TOKEN_LENGTH} characters (or ROUNDS_HOST_TOKEN).
                      Browsers open http://<address>:<port>/?token=<secret> once.
  --renderer-dir <dir> Built interface to serve (default: out/renderer next to this script)
  -h, --help          Show this help`;

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

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** Reads the command line and the environment into options, or says what is wrong. */
export function parseHostArgs(argv: readonly string[], environment: HostEnvironment): HostCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        token: { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: 'help', text: HOST_USAGE };

  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;

  const port = parsePort(text('port') ?? String(DEFAULT_PORT));
  if (port === null)
    return {
      kind: 'usage-error',
      message: `--port must be a number from 0 to 65535, not "${text('port')}".`,
    };

  const host = (text('host') ?? DEFAULT_HOST).trim();
  if (host === '')
    return { kind: 'usage-error', message: '--host needs an address, such as 127.0.0.1.' };

  const token = text('token') ?? environment.env.ROUNDS_HOST_TOKEN ?? '';
  if (token !== '' && token.length < MIN_TOKEN_LENGTH) {
    return {
      kind: 'usage-error',
      message: `The access token must be at least ${MIN_TOKEN_LENGTH} characters long.`,
    };
  }
  if (token === '' && !isLoopbackAddress(host)) {
    return {
      kind: 'usage-error',
      message:
        `Rounds will not listen on ${host} without an access token: anyone who can reach this machine ` +
        `could read and change the library. Pass --token <secret> (at least ${MIN_TOKEN_LENGTH} characters) ` +
        'or set ROUNDS_HOST_TOKEN, or keep the default address 127.0.0.1.',
    };
  }

  const dataDir =
    text('data-dir') || environment.env.ROUNDS_DATA_DIR || defaultDataDir(environment);
  const rendererDir = text('renderer-dir');
  return {
    kind: 'run',
    options: {
      port,
      host,
      dataDir: path.resolve(dataDir),
      token: token === '' ? null : token,
      rendererDir: rendererDir ? path.resolve(rendererDir) : null,
    },
  };
}
