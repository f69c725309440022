// The step-up follows the tenant's methods setting: a user with a phone and an app who asks for
// text messages first, on a site that now offers only the app, steps up by the app (no text
// message is asked for, which the server would refuse) and offers no way back to the phone.
import { expect } from '@open-wc/testing';
import {
  activate,
  enterCode,
  hasPart,
  mountSetup,
  part,
  stepUpThrough,
  waitForScreen,
} from './harness/element.ts';
import { allowMethods, enrolledUser, uniqueFrenchMobile } from './harness/partner.ts';
import { codeOfStepBefore, totp } from './harness/totp.ts';

describe('the step-up and the tenant’s methods setting', () => {
  it('steps up by the app when the site no longer offers the preferred text message', async () => {
    // A tenant of its own: its setting changes in this test.
    const tenant = {
      tenant: `app-only-later-${Date.now()}`,
      settings: { methods: ['sms', 'totp'] },
    };
    const phone = uniqueFrenchMobile();
    const { userId } = await enrolledUser({ ...tenant, phone });
    const first = await mountSetup({ ...tenant, userId });
    await waitForScreen(first.element, 'manage');
    await stepUpThrough(first.element, 'add-app-button', phone);
    await waitForScreen(first.element, 'authenticator-app');
    const key = part(first.element, 'totp-key').textContent?.trim() ?? '';
    await enterCode(await codeOfStepBefore(key));
    await waitForScreen(first.element, 'manage');
    await activate('switch-preferred-button');
    for (let tries = 0; tries < 50; tries++) {
      if (part(first.element, 'preferred-setting').textContent?.includes('Text message')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(part(first.element, 'preferred-setting').textContent).to.contain('Text message');
    first.element.remove();

    await allowMethods(['totp'], tenant);
    const { element } = await mountSetup({ ...tenant, userId });
    await waitForScreen(element, 'manage');
    await activate('recovery-codes-button');
    await waitForScreen(element, 'step-up-app');
    expect(hasPart(element, 'use-another-method-button'), 'no way to the phone').to.equal(false);
    await enterCode(await totp(key));
    await waitForScreen(element, 'view-recovery-codes');
  });
});
