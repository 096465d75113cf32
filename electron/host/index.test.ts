// The host as a user or a script starts it: a real process on a real temp data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY_LINE = /^Rounds is running at (http:\/\/127\.0\.0\.1:\d+\/)$/;

interface HostProcess {
  child: ChildProcess;
  stdoutLines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs electron/host/index.ts from source (tsx, with the node tsconfig for the @shared alias). */
function startHostProcess(args: string[]): HostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/index.ts', ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: 'tsconfig.node.json',
      ROUNDS_HOST_TOKEN: '',
      ROUNDS_DATA_DIR: '',
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

async function waitForReady(host: HostProcess): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const match = host.stdoutLines.map((line) => READY_LINE.exec(line)).find(Boolean);
    if (match) return match[1]!;
    if (host.child.exitCode !== null) throw new Error(`The host exited early:\n${host.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The host never said it was ready:\n${host.stderr()}`);
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
