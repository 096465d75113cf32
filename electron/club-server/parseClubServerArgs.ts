// Command line of the club sync server. Nothing is started here (only the token and TLS files are
// read), so every rule (token required, loopback-only without TLS, limits) is unit-tested directly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import { isLoopbackAddress, MIN_TOKEN_LENGTH } from '../host/parseHostArgs';
import { readSecretFile } from '../host/readSecretFile';
import { parsePort, readServerCommandLine } from '../host/serverCommandLine';

export const DEFAULT_CLUB_PORT = 4871;
export const DEFAULT_CLUB_HOST = '127.0.0.1';
export const TOKEN_ENVIRONMENT_VARIABLE = 'ROUNDS_CLUB_TOKEN';

/** Limits that protect the server's memory and disk from one client or a typo. */
export interface ClubServerLimits {
  /** Largest WebSocket message accepted; a larger one closes its connection (code 1009). */
  maxMessageBytes: number;
  /** Documents the server holds (on disk or open); a new one beyond this is refused. */
  maxDocuments: number;
  /** Clients connected to one document at once; one more is refused. */
  maxConnectionsPerDocument: number;
}

export const DEFAULT_LIMITS: ClubServerLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxDocuments: 1000,
  maxConnectionsPerDocument: 64,
};

export interface ClubTlsCredentials {
  cert: Buffer;
  key: Buffer;
}

/** What the server runs with, after defaults and the environment were applied. */
export interface ClubServerOptions {
  port: number;
  host: string;
  dataDir: string;
  /** Every connection must present it. */
  token: string;
  /** wss with these; mandatory beyond the loopback. */
  tls: ClubTlsCredentials | null;
  limits: ClubServerLimits;
}

export type ClubServerCommand =
  | { kind: 'run'; options: ClubServerOptions }
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string };

export const CLUB_SERVER_USAGE = `Usage: npm run club-server -- --data-dir <dir> [options]

Runs the journal club's live sync server: members' Rounds connect to it and their session
documents merge through it. It keeps each session's document in <dir>.

Options:
  --data-dir <dir>                    Folder for the session documents (required)
  --port <n>                          Port to listen on (default ${DEFAULT_CLUB_PORT}; 0 picks a free port)
  --host <address>                    Address to listen on (default ${DEFAULT_CLUB_HOST}). Any other
                                      address requires --tls-cert and --tls-key.
  --token-file <file>                 File holding the access token, readable by you alone
                                      (chmod 600), or set ${TOKEN_ENVIRONMENT_VARIABLE}. At least
                                      ${MIN_TOKEN_LENGTH} characters.
  --tls-cert <file>                   Certificate (PEM) to serve wss:// with; needs --tls-key
  --tls-key <file>                    Its private key (PEM)
  --max-message-bytes <n>             Largest message accepted (default ${DEFAULT_LIMITS.maxMessageBytes})
  --max-documents <n>                 Documents the server holds (default ${DEFAULT_LIMITS.maxDocuments})
  --max-connections-per-document <n>  Clients per document at once (default ${DEFAULT_LIMITS.maxConnectionsPerDocument})
  -h, --help                          Show this help`;

/** The machine facts the options depend on. */
export interface ClubServerEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

