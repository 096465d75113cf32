// Static Electron security gate. Electronegativity exits 0 even when it finds problems, so this
// script reads its SARIF output and fails on any finding not accepted, with a reason, in
// tools/electronegativity/allowlist.json. It lives in its own folder because it pins an old
// TypeScript that must not leak into the app's toolchain.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(projectRoot, 'tools', 'electronegativity');
const binary = join(toolDir, 'node_modules', '.bin', 'electronegativity');
const sarifFile = join(projectRoot, '.tmp', 'electronegativity.sarif');

if (!existsSync(binary)) {
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], {
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    console.error('Could not install Electronegativity into tools/electronegativity.');
    process.exit(1);
  }
}

mkdirSync(dirname(sarifFile), { recursive: true });
rmSync(sarifFile, { force: true });
// The source of the main process, the preload and the renderer page: what Electronegativity's
// checks are written for. The electron version is given because it cannot read it from source.
const electronVersion = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))
  .devDependencies.electron;
const scan = spawnSync(
  binary,
  ['-i', projectRoot, '-o', sarifFile, '-r', '-v', 'false', '-e', electronVersion],
  { cwd: toolDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (!existsSync(sarifFile)) {
  console.error('Electronegativity produced no report:\n', scan.stdout, scan.stderr);
  process.exit(1);
}

/** @type {{ check: string, file: string, reason: string }[]} */
const allowlist = JSON.parse(readFileSync(join(toolDir, 'allowlist.json'), 'utf8'));
const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
const results = sarif.runs.flatMap((run) => run.results ?? []);

const IGNORED_DIRS = [
  'node_modules/',
  'out/',
  'tools/',
  '.tmp/',
  'test-results/',
  'playwright-report/',
];
const findings = results
  .map((result) => {
    const location = result.locations?.[0]?.physicalLocation;
    const uri = decodeURIComponent(location?.artifactLocation?.uri ?? '');
    // Global checks (e.g. "no CSP anywhere") point at the root URI rather than a file.
    const file =
      uri === '' || uri === 'file:///'
        ? '(global)'
        : uri.startsWith('file://')
          ? relative(projectRoot, fileURLToPath(uri))
          : uri;
    return {
      check: result.ruleId,
      file: file.replace(/\\/g, '/').replace(/^\.\//, ''),
      line: location?.region?.startLine ?? 0,
      message: result.message?.text ?? '',
    };
  })
  .filter((finding) => !IGNORED_DIRS.some((dir) => finding.file.startsWith(dir)));

const unaccepted = findings.filter(
  (finding) =>
    !allowlist.some(
      (entry) =>
        entry.check === finding.check && entry.file === finding.file && entry.reason.trim() !== '',
    ),
);

for (const finding of findings) {
  const accepted = !unaccepted.includes(finding);
  console.log(
    `${accepted ? 'accepted' : 'FINDING '} ${finding.check} ${finding.file}:${finding.line}`,
  );
}
if (unaccepted.length > 0) {
  console.error(
    `Electronegativity: ${unaccepted.length} finding(s) not in tools/electronegativity/allowlist.json. Fix them, or list each with a reviewed reason.`,
  );
  process.exit(1);
}
console.log(`Electronegativity: ${findings.length} finding(s), all reviewed in the allow-list.`);
