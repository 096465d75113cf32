/**
 * The built host (`node out/main/host.js`) started as its own process on a data folder, as a
 * user starts it: its API called over loopback HTTP and its memory read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A contract call's answer, as the host sends it. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** Resident memory of a process, in megabytes. */
export interface MemoryReading {
  /** Resident now (VmRSS). */
  residentMb: number;
  /** Highest resident since start or since {@link HostProcess.resetPeakMemory} (VmHWM). */
  peakMb: number;
}

// The host prints exactly this once it listens (electron/host/index.ts); tests wait for it too.
const LISTENING_LINE = /^Rounds is running at (\S+)/;

/** A running host process. */
export class HostProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** The address it serves, ending with `/`. */
    readonly url: string,
    private readonly exited: Promise<number | null>,
  ) {}

  /**
   * Spawns the host on `dataDir` with a free port and resolves once it prints its address.
   * Rejects with the host's own error output if it exits first.
   */
  static async start(hostScript: string, dataDir: string): Promise<HostProcess> {
    const child = spawn(process.execPath, [hostScript, '--data-dir', dataDir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const errors: string[] = [];
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      errors.push(chunk);
      // ROUNDS_BENCH_HOST_STDERR=1 passes the host's own messages through, for profiling.
      if (process.env.ROUNDS_BENCH_HOST_STDERR) process.stderr.write(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      lines.on('line', (line) => {
        const match = LISTENING_LINE.exec(line);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      void exited.then((code) =>
        reject(new Error(`The host exited (code ${code}) before listening:\n${errors.join('')}`)),
      );
    });
    return new HostProcess(child, url, exited);
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('The host process has no pid');
    return this.child.pid;
  }

  /** `POST /api/<member>` with the arguments, as the renderer's HTTP client does. */
  async call<T>(member: string, ...args: unknown[]): Promise<HostResult<T>> {
    const response = await fetch(new URL(`api/${member}`, this.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    if (!response.ok) throw new Error(`${member} answered HTTP ${response.status}`);
    return (await response.json()) as HostResult<T>;
  }

  /** Like {@link call}, but an expected failure is an error: the benchmark cannot go on. */
  async expect<T>(member: string, ...args: unknown[]): Promise<T> {
    const result = await this.call<T>(member, ...args);
    if (!result.ok) throw new Error(`${member} failed (${result.code}): ${result.message}`);
    return result.value;
  }

  memory(): MemoryReading {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const megabytes = (field: string) => {
      const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
      if (kilobytes === undefined) throw new Error(`/proc/${this.pid}/status has no ${field}`);
      return Number(kilobytes) / 1024;
    };
    return { residentMb: megabytes('VmRSS'), peakMb: megabytes('VmHWM') };
  }

  /**
   * Starts the peak (VmHWM) again from the current resident size, so the next reading is the peak
   * of what follows alone. False where the kernel does not allow it.
   */
  resetPeakMemory(): boolean {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  /** Asks the host to stop as Ctrl+C does (it flushes its writes) and waits until it has. */
  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    const code = await this.exited;
    if (code !== 0) throw new Error(`The host exited with code ${code} when asked to stop`);
  }
}
