// The host as a user or a script starts it: a real process on a real temp data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, opensslAvailable } from './testing/selfSignedCertificate';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_LINE = /^Rounds is running at (https?:\/\/127\.0\.0\.1:\d+\/)$/;
const token = 'a-long-enough-token-for-tests';

interface HostProcess {
  child: ChildProcess;
  stdoutLines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs electron/host/index.ts from source (tsx, with the node tsconfig for the @shared alias). */
function startHostProcess(args: string[], env: Record<string, string> = {}): HostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/index.ts', ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tsconfig.node.json',
      ROUNDS_HOST_TOKEN: '',
      ROUNDS_DATA_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => stdoutLines.push(line));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, stdoutLines, stderr: () => stderr, exited };
}

/** The address the host prints once it listens; rejects if the host exits before saying it. */
function waitForReady(host: HostProcess): Promise<string> {
  const readyUrl = (line: string) => READY_LINE.exec(line)?.[1];
  return new Promise((resolve, reject) => {
    const printed = host.stdoutLines.map(readyUrl).find(Boolean);
    if (printed) return resolve(printed);
    if (host.child.exitCode !== null) {
      return reject(new Error(`The host exited early:\n${host.stderr()}`));
    }
    const lines = createInterface({ input: host.child.stdout! });
    lines.on('line', (line) => {
      const url = readyUrl(line);
      if (url) {
        lines.close();
        resolve(url);
      }
    });
    host.child.once('exit', () => reject(new Error(`The host exited early:\n${host.stderr()}`)));
  });
}

let dataDir: string;
const running: HostProcess[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'rounds-host-data-'));
});

afterEach(async () => {
  for (const host of running.splice(0)) {
    if (host.child.exitCode === null) host.child.kill('SIGKILL');
    await host.exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('the host process', () => {
  it('refuses a network address without a token, with exit code 2', async () => {
    const host = startHostProcess(['--host', '0.0.0.0', '--data-dir', dataDir]);
    running.push(host);
    expect(await host.exited).toBe(2);
    expect(host.stderr()).toMatch(/without an access token/);
    expect(host.stdoutLines).toEqual([]);
  });

  it('refuses a token given on the command line, with exit code 2', async () => {
    const host = startHostProcess(['--port', '0', '--data-dir', dataDir, '--token', token]);
    running.push(host);
    // Fails fast if the host starts instead of refusing.
    const outcome = await Promise.race([
      host.exited,
      waitForReady(host).then(
        () => 'started',
        () => 'exited',
      ),
    ]);
    expect(outcome).toBe(2);
    expect(host.stderr()).toMatch(/ROUNDS_HOST_TOKEN.*--token-file/s);
    expect(host.stderr()).not.toContain(token);
  });

  it('refuses plain HTTP on a network address, with exit code 2', async () => {
    // A documentation address (192.0.2.0/24): the refusal must come before any attempt to bind.
    const host = startHostProcess(['--host', '192.0.2.10', '--port', '0', '--data-dir', dataDir], {
      ROUNDS_HOST_TOKEN: token,
    });
    running.push(host);
    expect(await host.exited).toBe(2);
    expect(host.stderr()).toMatch(/--tls-cert <file> --tls-key <file>.*--insecure-http/s);
  });

  it.skipIf(!opensslAvailable)('serves https when given a certificate and key', async () => {
    const certificate = await createSelfSignedCertificate(dataDir);
    const host = startHostProcess([
      '--port',
      '0',
      '--data-dir',
      join(dataDir, 'library'),
      '--tls-cert',
      certificate.certFile,
      '--tls-key',
      certificate.keyFile,
    ]);
    running.push(host);
    const url = await waitForReady(host);
    expect(url).toMatch(/^https:/);
    const page = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      httpsGet(url, { ca: certificate.cert, servername: 'localhost' }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      }).on('error', reject);
    });
    // Run from source, the host has no built interface beside it, and says so over https.
    expect(page).toEqual({ status: 404, body: expect.stringContaining('npm run build') });
  });

  it('prints one ready line, serves the backend, and exits 0 on SIGTERM', async () => {
    const host = startHostProcess(['--port', '0', '--data-dir', dataDir]);
    running.push(host);
    const url = await waitForReady(host);
    const response = await fetch(new URL('/api/app.info', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { runtime: 'host', dataDir } });
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(host.stdoutLines.filter((line) => READY_LINE.test(line))).toHaveLength(1);
  });

  it('exits 3 with a clear message when another host owns the data folder', async () => {
    const first = startHostProcess(['--port', '0', '--data-dir', dataDir]);
    running.push(first);
    await waitForReady(first);
    const second = startHostProcess(['--port', '0', '--data-dir', dataDir]);
    running.push(second);
    expect(await second.exited).toBe(3);
    expect(second.stderr()).toMatch(/already using the data folder/);
  });
});
