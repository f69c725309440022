import autocannon from 'autocannon';
import { cpuSplit } from './cpu-split.ts';

export const CONNECTIONS = 50;

export interface LoadRequest {
  path: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  total: number;
  statuses: Record<string, number>;
  /** BENCH_CPU=1: CPU µs per request, by process. */
  cpu?: Record<string, number>;
}

/** `amount` requests at 50 connections; `request(i)` builds the i-th (each its own code, etc.). */
export async function load(
  base: string,
  amount: number,
  request: (i: number) => LoadRequest,
): Promise<LoadResult> {
  let next = 0;
  // From the first request sent to the last answer: autocannon's own clock ticks in whole seconds,
  // and it notices the end of a run only at its next tick.
  let first = 0;
  let last = 0;
  const { result, cpu } = await cpuSplit(
    () => next,
    () =>
      autocannon({
        url: base,
        connections: CONNECTIONS,
        amount,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              first ||= performance.now();
              const { path, method, headers = {}, body } = request(next++);
              return { ...req, path, method, headers, body };
            },
            onResponse: () => {
              last = performance.now();
            },
          },
        ],
      }),
  );
  const seconds = (last - first) / 1000;
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = stat?.count ?? 0;
  }
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    total: result.requests.total,
    statuses,
    cpu,
  };
}
