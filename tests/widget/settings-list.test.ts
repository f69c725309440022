// The manage screen as a settings list: each method and fact on a row with its action at the end,
// one heading style (a page's rule on ::part(heading) reaches the sub-headings), no row wider
// than a 320 px element, the masked number on one line at 375 px (also in Arabic), and the
// disable button quiet (outlined, not a red block), in light and dark, axe-clean.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { mountSetup, part, waitForScreen } from './harness/element.ts';
import { enrolledUser, uniqueFrenchMobile } from './harness/partner.ts';

const pageStyle = document.createElement('style');
pageStyle.textContent = 'two-factor-setup::part(heading) { font-family: Georgia, serif; }';

async function manageScreen(width: number, locale = 'en') {
  const { userId } = await enrolledUser({ phone: uniqueFrenchMobile() });
  const { element } = await mountSetup({ userId, locale });
  element.style.width = `${width}px`;
  await waitForScreen(element, 'manage');
  return element;
}

function all(element: HTMLElement, name: string) {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

describe('the manage screen, a settings list', () => {
  before(() => document.head.append(pageStyle));
  after(() => pageStyle.remove());

  for (const colorScheme of ['light', 'dark'] as const) {
    describe(`in ${colorScheme} mode`, () => {
      beforeEach(() => emulateMedia({ colorScheme }));
      afterEach(() => emulateMedia({ colorScheme: 'light' }));

      it('gives the sub-headings the heading’s font, smaller', async () => {
        const element = await manageScreen(600);
        const heading = getComputedStyle(part(element, 'heading'));
        const subheadings = all(element, 'subheading');
        expect(subheadings.length).to.be.greaterThan(0);
        for (const subheading of subheadings) {
          const style = getComputedStyle(subheading);
          expect(style.fontFamily).to.equal(heading.fontFamily);
          expect(Number.parseFloat(style.fontSize)).to.be.lessThan(
            Number.parseFloat(heading.fontSize),
          );
        }
        await expect(element).to.be.accessible();
      });

      it('keeps "Disable" quiet: outlined in the danger colour, not filled, not full width', async () => {
        const element = await manageScreen(600);
        const disable = part(element, 'disable-button');
        const style = getComputedStyle(disable);
        const danger = getComputedStyle(element).getPropertyValue('--tfa-color-danger').trim();
        const probe = document.createElement('span');
        probe.style.color = danger;
        document.body.append(probe);
        const dangerRgb = getComputedStyle(probe).color;
        probe.remove();
        expect(style.backgroundColor).to.not.equal(dangerRgb);
        expect(style.color).to.equal(dangerRgb);
        expect(style.borderTopColor).to.equal(dangerRgb);
        const base = part(element, 'base').getBoundingClientRect();
        expect(disable.getBoundingClientRect().width).to.be.lessThan(base.width * 0.9);
        // It comes last, below every setting.
        const rows = all(element, 'setting');
        const lastRow = rows[rows.length - 1];
        expect(lastRow?.getBoundingClientRect().bottom).to.be.at.most(
          disable.getBoundingClientRect().top,
        );
      });
    });
  }

  it('puts each fact on a row with its action at the end, no button repeating its row', async () => {
    const element = await manageScreen(600);
    const phoneRow = part(element, 'phone-setting');
    expect(part(element, 'setting-label').textContent?.trim()).to.equal('Text message');
    const change = part(element, 'change-phone-button');
    expect(phoneRow.contains(change)).to.equal(true);
    expect(change.getBoundingClientRect().right).to.be.closeTo(
      phoneRow.getBoundingClientRect().right,
      1,
    );
    expect(part(element, 'recovery-setting').textContent).to.match(/10 left/);
    for (const row of all(element, 'setting')) {
      const label = row.querySelector('[part~="setting-label"]')?.textContent?.trim() ?? '';
      for (const button of row.querySelectorAll('button'))
        expect(button.textContent?.trim(), label).to.not.equal(label);
    }
    expect(part(element, 'trusted-browsers-button').textContent?.trim()).to.equal('Manage');
  });

  it('keeps every row within a 320 px element', async () => {
    const element = await manageScreen(320);
    await expect(element).to.be.accessible();
    for (const row of all(element, 'setting')) {
      const box = row.getBoundingClientRect();
      expect(row.scrollWidth, row.getAttribute('part') ?? '').to.be.at.most(row.clientWidth);
      for (const button of row.querySelectorAll('button')) {
        const inner = button.getBoundingClientRect();
        expect(inner.left).to.be.at.least(box.left - 0.5);
        expect(inner.right).to.be.at.most(box.right + 0.5);
      }
    }
  });

  for (const locale of ['en', 'ar']) {
    it(`keeps the masked number on one line at 375 px (${locale})`, async () => {
      const element = await manageScreen(375, locale);
      const phone = part(element, 'masked-phone');
      expect(phone.textContent).to.match(/^\+33 /);
      expect(phone.getClientRects().length).to.equal(1);
      expect(getComputedStyle(phone).direction).to.equal('ltr');
      await expect(element).to.be.accessible();
    });
  }
});
