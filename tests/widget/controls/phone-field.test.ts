import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { TfaCountryPicker } from '../../../widget/controls/country-picker.ts';
import {
  PHONE_FIELD_PARTS,
  type PhoneValue,
  type TfaPhoneField,
} from '../../../widget/controls/phone-field.ts';
import { en } from '../../../widget/i18n/en.ts';
import { mountControl } from '../harness/control-host.ts';

async function phoneField(template: TemplateResult) {
  const element = await mountControl<TfaPhoneField>(template, 'tfa-phone-field');
  await picker(element).updateComplete;
  return element;
}

const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
const numberInput = (element: TfaPhoneField) =>
  shadow(element).querySelector('input[type=tel]') as HTMLInputElement;
const picker = (element: TfaPhoneField) =>
  shadow(element).querySelector('tfa-country-picker') as TfaCountryPicker;
const pickerInput = (element: TfaPhoneField) =>
  shadow(picker(element)).querySelector('input') as HTMLInputElement;

/** The closed picker's text: the selected country's name, then its dial code. */
const shownCountry = (element: TfaPhoneField) =>
  [
    pickerInput(element).value,
    shadow(picker(element)).querySelector('.selected-dial-code')?.textContent,
  ]
    .filter(Boolean)
    .join(' ');

async function keys(element: TfaPhoneField, ...actions: Parameters<typeof sendKeys>[0][]) {
  for (const action of actions) await sendKeys(action);
  await element.updateComplete;
  await picker(element).updateComplete;
}

/** Inserts text in one go, as a paste does. */
async function paste(element: TfaPhoneField, text: string) {
  element.focus();
  document.execCommand('insertText', false, text);
  await element.updateComplete;
  await picker(element).updateComplete;
}

const formatterRequested = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('/widget/phone/format-national.ts'));

const formatted = (element: TfaPhoneField, text: string) =>
  waitUntil(
    () => numberInput(element).value === text,
    `expected "${text}", the field shows "${numberInput(element).value}"`,
  );

function recordInputs(element: TfaPhoneField) {
  const events: CustomEvent<PhoneValue>[] = [];
  element.addEventListener('tfa-phone-input', (event) => events.push(event));
  return events;
}

