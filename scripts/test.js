// `npm test`: the server, build and demo tests through node's test runner, then the elements'
// tests in Chromium through @web/test-runner, then the browser journeys through the demo clinic
// (tests/e2e, one at a time: they share one stack), then one line with the true total of all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = 'tests/.cache/results';
const BROWSER_DIRS = new Set(['widget', 'e2e']);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return BROWSER_DIRS.has(entry.name) ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function run(args) {
  return spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  }).status;
}

function counts(path, status) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // The runner died before it could report: count that as one failure.
    return { passed: 0, failed: status === 0 ? 0 : 1 };
  }
}

console.log(`Node ${process.version}`);
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const nodeStatus = run([
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/count-reporter.js',
  `--test-reporter-destination=${RESULTS}/node.json`,
  ...testFiles('tests').sort(),
]);

const browserStatus = run([
  '--import',
  'tsx',
  'node_modules/@web/test-runner/dist/bin.js',
  '--config',
  'web-test-runner.config.mjs',
]);

const e2eStatus = run([
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/count-reporter.js',
  `--test-reporter-destination=${RESULTS}/e2e.json`,
  ...readdirSync('tests/e2e')
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join('tests/e2e', name)),
]);

const totals = [
  counts(`${RESULTS}/node.json`, nodeStatus),
  counts(`${RESULTS}/widget.json`, browserStatus),
  counts(`${RESULTS}/e2e.json`, e2eStatus),
];
const passed = totals.reduce((sum, total) => sum + total.passed, 0);
const failed = totals.reduce((sum, total) => sum + total.failed, 0);
const ok = nodeStatus === 0 && browserStatus === 0 && e2eStatus === 0 && failed === 0;
console.log(`\n${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`);
process.exit(ok ? 0 : 1);
