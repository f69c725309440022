import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import {
  COUNTRY_PICKER_PARTS,
  searchCountries,
  type TfaCountryPicker,
} from '../../../widget/controls/country-picker.ts';
import { translator } from '../../../widget/i18n/catalogue.ts';
import { en } from '../../../widget/i18n/en.ts';
import { countryList } from '../../../widget/phone/countries.ts';
import { mountControl } from '../harness/control-host.ts';

async function picker(template: TemplateResult) {
  const element = await mountControl<TfaCountryPicker>(template, 'tfa-country-picker');
  return element;
}

const shadow = (element: TfaCountryPicker) => element.shadowRoot as ShadowRoot;
const input = (element: TfaCountryPicker) =>
  shadow(element).querySelector('input') as HTMLInputElement;
const listbox = (element: TfaCountryPicker) =>
  shadow(element).querySelector('[role=listbox]') as HTMLElement;
const options = (element: TfaCountryPicker) => [
  ...shadow(element).querySelectorAll<HTMLElement>('[role=option]'),
];
const optionCodes = (element: TfaCountryPicker) =>
  options(element).map((option) => option.id.replace('option-', ''));
/** The closed picker's text: the selected country's name, then its dial code. */
const shown = (element: TfaCountryPicker) =>
  [input(element).value, shadow(element).querySelector('.selected-dial-code')?.textContent]
    .filter(Boolean)
    .join(' ');
const activeOption = (element: TfaCountryPicker) => {
  const id = input(element).getAttribute('aria-activedescendant');
  return id ? shadow(element).getElementById(id) : null;
};

async function keys(element: TfaCountryPicker, ...actions: Parameters<typeof sendKeys>[0][]) {
  for (const action of actions) await sendKeys(action);
  await element.updateComplete;
}

function recordChanges(element: TfaCountryPicker) {
  const events: CustomEvent<{ country: string }>[] = [];
  element.addEventListener('tfa-country-change', (event) => events.push(event));
  return events;
}

