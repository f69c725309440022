// A widget session that expires mid-journey loses nothing the patient typed when the page gives a
// `tokenProvider`, and otherwise ends on a screen with a way on.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  activate,
  enterFrenchNumber,
  mountChallenge,
  mountSetup,
  oneEvent,
  part,
  waitForScreen,
} from './harness/element.ts';
import {
  latestSmsCode,
  mintSession,
  signInSession,
  uniqueFrenchMobile,
} from './harness/partner.ts';

const realFetch = window.fetch;

/** The next widget request to `path` answers as the server does once the session expired. */
function expireOnNext(path: string) {
  window.fetch = async (input, init) => {
    if (String(input).endsWith(`/v1/widget${path}`)) {
      window.fetch = realFetch;
      return new Response(
        JSON.stringify({ error: { code: 'session_expired', message: 'Session expired.' } }),
        { status: 401, headers: { 'content-type': 'application/json' } },
      );
    }
    return realFetch(input, init);
  };
}

describe('an expired widget session', () => {
  afterEach(async () => {
    window.fetch = realFetch;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('setup: sends the code to the typed number with a fresh session from tokenProvider', async () => {
    const { element, session } = await mountSetup();
    let provided = 0;
    element.tokenProvider = async () => {
      provided++;
      return (await mintSession({ purpose: 'setup', userId: session.userId })).token;
    };
    await waitForScreen(element, 'intro');
    await activate('start-button');
    await waitForScreen(element, 'phone');
    const phone = uniqueFrenchMobile();
    await enterFrenchNumber(phone);
    expireOnNext('/phone');
    const expired = oneEvent(element, 'tfa-session-expired');
    await activate('send-code-button');
    await expired;
    await waitForScreen(element, 'code');
    expect(provided).to.equal(1);
    expect(part(element, 'text').textContent).to.contain(`${phone.slice(-2)}.`);
    expect(await latestSmsCode(phone)).to.match(/^\d{6}$/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`challenge: the expired screen has a button that tries again (${colorScheme})`, async () => {
      await emulateMedia({ colorScheme });
      const { userId, session } = await signInSession();
      let calls = 0;
      const element = await mountChallenge({ ...session, token: `wst_${'x'.repeat(43)}` });
      await waitForScreen(element, 'expired');
      const reload = part(element, 'reload-button');
      expect(reload.textContent?.trim()).to.equal('Reload the page');
      await expect(element).to.be.accessible();

      element.tokenProvider = async () => {
        calls++;
        return (await mintSession({ purpose: 'sign-in', userId })).token;
      };
      await activate('reload-button');
      await waitForScreen(element, 'sms-code');
      expect(calls).to.equal(1);
    });
  }
});
