// `npm test` itself, run for real on a throwaway copy of its scripts: every tool it calls is a
// stand-in on PATH that passes, fails or writes the report it is told to, so no build or suite
// actually runs. What CI relies on is checked: the closing line, the exit code and the build stamp.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const CLOSING_LINE = /^\d+ passed, \d+ failed, \d+ skipped$/;

/** How each stand-in behaves, read by the fake `npx` from the environment. */
interface Behaviour {
  /** `electron-vite build` exits 1. */
  buildFails?: boolean;
  /** vitest exits 1 before writing any report, as a crash would. */
  unitCrashes?: boolean;
  /** vitest writes a report that is not JSON. */
  unitReportCorrupt?: boolean;
}

// The fake npx: gates pass; vitest and playwright write small reports where they are told to.
const FAKE_NPX = `
import { writeFileSync } from 'node:fs';
const [tool, ...args] = process.argv.slice(2);
const env = process.env;
if (tool === 'electron-vite') process.exit(env.FAKE_BUILD_FAILS ? 1 : 0);
if (tool === 'vitest') {
  if (env.FAKE_UNIT_CRASHES) process.exit(1);
  const report = args.find((arg) => arg.startsWith('--outputFile.json=')).split('=')[1];
  writeFileSync(report, env.FAKE_UNIT_REPORT_CORRUPT ? '{"numPassedTests": 3,' : JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numPendingTests: 1 }));
  process.exit(0);
}
if (tool === 'playwright') {
  writeFileSync(env.PLAYWRIGHT_JSON_OUTPUT_FILE, JSON.stringify({ stats: { expected: 2, unexpected: 0, skipped: 0 } }));
  process.exit(0);
}
process.exit(0);
`;

const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project folder holding the real test scripts and nothing else; `out/` only when asked. */
function throwawayProject({ withOut }: { withOut: boolean }): string {
  const root = mkdtempSync(join(tmpdir(), 'rounds-test-script-'));
  roots.push(root);
  mkdirSync(join(root, 'scripts'));
  for (const file of ['test.mjs', 'build-if-needed.mjs']) {
    copyFileSync(join(scriptsDir, file), join(root, 'scripts', file));
  }
  writeFileSync(join(root, 'scripts', 'electronegativity-gate.mjs'), 'process.exit(0);\n');
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npx'), `#!${process.execPath}\n${FAKE_NPX}`);
  chmodSync(join(bin, 'npx'), 0o755);
  if (withOut) mkdirSync(join(root, 'out'));
  return root;
}

function runTestScript(root: string, behaviour: Behaviour = {}) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'test.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(root, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      FAKE_BUILD_FAILS: behaviour.buildFails ? '1' : '',
      FAKE_UNIT_CRASHES: behaviour.unitCrashes ? '1' : '',
      FAKE_UNIT_REPORT_CORRUPT: behaviour.unitReportCorrupt ? '1' : '',
    },
  });
  const lines = result.stdout.trim().split('\n');
  return {
    exitCode: result.status,
    closingLine: lines.at(-1) ?? '',
    output: `${result.stdout}\n${result.stderr}`,
    stampWritten: existsSync(join(root, 'out', '.build-stamp')),
  };
}

describe('npm test (scripts/test.mjs)', { timeout: 60_000 }, () => {
  it('totals gates and suites in one closing line, exits 0 and stamps a successful build', () => {
    const run = runTestScript(throwawayProject({ withOut: true }));

    expect(run.closingLine, run.output).toBe('12 passed, 0 failed, 1 skipped');
    expect(run.exitCode).toBe(0);
    expect(run.stampWritten).toBe(true);
  });

  it('does not stamp a failed build, still runs the suites and ends with the closing line', () => {
    const root = throwawayProject({ withOut: true });
    writeFileSync(join(root, 'out', '.build-stamp'), 'from an earlier, good build');

    const run = runTestScript(root, { buildFails: true });

    expect(run.closingLine, run.output).toBe('11 passed, 1 failed, 1 skipped');
    expect(run.output).toContain('Failed: build');
    expect(run.exitCode).toBe(1);
    // The stamp of the earlier build would vouch for the output this build left half written.
    expect(run.stampWritten).toBe(false);
  });

  it('ends with the closing line when a build fails before creating out/', () => {
    const run = runTestScript(throwawayProject({ withOut: false }), { buildFails: true });

    expect(run.closingLine, run.output).toBe('11 passed, 1 failed, 1 skipped');
    expect(run.exitCode).toBe(1);
    expect(run.stampWritten).toBe(false);
  });

  it('counts a suite that crashes before writing its report as one failure', () => {
    const run = runTestScript(throwawayProject({ withOut: true }), { unitCrashes: true });

    expect(run.closingLine, run.output).toBe('9 passed, 1 failed, 0 skipped');
    expect(run.output).toContain('Failed: unit');
    expect(run.exitCode).toBe(1);
  });

  it('counts a report it cannot read as a failure of that suite and still ends with the closing line', () => {
    const run = runTestScript(throwawayProject({ withOut: true }), { unitReportCorrupt: true });

    expect(run.closingLine, run.output).toMatch(CLOSING_LINE);
    expect(run.closingLine).toBe('9 passed, 1 failed, 0 skipped');
    expect(run.output).toMatch(/Failed: unit \(could not read its report: .+\)/);
    expect(run.exitCode).toBe(1);
  });
});
