/**
 * `npm test`: the whole suite.
 *   1. unit and API tests on SQLite;
 *   2. the same on PostgreSQL when TEST_DATABASE_URL is set (each test file creates its own database);
 *   3. browser journeys in Chromium (the web app is built first when it is not built yet).
 * Options: --only=unit (steps 1–2) or --only=browser (step 3).
 * Without Chromium, step 3 is skipped with a note, except in CI (CI=true), where that fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const ci = process.env.CI === 'true' || process.env.CI === '1';
const tapDir = mkdtempSync(path.join(tmpdir(), 'pavilion-tap-'));
// Every test file is a process that loads the server's TypeScript, and many start more (the CLI, a
// server, the crash test's restarts): Node's compile cache keeps what it stripped and compiled, keyed
// by each source's content, so only the first process pays for it (about 3 s of CPU per test file).
process.env.NODE_COMPILE_CACHE ||= path.join(tmpdir(), 'pavilion-compile-cache');

const unitAndApi = ['packages/*/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'];
const dbTests = ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'];
const browser = ['tests/browser/**/*.test.ts'];

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const phases: string[] = [];

function runPhase(name: string, patterns: string[], env: Record<string, string>, concurrency: number): void {
  console.log(`\n=== ${name} ===`);
  const started = performance.now();
  const tap = path.join(tapDir, `${phases.length}.tap`);
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...patterns,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const phase = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (result.status !== 0 && phase.failed === 0) phase.failed = 1; // a crash outside any test
  totals.passed += phase.passed;
  totals.failed += phase.failed;
  totals.skipped += phase.skipped;
  phases.push(`${name}: ${phase.passed} passed, ${phase.failed} failed in ${Math.round((performance.now() - started) / 1000)} s`);
}

if (only !== 'browser') {
  runPhase('unit and API tests on SQLite', unitAndApi, { TEST_DB: 'sqlite' }, 2);
  if (process.env.TEST_DATABASE_URL) {
    runPhase('database tests on PostgreSQL', dbTests, { TEST_DB: 'postgres' }, 2);
  } else {
    phases.push('PostgreSQL: not run (set TEST_DATABASE_URL=postgres://… to run the database tests on it too)');
  }
}

if (only !== 'unit') {
  const chromium = findChromium();
  if (!chromium) {
    const note = 'browser tests: no Chromium found (install Debian\'s chromium, or set CHROMIUM_PATH)';
    if (ci) {
      console.error(`\n${note}: failing, because CI must run them`);
      totals.failed += 1;
    }
    phases.push(`${note}: skipped`);
  } else {
    if (!existsSync(path.join(root, 'packages/web/dist/index.html'))) {
      console.log('\nBuilding the web app for the browser tests…');
      const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) totals.failed += 1;
    }
    // Two at a time: a journey keeps about one core busy (its server, Chromium and the test itself, measured
    // 190 s of CPU over 194 s for the seven files one by one), each on its own server and browser.
    runPhase('browser journeys in Chromium', browser, { CHROMIUM_PATH: chromium }, 2);
  }
}

rmSync(tapDir, { recursive: true, force: true });
// The seeded templates' folders of this run (their PostgreSQL databases go with the run's prefix).
const seedPrefix = `pavilion-seed-${process.env.TEST_DATABASE_PREFIX || 'pavilion_test'}_s`;
for (const name of readdirSync(tmpdir())) if (name.startsWith(seedPrefix)) rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
console.log(`\n${phases.join('\n')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
