// Writes the browser tests' counts to a file, so `npm test` can end with one true total.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter } from '@web/test-runner';

interface Suite {
  suites: Suite[];
  tests: { passed: boolean; skipped: boolean }[];
}

function count(
  suite: Suite | undefined,
  totals: { passed: number; failed: number; skipped: number },
) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) count(child, totals);
}

export function countingReporter(path: string): Reporter {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.passed + totals.failed;
        count(session.testResults as Suite | undefined, totals);
        // A file that failed to load or run has errors but no test results: count it as a failure.
        if (!session.passed && totals.passed + totals.failed === before) totals.failed++;
        else if (!session.passed && session.errors.length > 0) totals.failed++;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(totals));
    },
  };
}
