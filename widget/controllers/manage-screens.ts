import { html, nothing } from 'lit';
import type { Method, SessionView } from '../api-types.ts';
import { emit } from '../events.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { renderAppCodeScreen, secondFactorLinks } from '../screens/app-code-screen.ts';
import { renderCodeScreen } from '../screens/code-screen.ts';
import { renderConfirmDisableScreen } from '../screens/confirm-disable-screen.ts';
import { type ManageAction, methodName, renderManageScreen } from '../screens/manage-screen.ts';
import { renderMethodChoiceScreen } from '../screens/method-choice-screen.ts';
import { renderRecoveryCodeEntryScreen } from '../screens/recovery-code-entry-screen.ts';
import { renderRecoveryCodesScreen } from '../screens/recovery-codes-screen.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { renderTrustedBrowsersScreen } from '../screens/trusted-browsers-screen.ts';
import { SetupScreen } from '../setup-screen.ts';
import { adoptStyles } from '../styles/adopt-styles.ts';
import { authenticatorAppStyles } from '../styles/authenticator-app.styles.ts';
import { settingsListStyles } from '../styles/settings-list.styles.ts';
import type { ManageJourneys } from './manage-journeys.ts';
import type { SetupFlow } from './setup-flow.ts';

/** The later screens of `<two-factor-setup>`: those the management journeys draw. */
export type ManageScreen =
  | 'manage'
  | 'method-choice'
  | 'authenticator-app'
  | 'step-up'
  | 'step-up-app'
  | 'step-up-recovery'
  | 'view-recovery-codes'
  | 'trusted-browsers'
  | 'confirm-disable';

/** What each of these screens is drawn from. */
interface Drawing {
  journeys: ManageJourneys;
  flow: SetupFlow;
  context: ScreenContext;
  t: Translate;
  session: SessionView | undefined;
}

const manageScreens: Record<ManageScreen, (drawing: Drawing) => unknown> = {
  manage: ({ journeys, flow, context, session }) => {
    if (!session) return nothing;
    if (journeys.browsers === undefined) void journeys.countBrowsers();
    const { twoFactor } = session;
    return renderManageScreen(context, {
      twoFactor,
      allowedMethods: session.allowedMethods ?? ['sms'],
      enabledOn: twoFactor.enabledAt ? flow.formatDate(twoFactor.enabledAt) : '',
      appAddedOn: twoFactor.totpAddedAt ? flow.formatDate(twoFactor.totpAddedAt) : '',
      trustedBrowsers: journeys.browsers?.length,
      status: flow.status,
      on: (action) => manageAction(journeys, action),
    });
  },
  'method-choice': ({ journeys, flow, context }) =>
    renderMethodChoiceScreen(
      context,
      (method) => {
        if (method === 'sms') flow.show(SetupScreen.phone);
        else void journeys.app.start();
      },
      () => flow.show(SetupScreen.intro),
    ),
  'authenticator-app': ({ journeys, context }) => journeys.app.render(context) ?? nothing,
  'step-up-app': ({ journeys, flow, context, t }) =>
    renderAppCodeScreen(context, {
      name: 'step-up-app',
      heading: t('stepUpHeading'),
      codeLength: 6,
      onSubmit: (code) => void journeys.verifyStepUp({ code, method: 'totp' }),
      links: secondFactorLinks(
        context,
        journeys.stepUpMethods.includes('sms') ? () => void journeys.stepUpBySms() : undefined,
        () => flow.show(SetupScreen.stepUpRecovery),
      ),
    }),
  'step-up': ({ journeys, flow, context, t }) =>
    renderCodeScreen(context, {
      name: 'step-up',
      heading: t('stepUpHeading'),
      sentTo: t('stepUpText', { phone: flow.sent?.maskedPhone ?? '' }),
      codeLength: flow.sent?.codeLength ?? 6,
      webOtp: true,
      resendCountdown: flow.resend,
      status: flow.status,
      onSubmit: (code) => void journeys.verifyStepUp({ code }),
      onResend: () => void journeys.resendStepUp(),
      links: secondFactorLinks(
        context,
        journeys.stepUpMethods.includes('totp')
          ? () => flow.show(SetupScreen.stepUpApp)
          : undefined,
        () => flow.show(SetupScreen.stepUpRecovery),
      ),
    }),
  'step-up-recovery': ({ journeys, context, t }) =>
    renderRecoveryCodeEntryScreen(context, {
      name: 'step-up-recovery',
      heading: t('stepUpHeading'),
      onSubmit: (recoveryCode) => void journeys.verifyStepUp({ recoveryCode }),
      onUseCode: () => journeys.backToCode(),
      useCodeLabel: journeys.smsSent ? undefined : t('useAppInstead'),
    }),
  'view-recovery-codes': ({ journeys, flow, context, t, session }) =>
    renderRecoveryCodesScreen(context, {
      name: 'view-recovery-codes',
      heading: t('viewCodesHeading'),
      codes: journeys.codeList,
      siteName: session?.tenant.name ?? '',
      gate: false,
      saved: false,
      copied: journeys.copied,
      onSavedChange: () => {},
      onCopied: () => {
        journeys.copied = true;
        flow.host.requestUpdate();
      },
      onContinue: () => flow.show(SetupScreen.manage),
      continueLabel: t('back'),
      more: html`<button
          type="button"
          part="button secondary-button regenerate-button"
          aria-describedby="regenerate-warning"
          ?disabled=${context.busy}
          @click=${() => void journeys.proceed('regenerate-codes')}
        >
          ${t('regenerateRecoveryCodes')}
        </button>
        <p id="regenerate-warning" part="hint">${t('regenerateWarning')}</p>`,
    }),
  'trusted-browsers': ({ journeys, flow, context }) =>
    renderTrustedBrowsersScreen(context, {
      browsers: journeys.browsers ?? [],
      formatDate: (iso) => flow.formatDate(iso),
      status: flow.status,
      onRevoke: (browser) => void journeys.revokeBrowser(browser),
      onRevokeAll: () => void journeys.revokeBrowser(),
      onBack: () => flow.show(SetupScreen.manage),
    }),
  'confirm-disable': ({ journeys, flow, context }) =>
    renderConfirmDisableScreen(context, {
      onConfirm: () => void journeys.requireStepUp('disable'),
      onCancel: () => flow.show(SetupScreen.manage),
    }),
};

