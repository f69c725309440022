import type { LoadResult } from './load.ts';
import { median } from './stats.ts';

export interface Round {
  order: string[];
  results: Record<string, LoadResult>;
}

const ONE_QUERY = 'one query (SELECT 1)';
const WRITE = 'one write transaction';
const PEER = 'better-auth verify-otp';

/** Each ratio: a name, how it is computed from one round, and its target. */
const RATIOS: [string, (r: Round['results']) => number, string][] = [];
const rps = (r: Round['results'], name: string) => r[name]?.rps ?? Number.NaN;
const p99 = (r: Round['results'], name: string) => r[name]?.p99 ?? Number.NaN;
for (const verify of ['verify, enrolment', 'verify, sign-in']) {
  RATIOS.push(
    [`${verify} ÷ write floor (req/s)`, (r) => rps(r, verify) / rps(r, WRITE), '≥ 0.5'],
    [`${verify} p99 ÷ write floor p99`, (r) => p99(r, verify) / p99(r, WRITE), '≤ 3'],
    [`${verify} ÷ better-auth (req/s)`, (r) => rps(r, verify) / rps(r, PEER), '≥ 3'],
    [`${verify} ÷ one-query floor (req/s)`, (r) => rps(r, verify) / rps(r, ONE_QUERY), ''],
    [`${verify} p99 ÷ one-query floor p99`, (r) => p99(r, verify) / p99(r, ONE_QUERY), ''],
  );
}
for (const send of ['send, window ≈0', 'send, window 100k', 'send, sign-in']) {
  RATIOS.push(
    [`${send} ÷ write floor (req/s)`, (r) => rps(r, send) / rps(r, WRITE), '≥ 0.25'],
    [`${send} ÷ one-query floor (req/s)`, (r) => rps(r, send) / rps(r, ONE_QUERY), ''],
  );
}
RATIOS.push(
  [
    'send, window 100k ÷ send, window ≈0 (req/s)',
    (r) => rps(r, 'send, window 100k') / rps(r, 'send, window ≈0'),
    '0.8 – 1.2',
  ],
  ['session mint ÷ write floor (req/s)', (r) => rps(r, 'session mint') / rps(r, WRITE), ''],
  ['session mint ÷ one-query floor (req/s)', (r) => rps(r, 'session mint') / rps(r, ONE_QUERY), ''],
);

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

export function printRound(index: number, round: Round) {
  console.log(`\nRound ${index} (in this order)`);
  console.log('| target | req/s | p50 ms | p99 ms | 2xx / total | other answers |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const name of round.order) {
    const r = round.results[name] as LoadResult;
    const other = Object.entries(r.statuses)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, n]) => `${code}×${n}`)
      .join(' ');
    console.log(
      `| ${name} | ${fixed(r.rps, 0)} | ${r.p50} | ${r.p99} | ${r.ok} / ${r.total} | ${other} |`,
    );
  }
  printCpu(round);
}

/** BENCH_CPU=1: each target's CPU µs per request, by process. */
function printCpu(round: Round) {
  const labels = [
    ...new Set(round.order.flatMap((name) => Object.keys(round.results[name]?.cpu ?? {}))),
  ];
  if (labels.length === 0) return;
  console.log(`\nCPU µs per request\n| target | ${labels.join(' | ')} | all |`);
  console.log(`|---|${labels.map(() => '---:|').join('')}---:|`);
  for (const name of round.order) {
    const cpu = round.results[name]?.cpu ?? {};
    const all = Object.values(cpu).reduce((sum, us) => sum + us, 0);
    console.log(`| ${name} | ${labels.map((label) => cpu[label] ?? 0).join(' | ')} | ${all} |`);
  }
}

export function printSummary(rounds: Round[]) {
  const names = rounds[0]?.order ?? [];
  console.log(`\nMedian of ${rounds.length} rounds`);
  console.log('| target | req/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  for (const name of [...names].sort()) {
    const of = (pick: (r: LoadResult) => number) =>
      median(rounds.map((round) => pick(round.results[name] as LoadResult)));
    console.log(
      `| ${name} | ${fixed(
        of((r) => r.rps),
        0,
      )} | ${of((r) => r.p50)} | ${of((r) => r.p99)} |`,
    );
  }
  console.log('\nRatios (each round, then the median of the rounds)');
  console.log(
    `| ratio | target | ${rounds.map((_, i) => `round ${i + 1}`).join(' | ')} | median |`,
  );
  console.log(`|---|---|${rounds.map(() => '---:|').join('')}---:|`);
  for (const [name, compute, goal] of RATIOS) {
    const values = rounds.map((round) => compute(round.results));
    console.log(
      `| ${name} | ${goal} | ${values.map((v) => fixed(v)).join(' | ')} | ${fixed(median(values))} |`,
    );
  }
}
