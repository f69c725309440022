import { html, nothing, type TemplateResult } from 'lit';
import { downloadText, printText, recoveryCodesText } from './recovery-codes-file.ts';
import {
  alertRegion,
  button,
  paragraph,
  type ScreenContext,
  screen,
  submitHandler,
} from './screen-context.ts';

export interface RecoveryCodesScreenOptions {
  name: string;
  heading: string;
  /** Why these codes show, before what they are for. */
  reason?: string;
  codes: { code: string; used: boolean }[];
  siteName: string;
  /** A new set must be saved: the checkbox gates Continue. */
  gate: boolean;
  saved: boolean;
  copied: boolean;
  onSavedChange: (saved: boolean) => void;
  onCopied: () => void;
  onContinue: () => void;
  continueLabel: string;
  /** More actions, e.g. "Get new recovery codes". */
  more?: TemplateResult | typeof nothing;
}

/** The recovery codes, with copy, download and print, and "I have saved" for a new set. */
export function renderRecoveryCodesScreen(
  context: ScreenContext,
  options: RecoveryCodesScreenOptions,
) {
  const { t } = context;
  const unused = options.codes.filter((code) => !code.used).map((code) => code.code);
  const text = () => recoveryCodesText(t, options.siteName, unused);
  const copy = async () => {
    await navigator.clipboard.writeText(text());
    options.onCopied();
  };
  return screen(context, options.name, options.heading, [
    options.reason ? paragraph(options.reason) : nothing,
    paragraph(t('recoveryText')),
    html`<ul part="list recovery-codes" aria-label=${t('recoveryCodesLabel')}>
      ${options.codes.map(
        ({ code, used }) =>
          html`<li part="list-item recovery-code${used ? ' recovery-code-used' : ''}">
            ${used ? html`<del>${t('recoveryCodeUsed', { code })}</del>` : html`<code>${code}</code>`}
          </li>`,
      )}
    </ul>`,
    html`<div part="actions recovery-actions">
      ${button(context, 'secondary', 'copy', options.copied ? t('copied') : t('copy'), () => void copy())}
      ${button(context, 'secondary', 'download', t('download'), () =>
        downloadText('recovery-codes.txt', text()),
      )}
      ${button(context, 'secondary', 'print', t('print'), () => printText(text()))}
    </div>`,
    html`<form part="form" novalidate @submit=${submitHandler(() => options.onContinue())}>
      ${
        options.gate
          ? html`<label part="checkbox-label saved-label">
              <input
                type="checkbox"
                part="checkbox saved-checkbox"
                .checked=${options.saved}
                @change=${(event: Event) =>
                  options.onSavedChange((event.target as HTMLInputElement).checked)}
              />
              ${t('savedCheckbox')}
            </label>`
          : nothing
      }
      ${alertRegion(context)}
      <div part="actions">
        <button
          type="submit"
          part="button primary-button continue-button"
          ?disabled=${context.busy || (options.gate && !options.saved)}
        >
          ${options.continueLabel}
        </button>
        ${options.more ?? nothing}
      </div>
    </form>`,
  ]);
}

export type NewRecoveryCodesOptions = Pick<
  RecoveryCodesScreenOptions,
  'siteName' | 'saved' | 'copied' | 'onSavedChange' | 'onCopied' | 'onContinue'
> & {
  codes: string[];
  /** The set replaces the one whose last code was just used, e.g. to sign in. */
  lastCodeUsed?: boolean;
};

/** A new set, shown once: "I have saved my recovery codes" gates Continue. */
export function renderNewRecoveryCodesScreen(
  context: ScreenContext,
  options: NewRecoveryCodesOptions,
) {
  return renderRecoveryCodesScreen(context, {
    ...options,
    name: 'new-recovery-codes',
    heading: options.lastCodeUsed ? context.t('lastCodeUsedHeading') : context.t('recoveryHeading'),
    reason: options.lastCodeUsed ? context.t('lastCodeUsedText') : undefined,
    codes: options.codes.map((code) => ({ code, used: false })),
    gate: true,
    continueLabel: context.t('continue'),
  });
}
