import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A running child process and the lines it printed so far. */
export interface TypeScriptChild {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the first printed line (past or future) that matches, or rejects on exit or timeout. */
  waitForLine(matches: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit signal once the process has ended. */
  exited: Promise<NodeJS.Signals | null>;
  /** Writes one line to the child's standard input, for children that take commands. */
  send(line: string): void;
}

/**
 * Runs a TypeScript file in a separate Node process (through tsx, with the project's path
 * aliases), so a test can kill a real process mid-work.
 */
export function spawnTypeScript(script: string, args: string[]): TypeScriptChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.node.json') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A child killed by the test closes its end of the pipe; a late write must not crash the test.
  child.stdin?.on('error', () => {});
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of [...listeners]) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.on('exit', (_code, signal) => {
      for (const listener of [...listeners]) listener();
      resolve(signal);
    });
  });

  function waitForLine(matches: (line: string) => boolean, timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`No matching line within ${timeoutMs} ms. stderr:\n${stderr}`)),
        timeoutMs,
      );
      const check = (): void => {
        const found = lines.find(matches);
        if (found !== undefined) finish(null, found);
        else if (child.exitCode !== null || child.signalCode !== null) {
          finish(new Error(`The child exited before printing the line. stderr:\n${stderr}`));
        }
      };
      function finish(error: Error | null, line?: string): void {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve(line ?? '');
      }
      listeners.add(check);
      check();
    });
  }

  function send(line: string): void {
    child.stdin?.write(`${line}\n`);
  }

  return { process: child, lines, waitForLine, exited, send };
}