export function renderManageScreens(
  journeys: ManageJourneys,
  screen: ManageScreen,
  context: ScreenContext,
) {
  const { flow } = journeys;
  adoptStyles(flow.host, settingsListStyles);
  adoptStyles(flow.host, authenticatorAppStyles);
  return manageScreens[screen]({ journeys, flow, context, t: context.t, session: flow.session });
}

function manageAction(journeys: ManageJourneys, action: ManageAction) {
  const twoFactor = journeys.flow.session?.twoFactor;
  switch (action) {
    case 'recovery-codes':
      return journeys.requireStepUp(
        twoFactor?.recoveryCodesViewable ? 'view-codes' : 'regenerate-codes',
      );
    case 'trusted-browsers':
      return journeys.showBrowsers();
    case 'disable':
      return journeys.flow.show(SetupScreen.confirmDisable);
    case 'switch-preferred':
      return journeys.switchPreferred();
    default:
      return journeys.requireStepUp(action);
  }
}

/** Removes one of two methods, after the step-up; the other stays, and so do the recovery codes. */
export async function removeMethod(journeys: ManageJourneys, method: Method) {
  const { flow } = journeys;
  const done = await flow.run(
    async () => {
      await flow.api.delete(method === 'totp' ? '/totp' : '/phone');
      return true;
    },
    () => removeMethod(journeys, method),
  );
  if (!done) return journeys.stepUpLapsed(method === 'totp' ? 'remove-app' : 'remove-phone');
  emit(flow.host, 'tfa-method-removed', { method });
  await flow.reloadSession();
  flow.show(SetupScreen.manage);
  flow.status = flow.t('methodRemoved', { method: methodName(flow.t, method) });
}

/** Asks for the other method first at sign-in (no step-up: it adds no way in). */
export async function switchPreferred(journeys: ManageJourneys) {
  const { flow } = journeys;
  const current = flow.session?.twoFactor.preferredMethod ?? 'sms';
  const method: Method = current === 'sms' ? 'totp' : 'sms';
  const answer = await flow.run(
    () => flow.api.request<{ preferredMethod: Method }>('PUT', '/preferred-method', { method }),
    () => switchPreferred(journeys),
  );
  if (!answer) return;
  await flow.reloadSession();
  flow.status = flow.t('preferredChanged', { method: methodName(flow.t, answer.preferredMethod) });
}