describe('tfa-country-picker', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is a labelled ARIA 1.2 combobox controlling a listbox, showing the selected country', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    const field = input(element);
    const label = shadow(element).querySelector('label') as HTMLLabelElement;
    expect(label.textContent?.trim()).to.equal(en.countryLabel);
    expect(label.control).to.equal(field);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.hasAttribute('aria-activedescendant')).to.be.false;
    const controlled = shadow(element).getElementById(field.getAttribute('aria-controls') ?? '');
    expect(controlled).to.equal(listbox(element));
    expect(controlled?.getAttribute('role')).to.equal('listbox');
    expect(shown(element)).to.equal('France +33');
    expect(shadow(element).querySelector('.selected-flag')?.textContent).to.equal('🇫🇷');
    const [code, hint] = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => shadow(element).getElementById(id));
    expect(code?.textContent).to.equal('+33');
    expect(hint?.textContent).to.equal(en.countrySearch);
  });

  it('picks a country by typing part of its name and Enter, firing tfa-country-change once', async () => {
    const element = await picker(html`<tfa-country-picker value="US"></tfa-country-picker>`);
    const events = recordChanges(element);
    element.focus();
    await keys(element, { type: 'fran' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    expect(optionCodes(element)[0]).to.equal('FR');
    expect(activeOption(element)?.id).to.equal('option-FR');
    expect(activeOption(element)?.getAttribute('aria-selected')).to.equal('true');
    expect(events).to.have.length(0);

    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('FR');
    expect(element.getAttribute('value')).to.equal('FR');
    expect(shown(element)).to.equal('France +33');
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
    expect(input(element).hasAttribute('aria-activedescendant')).to.be.false;
    expect(events).to.have.length(1);
    expect(events[0]?.detail).to.deep.equal({ country: 'FR' });
    expect(events[0]?.bubbles).to.be.true;
    expect(events[0]?.composed).to.be.false;

    // Picking the country already selected is not a change.
    await keys(element, { type: 'france' }, { press: 'Enter' });
    expect(events).to.have.length(1);
  });

  it('finds a country by its ISO code before names starting the same way', async () => {
    const element = await picker(html`<tfa-country-picker value="US"></tfa-country-picker>`);
    element.focus();
    await keys(element, { type: 'de' });
    expect(optionCodes(element)[0]).to.equal('DE');
    expect(optionCodes(element)).to.include('DK'); // Denmark: its name starts with "de"
    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('DE');
  });

  it('finds a country by its dial code, with or without the plus', async () => {
    const element = await picker(html`<tfa-country-picker value="US"></tfa-country-picker>`);
    element.focus();
    await keys(element, { type: '+49' });
    expect(optionCodes(element)).to.deep.equal(['DE']);
    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('DE');

    await keys(element, { type: '44' });
    expect(optionCodes(element)[0]).to.equal('GB');
    expect(optionCodes(element)).to.include.members(['GG', 'IM', 'JE']);
    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('GB');
  });

  it('matches names ignoring case and accents, from the start of any word', () => {
    const countries = countryList('en');
    const codes = (query: string) => searchCountries(countries, query).map(({ code }) => code);
    expect(codes('ALAND')[0]).to.equal('AX'); // Åland Islands
    expect(codes('cote d')).to.include('CI'); // Côte d’Ivoire
    expect(codes('kingdom')).to.include('GB');
    expect(codes('ingdom')).to.not.include('GB');
    expect(codes('+1')[0]).to.equal('US');
    expect(codes('+3')).to.include.members(['FR', 'ES', 'PT']);
    expect(codes('zzz')).to.deep.equal([]);
    expect(codes('')).to.have.length(countries.length);
  });

  it('moves the active option with the arrow keys, Home and End, wrapping around', async () => {
    const element = await picker(
      html`<tfa-country-picker value="DE" .countries=${['FR', 'DE', 'ES', 'IT']}></tfa-country-picker>`,
    );
    element.focus();
    await keys(element, { press: 'ArrowDown' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    expect(optionCodes(element)).to.deep.equal(['FR', 'DE', 'IT', 'ES']);
    const active = () => activeOption(element)?.id;
    expect(active()).to.equal('option-DE'); // opens on the selected country
    await keys(element, { press: 'ArrowDown' });
    expect(active()).to.equal('option-IT');
    await keys(element, { press: 'End' });
    expect(active()).to.equal('option-ES');
    await keys(element, { press: 'ArrowDown' });
    expect(active()).to.equal('option-FR');
    await keys(element, { press: 'ArrowUp' });
    expect(active()).to.equal('option-ES');
    await keys(element, { press: 'Home' });
    expect(active()).to.equal('option-FR');
    const selected = options(element).filter((option) => option.ariaSelected === 'true');
    expect(selected.map((option) => option.id)).to.deep.equal(['option-FR']);
    expect(element.value).to.equal('DE');
  });

  it('scrolls the active option into view', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    element.focus();
    await keys(element, { press: 'ArrowDown' }, { press: 'End' });
    const list = listbox(element).getBoundingClientRect();
    const last = (activeOption(element) as HTMLElement).getBoundingClientRect();
    expect(listbox(element).scrollTop).to.be.greaterThan(0);
    expect(last.top).to.be.at.least(list.top - 1);
    expect(last.bottom).to.be.at.most(list.bottom + 1);

    await keys(element, { press: 'Home' });
    expect(listbox(element).scrollTop).to.equal(0);
  });

  it('closes on Escape, and restores the selected country on a second Escape', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    const events = recordChanges(element);
    element.focus();
    await keys(element, { type: 'germ' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    await keys(element, { press: 'Escape' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
    expect(input(element).value).to.equal('germ');
    await keys(element, { press: 'Escape' });
    expect(shown(element)).to.equal('France +33');
    expect(element.value).to.equal('FR');
    expect(events).to.have.length(0);
  });

  it('picks on Tab only when the user moved to an option', async () => {
    // A field after the picker, so Tab has somewhere to go in the page, not the browser's own UI.
    const element = await picker(
      html`<tfa-country-picker value="FR"></tfa-country-picker><input aria-label="Next field">`,
    );
    const events = recordChanges(element);
    element.focus();
    await keys(element, { type: 'germ' }, { press: 'Tab' });
    expect(element.value).to.equal('FR');
    expect(shown(element)).to.equal('France +33');
    expect(events).to.have.length(0);

    element.focus();
    await keys(element, { type: 'germ' }, { press: 'ArrowDown' }, { press: 'Tab' });
    expect(element.value).to.equal('DE');
    expect(events.map((event) => event.detail.country)).to.deep.equal(['DE']);
    expect(document.activeElement?.ariaLabel).to.equal('Next field');
  });

  it('opens with Alt+ArrowDown without choosing an option', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    element.focus();
    await keys(element, { down: 'Alt' }, { press: 'ArrowDown' }, { up: 'Alt' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    expect(input(element).hasAttribute('aria-activedescendant')).to.be.false;
    expect(options(element).length).to.be.greaterThan(200);
    await keys(element, { press: 'Enter' });
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
    expect(element.value).to.equal('FR');
  });

  it('picks a country with the mouse, keeping focus in the input', async () => {
    const element = await picker(
      html`<tfa-country-picker value="FR" .countries=${['FR', 'DE', 'ES']}></tfa-country-picker>`,
    );
    const events = recordChanges(element);
    const click = async (target: HTMLElement) => {
      const box = target.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await element.updateComplete;
    };
    await click(input(element));
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    await click(shadow(element).getElementById('option-ES') as HTMLElement);
    expect(element.value).to.equal('ES');
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(element).activeElement).to.equal(input(element));
    expect(events.map((event) => event.detail.country)).to.deep.equal(['ES']);
  });

  it('says so in a live status when no country matches', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    const status = shadow(element).querySelector('[role=status]') as HTMLElement;
    expect(status.textContent?.trim()).to.equal('');
    element.focus();
    await keys(element, { type: 'zzz' });
    expect(status.textContent?.trim()).to.equal(en.countryNoMatch);
    expect(listbox(element).hidden).to.be.true;
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('FR');
    await keys(element, { press: 'Backspace' }, { press: 'Backspace' }, { press: 'Backspace' });
    await keys(element, { type: 'spa' });
    expect(status.textContent?.trim()).to.equal('');
  });

  it('names the countries in its locale', async () => {
    const element = await picker(
      html`<tfa-country-picker value="ES" locale="fr"></tfa-country-picker>`,
    );
    expect(shown(element)).to.equal('Espagne +34');
    element.focus();
    await keys(element, { type: 'allem' });
    expect(activeOption(element)?.textContent).to.contain('Allemagne');
    await keys(element, { press: 'Enter' });
    expect(element.value).to.equal('DE');
    expect(shown(element)).to.equal('Allemagne +49');
  });

  it('lists the preferred countries first', async () => {
    const element = await picker(
      html`<tfa-country-picker value="FR" preferred="gb fr"></tfa-country-picker>`,
    );
    expect(element.preferred).to.deep.equal(['GB', 'FR']);
    element.focus();
    await keys(element, { press: 'ArrowDown' });
    expect(optionCodes(element).slice(0, 3)).to.deep.equal(['GB', 'FR', 'AF']);
  });

  it('offers only the allowed countries', async () => {
    const element = await picker(
      html`<tfa-country-picker value="FR" countries="FR,DE, ES"></tfa-country-picker>`,
    );
    expect(element.countries).to.deep.equal(['FR', 'DE', 'ES']);
    element.focus();
    await keys(element, { press: 'ArrowDown' });
    expect(optionCodes(element)).to.deep.equal(['FR', 'DE', 'ES']);
    await keys(element, { type: 'ital' });
    expect(options(element)).to.have.length(0);
    expect(shadow(element).querySelector('[role=status]')?.textContent?.trim()).to.equal(
      'Italy is not accepted here. Accepted: France, Germany, and Spain',
    );
  });

  it('takes its words from t', async () => {
    const t = translator(en, { countryLabel: 'Indicatif', countryNoMatch: 'Aucun pays' });
    const element = await picker(
      html`<tfa-country-picker value="FR" .t=${t}></tfa-country-picker>`,
    );
    expect(shadow(element).querySelector('label')?.textContent?.trim()).to.equal('Indicatif');
    element.focus();
    await keys(element, { type: 'zzz' });
    expect(shadow(element).querySelector('[role=status]')?.textContent?.trim()).to.equal(
      'Aucun pays',
    );
  });

  it('can be disabled', async () => {
    const element = await picker(
      html`<tfa-country-picker value="FR" disabled></tfa-country-picker>`,
    );
    expect(input(element).disabled).to.be.true;
    element.focus();
    await keys(element, { type: 'ger' }, { press: 'ArrowDown' });
    expect(shown(element)).to.equal('France +33');
    expect(input(element).getAttribute('aria-expanded')).to.equal('false');
  });

  it('focus() focuses the input', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    element.focus();
    expect(shadow(element).activeElement).to.equal(input(element));
  });

  it('exposes exactly the parts listed in COUNTRY_PICKER_PARTS', async () => {
    const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
    element.focus();
    await keys(element, { press: 'ArrowDown' });
    const found = new Set(
      [...shadow(element).querySelectorAll('[part]')].flatMap((node) => [...node.part]),
    );
    expect([...found].sort()).to.deep.equal([...COUNTRY_PICKER_PARTS].sort());
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core closed, open and with no match, in ${colorScheme} mode`, async () => {
      await emulateMedia({ colorScheme });
      const element = await picker(html`<tfa-country-picker value="FR"></tfa-country-picker>`);
      const background = getComputedStyle(input(element)).backgroundColor;
      expect(background).to.equal(
        colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)',
      );
      await expect(element).to.be.accessible();
      element.focus();
      await keys(element, { type: 'united' }, { press: 'ArrowDown' });
      expect(input(element).getAttribute('aria-expanded')).to.equal('true');
      await expect(element).to.be.accessible();
      await keys(element, { type: 'zzz' });
      await expect(element).to.be.accessible();
    });
  }
});
