// `npm test`: every gate and every test suite, then one closing line `N passed, N failed, N skipped`
// that totals them all (CI reads it). Static gates count as one test each. Whatever fails — a gate,
// a suite that crashes, an unreadable report, this script itself — the run still goes on to the
// closing line and exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from './build-if-needed.mjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(projectRoot, '.tmp', 'test-reports');
const buildStamp = join(projectRoot, BUILD_STAMP);

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs a subset
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function selected(name) {
  return only.length === 0 || only.includes(name);
}

function recordFailure(label) {
  totals.failed += 1;
  failures.push(label);
}

function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) console.error(`  could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

/** One pass or one failure; `afterPass` runs only when the command succeeded. */
function gate(name, command, args, afterPass = () => undefined) {
  if (!selected(name)) return;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  try {
    if (!run(command, args)) return recordFailure(name);
    afterPass();
    totals.passed += 1;
  } catch (error) {
    recordFailure(`${name} (${reason(error)})`);
  }
}

/** Reads the suite's report; a crash before any report, or a report unread, is one failure. */
function suite(name, command, args, reportFile, count, env = {}) {
  if (!selected(name)) return;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const exitedCleanly = run(command, args, env);
  let counted = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(reportFile)) {
    try {
      counted = count(JSON.parse(readFileSync(reportFile, 'utf8')));
    } catch (error) {
      console.log(`  ${name}: could not read its report (${reason(error)})`);
      return recordFailure(`${name} (could not read its report: ${reason(error)})`);
    }
  }
  if (!exitedCleanly && counted.failed === 0) counted.failed = 1;
  if (counted.failed > 0) failures.push(name);
  if (counted.passed + counted.failed === 0) {
    counted.failed = 1;
    failures.push(`${name} (ran no test)`);
  }
  totals.passed += counted.passed;
  totals.failed += counted.failed;
  totals.skipped += counted.skipped;
  console.log(
    `  ${name}: ${counted.passed} passed, ${counted.failed} failed, ${counted.skipped} skipped`,
  );
}

function runEverything() {
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });

  gate('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
  gate('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
  gate('typecheck-shared', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']);
  gate('typecheck-node', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
  gate('typecheck-web', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
  // The stamp vouches for a complete build (scripts/build-if-needed.mjs and the e2e setup trust
  // it), so it goes before building and comes back only once the build has succeeded.
  if (selected('build')) rmSync(buildStamp, { force: true });
  gate('build', 'npx', ['electron-vite', 'build'], () =>
    writeFileSync(buildStamp, new Date().toISOString()),
  );
  gate('electronegativity', 'node', ['scripts/electronegativity-gate.mjs']);

  const vitestReport = join(reportDir, 'vitest.json');
  suite(
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    vitestReport,
    (report) => ({
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    }),
  );

  const playwrightReport = join(reportDir, 'playwright.json');
  suite(
    'e2e',
    'npx',
    ['playwright', 'test'],
    playwrightReport,
    (report) => ({
      passed: (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0),
      failed: report.stats?.unexpected ?? 0,
      skipped: report.stats?.skipped ?? 0,
    }),
    { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
  );
}

try {
  runEverything();
} catch (error) {
  console.error(error);
  recordFailure(`the test script itself (${reason(error)})`);
} finally {
  if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}
