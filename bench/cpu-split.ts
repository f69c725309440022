import { readdir, readFile } from 'node:fs/promises';

const TICKS_PER_SECOND = 100;

/** Which part of the run a process is: the PostgreSQL server, a bench server by its script, or this load. */
async function labelOf(pid: string, comm: string): Promise<string | undefined> {
  if (pid === String(process.pid)) return 'load';
  if (comm === 'postgres') return 'postgres';
  if (comm !== 'node' && !comm.startsWith('MainThread')) return undefined;
  const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const script = args.find((arg) => /\.(ts|js|mjs)$/.test(arg));
  return script ? script.split('/').slice(-2).join('/') : undefined;
}

/** CPU ticks so far of every process this run cares about, by process id. */
async function ticksByProcess() {
  const ticks = new Map<string, { label: string; ticks: number }>();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!stat) continue;
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const label = await labelOf(pid, comm);
    if (!label) continue;
    // utime and stime (fields 14 and 15 of the line, 12 and 13 after the command's name).
    ticks.set(pid, { label, ticks: Number(fields[11]) + Number(fields[12]) });
  }
  return ticks;
}

/**
 * BENCH_CPU=1: where a target's CPU time went, in µs per request by process. A process that
 * ended during the run (a PostgreSQL backend) takes its ticks with it, so figures are a floor.
 */
export async function cpuSplit<T>(requests: () => number, run: () => Promise<T>) {
  if (!process.env.BENCH_CPU) return { result: await run(), cpu: undefined };
  const before = await ticksByProcess();
  const result = await run();
  const after = await ticksByProcess();
  const count = requests();
  const spent = new Map<string, number>();
  for (const [pid, { label, ticks }] of after) {
    spent.set(label, (spent.get(label) ?? 0) + ticks - (before.get(pid)?.ticks ?? 0));
  }
  const cpu: Record<string, number> = {};
  for (const [label, ticks] of spent) {
    if (ticks > 0) cpu[label] = Math.round(((ticks / TICKS_PER_SECOND) * 1e6) / count);
  }
  return { result, cpu };
}
