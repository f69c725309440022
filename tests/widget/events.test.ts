// Each documented event fires exactly once per occasion, bubbling and composed, with its detail.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  activate,
  enterCode,
  enterFrenchNumber,
  mountChallenge,
  mountSetup,
  sendCodeByKeyboard,
  tabTo,
  waitForScreen,
} from './harness/element.ts';
import { recordEvents } from './harness/events.ts';
import {
  enrolledUser,
  latestSmsCode,
  mintSession,
  redeem,
  uniqueFrenchMobile,
} from './harness/partner.ts';

const masked = /^\+33 [•\s]+\d{2}$/;

describe('events', () => {
  let events: ReturnType<typeof recordEvents>;
  beforeEach(() => {
    events = recordEvents();
  });
  afterEach(() => events.stop());

  it('tfa-enabled: once, with the masked phone', async () => {
    const phone = uniqueFrenchMobile();
    const { element } = await mountSetup();
    await sendCodeByKeyboard(element, phone);
    await enterCode(await latestSmsCode(phone));
    await waitForScreen(element, 'new-recovery-codes');
    const [detail, ...more] = await events.of('tfa-enabled');
    expect(more).to.deep.equal([]);
    expect(Object.keys(detail ?? {})).to.deep.equal(['maskedPhone', 'method']);
    expect(detail?.method).to.equal('sms');
    expect(detail?.maskedPhone).to.match(masked).and.to.contain(phone.slice(-2));
    expect(events.seen.map((event) => event.name)).to.deep.equal(['tfa-enabled']);
  });

  it('tfa-phone-changed, tfa-recovery-codes-regenerated, tfa-disabled: once each', async function () {
    this.timeout(40_000);
    const phone = uniqueFrenchMobile();
    const newPhone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ phone });
    const { element } = await mountSetup({ userId });
    await waitForScreen(element, 'manage');
    await activate('change-phone-button');
    await waitForScreen(element, 'step-up');
    await enterCode(await latestSmsCode(phone));
    await waitForScreen(element, 'phone');
    await enterFrenchNumber(newPhone);
    await activate('send-code-button');
    await waitForScreen(element, 'code');
    await enterCode(await latestSmsCode(newPhone));
    await waitForScreen(element, 'phone-changed');
    const changed = await events.of('tfa-phone-changed');
    expect(changed).to.have.length(1);
    expect(Object.keys(changed[0] ?? {})).to.deep.equal(['maskedPhone']);
    expect(changed[0]?.maskedPhone).to.match(masked).and.to.contain(newPhone.slice(-2));

    await activate('done-button');
    await waitForScreen(element, 'manage');
    await activate('recovery-codes-button');
    await waitForScreen(element, 'view-recovery-codes');
    await activate('regenerate-button');
    await waitForScreen(element, 'new-recovery-codes');
    expect(await events.of('tfa-recovery-codes-regenerated')).to.deep.equal([{ count: 10 }]);
    await tabTo('saved-checkbox');
    await sendKeys({ press: 'Space' });
    await activate('continue-button');
    await waitForScreen(element, 'manage');

    await activate('disable-button');
    await waitForScreen(element, 'confirm-disable');
    await activate('confirm-disable-button');
    await waitForScreen(element, 'disabled');
    expect(await events.of('tfa-disabled')).to.deep.equal([{}]);
    expect(events.seen.map((event) => event.name)).to.deep.equal([
      'tfa-phone-changed',
      'tfa-recovery-codes-regenerated',
      'tfa-disabled',
    ]);
  });

  it('tfa-verified: once, with a result token the backend redeems', async () => {
    const phone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ phone });
    const element = await mountChallenge(await mintSession({ purpose: 'sign-in', userId }));
    await waitForScreen(element, 'sms-code');
    await enterCode(await latestSmsCode(phone));
    await waitForScreen(element, 'verified');
    const verified = await events.of('tfa-verified');
    expect(verified).to.have.length(1);
    expect(Object.keys(verified[0] ?? {}).sort()).to.deep.equal(['resultToken', 'via']);
    expect(verified[0]?.via).to.equal('code');
    expect((await redeem(verified[0]?.resultToken ?? '')).body.userId).to.equal(userId);
  });

  it('tfa-error: once per failed request, with the API code and a message', async () => {
    const phone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ phone });
    const element = await mountChallenge(await mintSession({ purpose: 'sign-in', userId }));
    await waitForScreen(element, 'sms-code');
    const right = await latestSmsCode(phone);
    await enterCode(right === '111111' ? '222222' : '111111');
    const errors = await events.of('tfa-error');
    expect(errors).to.have.length(1);
    expect(errors[0]?.code).to.equal('invalid_code');
    expect(errors[0]?.message).to.be.a('string').and.not.equal('');
    expect(Object.keys(errors[0] ?? {}).sort()).to.deep.equal(['code', 'message']);
  });

  it("the controls' events stay inside the element: none reaches the page", async () => {
    const reached: string[] = [];
    const names = ['tfa-country-change', 'tfa-phone-input', 'tfa-code-complete'] as const;
    const record = (event: Event) => reached.push(event.type);
    for (const name of names) document.addEventListener(name, record);
    try {
      const phone = uniqueFrenchMobile();
      const { element } = await mountSetup();
      await sendCodeByKeyboard(element, phone);
      await enterCode(await latestSmsCode(phone));
      await waitForScreen(element, 'new-recovery-codes');
      // The element heard them: the number and the completed code made it through.
      expect(await events.of('tfa-enabled')).to.have.length(1);
      expect(reached).to.deep.equal([]);
    } finally {
      for (const name of names) document.removeEventListener(name, record);
    }
  });

  it('tfa-session-expired: once, with tfa-error saying why', async () => {
    const { server } = await mintSession({ purpose: 'sign-in' });
    const element = await mountChallenge({ server, token: `wst_${'x'.repeat(43)}`, userId: '' });
    await waitForScreen(element, 'expired');
    expect(await events.of('tfa-session-expired')).to.deep.equal([{}]);
    const errors = await events.of('tfa-error');
    expect(errors.map((error) => error.code)).to.deep.equal(['unauthorized']);
  });
});
