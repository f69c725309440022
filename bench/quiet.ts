import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

async function cpuTimes() {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0] as string;
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const [, , , idle = 0, iowait = 0] = ticks;
  return { idle: idle + iowait, total: ticks.reduce((sum, n) => sum + n, 0) };
}

/**
 * Waits, at most `maxMs`, until the machine's processors are mostly idle over a quarter second, so
 * each target starts on a quiet machine and not in the tail of what ran before it (a peer's
 * background work, autovacuum after a bulk of writes). Without /proc/stat, returns at once.
 */
export async function untilQuiet({ idleShare = 0.85, maxMs = 10_000 } = {}) {
  let before = await cpuTimes().catch(() => undefined);
  if (!before) return;
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(250);
    const now = await cpuTimes();
    const idle = (now.idle - before.idle) / Math.max(1, now.total - before.total);
    before = now;
    if (idle >= idleShare) return;
  }
}
