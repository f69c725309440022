// Controls are drawn inside an element that declares the `--tfa-*` tokens and hands them the
// messages of the page's language; tests stand that element in with a host of their own.
import { fixture, html } from '@open-wc/testing';
import { css, LitElement, type TemplateResult } from 'lit';
import { type Translate, translator } from '../../../widget/i18n/catalogue.ts';
import { en } from '../../../widget/i18n/en.ts';
import { tokenStyles } from '../../../widget/styles/tokens.styles.ts';

/** Stands in for the outer element: declares the `--tfa-*` tokens the control inherits. */
class TokenHost extends LitElement {
  static override styles = [
    tokenStyles,
    css`
      :host {
        display: block;
        min-height: 24rem;
        padding: 1rem;
        background: var(--tfa-color-background);
        color: var(--tfa-color-text);
      }
    `,
  ];
  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('test-token-host')) customElements.define('test-token-host', TokenHost);

/** The control `template` renders, inside the token host, with English messages unless given. */
export async function mountControl<Control extends LitElement & { t: Translate }>(
  template: TemplateResult,
  selector: string,
) {
  const host = await fixture(html`<test-token-host>${template}</test-token-host>`);
  const control = host.querySelector(selector) as Control;
  if (!control.t('countryLabel')) control.t = translator(en);
  await control.updateComplete;
  return control;
}
