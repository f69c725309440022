// A slow server, from the page's side: the first answer to one path waits until the test lets it
// through, or until the element aborts the request, as a real slow answer would.

/** Wraps the page's fetch: the first answer to a URL ending in `path` waits for `release()`. */
export function holdFirstAnswer(path: string) {
  const realFetch = window.fetch;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const calls: { settled: Promise<unknown> }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = realFetch(input, init);
    if (!String(input).endsWith(path)) return answer;
    const first = calls.length === 0;
    const held = first ? heldBack(answer, released, init?.signal) : answer;
    calls.push({ settled: held.catch(() => undefined) });
    return held;
  };
  return { calls, release, restore: () => (window.fetch = realFetch) };
}

/** `answer` once `released`, or the abort of `signal` first. */
async function heldBack(
  answer: Promise<Response>,
  released: Promise<void>,
  signal: AbortSignal | null | undefined,
) {
  // The real request is aborted by the same signal; its rejection is this one's to report.
  answer.catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    void released.then(resolve);
  });
  return answer;
}
