// `heading-level` fits the screens' headings into the page's outline.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../widget/index.ts';
import type { TwoFactorSetup } from '../../widget/two-factor-setup.ts';
import { part, waitForScreen } from './harness/element.ts';
import { enrolledUser, mintSession, uniqueFrenchMobile } from './harness/partner.ts';

function levels(element: TwoFactorSetup, name: string) {
  return [...(element.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])].map((node) =>
    node.getAttribute('aria-level'),
  );
}

describe('heading-level', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`puts the screen heading, and the settings' subheadings, at the level asked (${colorScheme})`, async () => {
      await emulateMedia({ colorScheme });
      const { userId } = await enrolledUser({ phone: uniqueFrenchMobile() });
      const session = await mintSession({ purpose: 'setup', userId });
      const element = await fixture<TwoFactorSetup>(
        html`<two-factor-setup
          server=${session.server}
          token=${session.token}
          locale="en"
          heading-level="3"
        ></two-factor-setup>`,
      );
      await waitForScreen(element, 'manage');
      // The screen's heading, then the sub-headings, which carry `heading` too (one heading style).
      expect(levels(element, 'heading')).to.deep.equal(['3', '4', '4']);
      expect(levels(element, 'subheading')).to.deep.equal(['4', '4']);
      await expect(element).to.be.accessible();
    });
  }

  it('is 2 unless asked', async () => {
    const session = await mintSession({ purpose: 'setup' });
    const element = await fixture<TwoFactorSetup>(
      html`<two-factor-setup server=${session.server} token=${session.token} locale="en"></two-factor-setup>`,
    );
    await waitForScreen(element, 'intro');
    expect(part(element, 'heading').getAttribute('aria-level')).to.equal('2');
  });
});
