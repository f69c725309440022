// A new token starts a new load of the session; an older load's answer must never land after it.
// The page's fetch holds the first `/session` answer back until the second one has been shown.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import { errorText, part, screenOf, waitForScreen } from './harness/element.ts';
import { recordEvents } from './harness/events.ts';
import { mintSession } from './harness/partner.ts';

/** Wraps the page's fetch: the first `/v1/widget/session` answer waits for `release()`. */
function holdFirstSessionAnswer() {
  const realFetch = window.fetch;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const calls: { settled: Promise<unknown> }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = realFetch(input, init);
    if (!String(input).endsWith('/v1/widget/session')) return answer;
    const first = calls.length === 0;
    const held = first ? heldBack(answer, released, init?.signal) : answer;
    calls.push({ settled: held.catch(() => undefined) });
    return held;
  };
  return { calls, release, restore: () => (window.fetch = realFetch) };
}

/** `answer` once `released`, or the abort of `signal` first, as a slow server's fetch would. */
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

describe('session loads', () => {
  let fetchHold: ReturnType<typeof holdFirstSessionAnswer> | undefined;
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => {
    fetchHold?.restore();
    events.stop();
  });

  it("a newer token's session wins over an older answer that lands after it", async () => {
    // Both users have two-factor off; the sessions speak French, then German.
    const first = await mintSession({ purpose: 'setup', locale: 'fr' });
    const second = await mintSession({ purpose: 'setup', locale: 'de' });
    fetchHold = holdFirstSessionAnswer();
    const { calls } = fetchHold;
    const element = await fixture<TwoFactorSetup>(
      html`<two-factor-setup server=${first.server} token=${first.token} locale="en"></two-factor-setup>`,
    );
    await waitUntil(() => calls.length === 1, 'the first session load has started');
    element.token = second.token;
    await waitForScreen(element, 'intro');
    expect(calls).to.have.length(2);
    expect(part(element, 'base').getAttribute('lang')).to.equal('de');
    const heading = part(element, 'heading').textContent;

    fetchHold.release();
    await calls[0]?.settled;
    // Time for the older answer to be drawn, were it still wanted.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await element.updateComplete;
    expect(screenOf(element)).to.equal('intro');
    expect(part(element, 'base').getAttribute('lang')).to.equal('de');
    expect(part(element, 'heading').textContent).to.equal(heading);
    expect(errorText(element)).to.equal('');
    expect(element.shadowRoot?.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(await events.of('tfa-error')).to.deep.equal([]);
  });
});
