// The command-line options every Rounds server shares (the host, the club sync server): where it
// listens, its data folder, its access token and its TLS files. Each server adds its own.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

const SHARED_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  // Accepted only to explain why it is refused: a token on the command line is seen by others.
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** The options as given, or why the command line cannot be read. */
export type ReadCommandLine =
  | {
      ok: true;
      /** A string option's value, or undefined when it was not given. */
      text: (name: string) => string | undefined;
      /** Whether a boolean option was given. */
      flag: (name: string) => boolean;
    }
  | { ok: false; message: string };

/** Reads `argv` with the shared options and `extra` ones; unknown options and positionals are refused. */
export function readServerCommandLine(argv: readonly string[], extra: Options): ReadCommandLine {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { ...SHARED_OPTIONS, ...extra },
    }));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  return {
    ok: true,
    text: (name) => (typeof values[name] === 'string' ? (values[name] as string) : undefined),
    flag: (name) => values[name] === true,
  };
}

/** A TCP port from 0 to 65535 as typed, or null. */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}
