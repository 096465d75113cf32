// `npm test`: every gate and every test suite, then one closing line `N passed, N failed` that
// totals them all (CI reads it). Static gates count as one test each. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(projectRoot, '.tmp', 'test-reports');
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs a subset
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function gate(name, command, args) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const passed = run(command, args);
  if (passed) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
}

function suite(name, command, args, reportFile, count, env = {}) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const exitedCleanly = run(command, args, env);
  let counted = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(reportFile)) counted = count(JSON.parse(readFileSync(reportFile, 'utf8')));
  // A crash before any report is still a failure, counted once.
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

gate('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
gate('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
gate('typecheck-shared', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.shared.json']);
gate('typecheck-node', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
gate('typecheck-web', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
gate('build', 'npx', ['electron-vite', 'build']);
if (only.length === 0 || only.includes('build'))
  writeFileSync(join(projectRoot, 'out/.build-stamp'), new Date().toISOString());
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

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
