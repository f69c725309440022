// What the closed picker shows and what its search says: the selected country's flag, name and
// whole dial code at desktop and phone widths, in light and dark; a country the site does not
// accept named as such, with those it does.
import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../widget/controls/phone-field.ts';
import type { TfaCountryPicker } from '../../../widget/controls/country-picker.ts';
import type { TfaPhoneField } from '../../../widget/controls/phone-field.ts';
import { translator } from '../../../widget/i18n/catalogue.ts';
import { en } from '../../../widget/i18n/en.ts';
import { fr } from '../../../widget/i18n/fr.ts';
import { mountControl } from '../harness/control-host.ts';

const shadow = (element: Element) => element.shadowRoot as ShadowRoot;

async function phoneField(country: string) {
  const field = await mountControl<TfaPhoneField>(
    html`<tfa-phone-field country=${country}></tfa-phone-field>`,
    'tfa-phone-field',
  );
  const picker = shadow(field).querySelector('tfa-country-picker') as TfaCountryPicker;
  await picker.updateComplete;
  return picker;
}

async function picker(countries: string, locale = 'en') {
  const element = await mountControl<TfaCountryPicker>(
    html`<tfa-country-picker value="FR" countries=${countries} locale=${locale}></tfa-country-picker>`,
    'tfa-country-picker',
  );
  if (locale === 'fr') element.t = translator({ ...en, ...fr });
  await element.updateComplete;
  return element;
}

async function search(element: TfaCountryPicker, text: string) {
  element.focus();
  await sendKeys({ type: text });
  await element.updateComplete;
  return shadow(element).querySelector('[role=status]')?.textContent?.trim();
}

/** `inner` lies wholly inside `outer`, to the pixel. */
function expectInside(inner: Element, outer: Element) {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  expect(a.width, 'is drawn').to.be.greaterThan(0);
  expect(a.left).to.be.at.least(Math.floor(b.left));
  expect(a.right).to.be.at.most(Math.ceil(b.right));
  expect(a.top).to.be.at.least(Math.floor(b.top));
  expect(a.bottom).to.be.at.most(Math.ceil(b.bottom));
}

describe('tfa-country-picker, closed and searched', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const width of [1280, 375]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`shows the flag, the name and the whole dial code at ${width} px, ${colorScheme}`, async () => {
        await setViewport({ width, height: 800 });
        await emulateMedia({ colorScheme });
        // The longest names of +1, +387 and +1: the dial code must never be cut.
        for (const [country, dialCode] of [
          ['US', '+1'],
          ['BA', '+387'],
          ['VC', '+1'],
        ] as const) {
          const element = await phoneField(country);
          const input = shadow(element).querySelector('input') as HTMLInputElement;
          const code = shadow(element).querySelector('.selected-dial-code') as HTMLElement;
          const flag = shadow(element).querySelector('.selected-flag') as HTMLElement;
          expect(code.textContent).to.equal(dialCode);
          expect(code.scrollWidth, `${country}: the code is not clipped`).to.be.at.most(
            code.clientWidth,
          );
          expectInside(code, input);
          expectInside(flag, input);
          // The name ends before the code: cut with an ellipsis if need be, never under it.
          expect(getComputedStyle(input).textOverflow).to.equal('ellipsis');
          const textEnd =
            input.getBoundingClientRect().right - parseFloat(getComputedStyle(input).paddingRight);
          expect(textEnd).to.be.at.most(code.getBoundingClientRect().left);
          expect(input.value).to.equal(
            new Intl.DisplayNames(['en'], { type: 'region' }).of(country),
          );
          await expect(element).to.be.accessible();
        }
      });
    }
  }

  it('names a country the site does not accept, and those it does', async () => {
    expect(await search(await picker('FR BE CH'), 'Germ')).to.equal(
      'Germany is not accepted here. Accepted: Belgium, France, and Switzerland',
    );
    // By dial code too.
    expect(await search(await picker('FR BE CH'), '+49')).to.equal(
      'Germany is not accepted here. Accepted: Belgium, France, and Switzerland',
    );
    // Many: the first ones, and the list shows them all.
    expect(await search(await picker('FR BE CH LU MC IT'), 'Germ')).to.equal(
      'Germany is not accepted here. Accepted: Belgium, France, Italy…',
    );
    // Nothing of the kind anywhere: no country matches.
    expect(await search(await picker('FR BE CH'), 'zzz')).to.equal(en.countryNoMatch);
    const french = await picker('FR BE CH', 'fr');
    expect(await search(french, 'Allem')).to.equal(
      'Allemagne : pays non accepté ici. Pays acceptés : Belgique, France et Suisse',
    );
    await expect(french).to.be.accessible();
  });
});