describe('tfa-phone-field', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  // First, while no test has typed yet: the formatting table is not part of the first load.
  it('loads the formatting rules only once the user types', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    expect(formatterRequested()).to.be.false;
    element.focus();
    await keys(element, { type: '0' });
    await waitUntil(formatterRequested, 'format-national.ts was never requested');
  });

  it('formats a French number as it is typed', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    element.focus();
    await keys(element, { type: '0612345678' });
    await formatted(element, '06 12 34 56 78');
    expect(element.number).to.equal('0612345678');
    expect(element.value).to.deep.equal({ country: 'FR', number: '0612345678' });
  });

  it('formats a US number as it is typed', async () => {
    const element = await phoneField(html`<tfa-phone-field country="US"></tfa-phone-field>`);
    element.focus();
    await keys(element, { type: '2015550123' });
    await formatted(element, '(201) 555-0123');
    expect(element.number).to.equal('2015550123');
  });

  it('leaves a number being edited in the middle as typed', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    element.focus();
    await keys(element, { type: '0612345678' });
    await formatted(element, '06 12 34 56 78');
    await keys(element, { press: 'Home' }, { press: 'ArrowRight' }, { press: 'ArrowRight' });
    await keys(element, { press: 'ArrowRight' }, { type: '9' });
    expect(numberInput(element).value).to.equal('06 912 34 56 78');
    expect(numberInput(element).selectionStart).to.equal(4);
    expect(element.number).to.equal('06912345678');
  });

  it('switches the country when an international number is pasted, keeping the national part', async () => {
    const element = await phoneField(html`<tfa-phone-field country="US"></tfa-phone-field>`);
    const events = recordInputs(element);
    expect(picker(element).value).to.equal('US');
    await paste(element, '+33 6 12 34 56 78');
    expect(element.country).to.equal('FR');
    expect(picker(element).value).to.equal('FR');
    expect(shownCountry(element)).to.equal('France +33');
    expect(element.number).to.equal('612345678');
    await formatted(element, '6 12 34 56 78');
    expect(events.at(-1)?.detail).to.deep.equal({ country: 'FR', number: '612345678' });
  });

  it('switches the country when an international number is typed with 00', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    element.focus();
    await keys(element, { type: '0049 30 1234567' });
    expect(element.country).to.equal('DE');
    expect(picker(element).value).to.equal('DE');
    expect(element.number).to.equal('301234567');
  });

  it('switches only to an allowed country', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="US" countries="US FR"></tfa-phone-field>`,
    );
    await paste(element, '+49 30 1234567');
    expect(element.country).to.equal('US');
    numberInput(element).select();
    await paste(element, '+33 6 12 34 56 78');
    expect(element.country).to.equal('FR');
  });

  it('fires tfa-phone-input with the country and the number on each change', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    const events = recordInputs(element);
    element.focus();
    await keys(element, { type: '06' });
    expect(events.map((event) => event.detail)).to.deep.equal([
      { country: 'FR', number: '0' },
      { country: 'FR', number: '06' },
    ]);
    expect(events[0]?.bubbles).to.be.true;
    expect(events[0]?.composed).to.be.false;

    picker(element).focus();
    await keys(element, { type: 'germ' }, { press: 'Enter' });
    expect(element.country).to.equal('DE');
    expect(events.at(-1)?.detail).to.deep.equal({ country: 'DE', number: '06' });
    expect(events).to.have.length(3);
  });

  it('shows the error message, linked to the number input', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="FR" error=${en['error.invalid_phone']}></tfa-phone-field>`,
    );
    const input = numberInput(element);
    const error = shadow(element).querySelector('[part~=phone-error]') as HTMLElement;
    expect(error.textContent?.trim()).to.equal(en['error.invalid_phone']);
    expect(input.getAttribute('aria-describedby')).to.equal(error.id);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(error.getAttribute('role')).to.equal('alert');

    element.error = '';
    await element.updateComplete;
    expect(input.hasAttribute('aria-invalid')).to.be.false;
    expect(input.hasAttribute('aria-describedby')).to.be.false;
    expect(shadow(element).querySelector('[part~=phone-error]')).to.equal(null);
  });

  it('labels the number input', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    const label = shadow(element).querySelector('[part~=phone-label]') as HTMLLabelElement;
    expect(label.textContent?.trim()).to.equal(en.phoneLabel);
    expect(label.control).to.equal(numberInput(element));
    expect(numberInput(element).autocomplete).to.equal('tel-national');
    expect(numberInput(element).inputMode).to.equal('tel');
  });

  it('exports every part in PHONE_FIELD_PARTS, its own and its picker’s', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="FR" error="Wrong"></tfa-phone-field>`,
    );
    picker(element).focus();
    await keys(element, { press: 'ArrowDown' });
    const nodes = (part: string) =>
      [shadow(element), shadow(picker(element))].flatMap((root) => [
        ...root.querySelectorAll(`[part~="${part}"]`),
      ]);
    for (const part of PHONE_FIELD_PARTS) {
      const style = document.createElement('style');
      style.textContent = `tfa-phone-field::part(${part}) { scroll-margin-top: 7px; }`;
      document.head.append(style);
      try {
        expect(nodes(part), part).to.not.be.empty;
        for (const node of nodes(part))
          expect(getComputedStyle(node).scrollMarginTop, `::part(${part})`).to.equal('7px');
      } finally {
        style.remove();
      }
    }
  });

  it('reaches the number input by Tab after the picker', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    picker(element).focus();
    expect(shadow(picker(element)).activeElement).to.equal(pickerInput(element));
    await keys(element, { press: 'Tab' });
    expect(shadow(element).activeElement).to.equal(numberInput(element));
  });

  it('focus() focuses the number input', async () => {
    const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
    element.focus();
    expect(shadow(element).activeElement).to.equal(numberInput(element));
  });

  it('starts on the default country, else the only one offered, else asks for one', async () => {
    const byDefault = await phoneField(
      html`<tfa-phone-field default-country="DE" locale="fr"></tfa-phone-field>`,
    );
    expect(byDefault.country).to.equal('DE');
    expect(shownCountry(byDefault)).to.equal('Allemagne +49');

    const only = await phoneField(html`<tfa-phone-field countries="BE"></tfa-phone-field>`);
    expect(only.country).to.equal('BE');

    // Not the browser's language region: en-US says nothing sure of where the phone is.
    for (const template of [
      html`<tfa-phone-field></tfa-phone-field>`,
      html`<tfa-phone-field default-country="DE" countries="ES IT"></tfa-phone-field>`,
    ]) {
      const unset = await phoneField(template);
      expect(unset.country).to.equal('');
      expect(shownCountry(unset)).to.equal('');
      expect(pickerInput(unset).placeholder).to.equal(en.countryChoose);
      expect(unset.checkCountry()).to.equal(false);
      await unset.updateComplete;
      expect(shadow(unset).querySelector('[part~="error"]')?.textContent).to.equal(
        en.countryRequired,
      );
      expect(shadow(picker(unset)).activeElement).to.equal(pickerInput(unset));
      picker(unset).focus();
      await keys(unset, { type: 'Ital' }, { press: 'Enter' });
      expect(unset.country).to.equal('IT');
      expect(unset.checkCountry()).to.equal(true);
      await unset.updateComplete;
      expect(shadow(unset).querySelector('[part~="error"]')).to.equal(null);
    }
  });

  it('names the accepted countries for an international number from another', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="FR" countries="FR BE"></tfa-phone-field>`,
    );
    element.focus();
    await keys(element, { type: '+49 151 2345678' });
    expect(element.country).to.equal('FR');
    const error = shadow(element).querySelector('[part~="error"]');
    expect(error?.textContent).to.equal(
      'Germany is not accepted here. Accepted: Belgium and France',
    );
    expect(numberInput(element).getAttribute('aria-invalid')).to.equal('true');
    // Nothing is sent for it.
    expect(element.checkCountry()).to.equal(false);
    expect(shadow(element).activeElement).to.equal(numberInput(element));
    await expect(element).to.be.accessible();

    // An accepted one switches the picker, and the message goes.
    numberInput(element).select();
    await keys(element, { type: '+32 470 12 34 56' });
    expect(element.country).to.equal('BE');
    expect(shadow(element).querySelector('[part~="error"]')).to.equal(null);
    await formatted(element, '470 12 34 56');
  });

  it('passes the locale, preferred countries and allowed countries to the picker', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="FR" locale="de" preferred="CH AT" countries="AT CH DE FR"></tfa-phone-field>`,
    );
    picker(element).focus();
    await keys(element, { press: 'ArrowDown' });
    const names = [...shadow(picker(element)).querySelectorAll('[role=option] .name')].map(
      (node) => node.textContent,
    );
    expect(names).to.deep.equal(['Schweiz', 'Österreich', 'Deutschland', 'Frankreich']);
  });

  it('can be disabled', async () => {
    const element = await phoneField(
      html`<tfa-phone-field country="FR" disabled></tfa-phone-field>`,
    );
    expect(numberInput(element).disabled).to.be.true;
    expect(pickerInput(element).disabled).to.be.true;
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe-core, with and without an error and with the list open, in ${colorScheme} mode`, async () => {
      await emulateMedia({ colorScheme });
      const element = await phoneField(html`<tfa-phone-field country="FR"></tfa-phone-field>`);
      const background = getComputedStyle(numberInput(element)).backgroundColor;
      expect(background).to.equal(
        colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)',
      );
      await expect(element).to.be.accessible();
      element.error = en['error.required_phone'];
      await element.updateComplete;
      await expect(element).to.be.accessible();
      picker(element).focus();
      await keys(element, { type: 'fr' });
      expect(pickerInput(element).getAttribute('aria-expanded')).to.equal('true');
      await expect(element).to.be.accessible();
    });
  }
});
