// A new token starts a new load of the session; an older answer, of the session or of a request
// made on a screen left since, must never land after it. The page's fetch holds the first answer
// back until the new session's screen has been shown.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import {
  enterCode,
  errorText,
  part,
  screenOf,
  sendCodeByKeyboard,
  waitForScreen,
} from './harness/element.ts';
import { recordEvents } from './harness/events.ts';
import { holdFirstAnswer } from './harness/held-answers.ts';
import { latestSmsCode, mintSession, uniqueFrenchMobile } from './harness/partner.ts';

describe('session loads', () => {
  let fetchHold: ReturnType<typeof holdFirstAnswer> | undefined;
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
    fetchHold = holdFirstAnswer('/v1/widget/session');
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

  it("a code checked on the old session's screen does not land on the new session", async () => {
    const first = await mintSession({ purpose: 'setup' });
    const second = await mintSession({ purpose: 'setup' });
    const element = await fixture<TwoFactorSetup>(
      html`<two-factor-setup server=${first.server} token=${first.token} locale="en"></two-factor-setup>`,
    );
    const phone = uniqueFrenchMobile();
    await sendCodeByKeyboard(element, phone);
    fetchHold = holdFirstAnswer('/v1/widget/phone/verify');
    const { calls } = fetchHold;
    await enterCode(await latestSmsCode(phone));
    await waitUntil(() => calls.length === 1, 'the code is being checked');

    element.token = second.token;
    await waitForScreen(element, 'intro');
    fetchHold.release();
    await calls[0]?.settled;
    // Time for the older answer to be drawn, were it still wanted.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await element.updateComplete;
    expect(screenOf(element)).to.equal('intro');
    expect(element.shadowRoot?.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(await events.of('tfa-enabled')).to.deep.equal([]);
    expect(await events.of('tfa-error')).to.deep.equal([]);
  });
});