type Checked<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Reads the command line and the environment into options, or says what is wrong. */
export function parseClubServerArgs(
  argv: readonly string[],
  environment: ClubServerEnvironment,
): ClubServerCommand {
  const commandLine = readServerCommandLine(argv, {
    'max-message-bytes': { type: 'string' },
    'max-documents': { type: 'string' },
    'max-connections-per-document': { type: 'string' },
  });
  if (!commandLine.ok) return { kind: 'usage-error', message: commandLine.message };
  if (commandLine.flag('help')) return { kind: 'help', text: CLUB_SERVER_USAGE };
  const { text } = commandLine;
  const usageError = (message: string): ClubServerCommand => ({ kind: 'usage-error', message });

  const portText = text('port') ?? String(DEFAULT_CLUB_PORT);
  const port = parsePort(portText);
  if (port === null)
    return usageError(`--port must be a number from 0 to 65535, not "${portText}".`);

  const dataDir = text('data-dir');
  if (dataDir === undefined || dataDir.trim() === '')
    return usageError('--data-dir is required: the folder where the server keeps the documents.');

  const host = (text('host') ?? DEFAULT_CLUB_HOST).trim();
  if (host === '') return usageError('--host needs an address, such as 127.0.0.1.');

  const token = readToken(text('token'), text('token-file'), environment);
  if (!token.ok) return usageError(token.message);

  const tls = readTls(text('tls-cert'), text('tls-key'));
  if (!tls.ok) return usageError(tls.message);
  if (tls.credentials === null && !isLoopbackAddress(host)) {
    return usageError(refusalToListenWithoutTls(host));
  }

  const limits = { ...DEFAULT_LIMITS };
  const limitFlags: [keyof ClubServerLimits, string][] = [
    ['maxMessageBytes', 'max-message-bytes'],
    ['maxDocuments', 'max-documents'],
    ['maxConnectionsPerDocument', 'max-connections-per-document'],
  ];
  for (const [limit, flag] of limitFlags) {
    const given = text(flag);
    if (given === undefined) continue;
    if (!/^[1-9]\d{0,9}$/.test(given))
      return usageError(`--${flag} must be a whole number above 0, not "${given}".`);
    limits[limit] = Number(given);
  }

  return {
    kind: 'run',
    options: {
      port,
      host,
      dataDir: path.resolve(dataDir),
      token: token.secret,
      tls: tls.credentials,
      limits,
    },
  };
}

/** Why the server will not listen on `host` without TLS (also said by the server itself). */
export function refusalToListenWithoutTls(host: string): string {
  return (
    `The club server will not listen on ${host} without TLS: the access token and every ` +
    'session document (appraisals, votes, the discussion) would cross the network unencrypted. ' +
    'Give it a certificate with --tls-cert <file> --tls-key <file>, or keep the default ' +
    `address ${DEFAULT_CLUB_HOST}.`
  );
}

/** The token from --token-file, else ROUNDS_CLUB_TOKEN; never from --token itself. */
function readToken(
  commandLineToken: string | undefined,
  tokenFile: string | undefined,
  environment: ClubServerEnvironment,
): Checked<{ secret: string }> {
  if (commandLineToken !== undefined) {
    return {
      ok: false,
      message:
        '--token would show the access token to every user of this machine in the process list. ' +
        `Set it in the environment variable ${TOKEN_ENVIRONMENT_VARIABLE}, or put it in a file ` +
        'only you can read (chmod 600) and pass --token-file <file>.',
    };
  }
  let secret = environment.env[TOKEN_ENVIRONMENT_VARIABLE] ?? '';
  if (tokenFile !== undefined) {
    const read = readSecretFile(path.resolve(tokenFile), environment.platform);
    if (!read.ok) return read;
    secret = read.secret;
  }
  if (secret === '') {
    return {
      ok: false,
      message:
        'The club server needs an access token that every member presents: put it in a file only ' +
        `you can read (chmod 600) and pass --token-file <file>, or set ${TOKEN_ENVIRONMENT_VARIABLE}.`,
    };
  }
  if (secret.length < MIN_TOKEN_LENGTH) {
    return {
      ok: false,
      message: `The access token must be at least ${MIN_TOKEN_LENGTH} characters long.`,
    };
  }
  return { ok: true, secret };
}

/** The certificate and key, checked to work together, or null when neither was given. */
function readTls(
  certFile: string | undefined,
  keyFile: string | undefined,
): Checked<{ credentials: ClubTlsCredentials | null }> {
  if (certFile === undefined && keyFile === undefined) return { ok: true, credentials: null };
  if (certFile === undefined || keyFile === undefined) {
    return {
      ok: false,
      message: '--tls-cert and --tls-key go together: give the certificate and its private key.',
    };
  }
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(path.resolve(certFile));
    key = readFileSync(path.resolve(keyFile));
    createSecureContext({ cert, key });
  } catch (error) {
    return {
      ok: false,
      message:
        `The TLS certificate and key (${certFile}, ${keyFile}) cannot be used: ` +
        `${error instanceof Error ? error.message : String(error)}. Both must be readable PEM ` +
        'files, and the key must be the certificate’s own.',
    };
  }
  return { ok: true, credentials: { cert, key } };
}
