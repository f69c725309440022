import { html, nothing } from 'lit';
import type { Method } from '../api-types.ts';
import { emit } from '../events.ts';
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

/** The later screens of `<two-factor-setup>` that the management journeys draw. */
export function renderManageScreens(
  journeys: ManageJourneys,
  current: SetupScreen,
  context: ScreenContext,
) {
  const host = journeys.host;
  const { t } = context;
  const session = host.session();
  adoptStyles(host.element, settingsListStyles);
  adoptStyles(host.element, authenticatorAppStyles);
  switch (current) {
    case SetupScreen.manage: {
      if (!session) return nothing;
      if (journeys.browsers === undefined) void journeys.countBrowsers();
      const { twoFactor } = session;
      return renderManageScreen(context, {
        twoFactor,
        allowedMethods: session.allowedMethods ?? ['sms'],
        enabledOn: twoFactor.enabledAt ? host.formatDate(twoFactor.enabledAt) : '',
        appAddedOn: twoFactor.totpAddedAt ? host.formatDate(twoFactor.totpAddedAt) : '',
        trustedBrowsers: journeys.browsers?.length,
        status: host.status(),
        on: (action) => manageAction(journeys, action),
      });
    }
    case SetupScreen.methodChoice:
      return renderMethodChoiceScreen(
        context,
        (method) => {
          if (method === 'sms') host.go(SetupScreen.phone);
          else void journeys.app.start();
        },
        () => host.go(SetupScreen.intro),
      );
    case SetupScreen.authenticatorApp:
      return journeys.app.render(context) ?? nothing;
    case SetupScreen.stepUpApp:
      return renderAppCodeScreen(context, {
        name: 'step-up-app',
        heading: t('stepUpHeading'),
        codeLength: 6,
        onSubmit: (code) => void journeys.verifyStepUp({ code, method: 'totp' }),
        links: secondFactorLinks(
          context,
          journeys.methods.includes('sms') ? () => void journeys.stepUpBySms() : undefined,
          () => host.go(SetupScreen.stepUpRecovery),
        ),
      });
    case SetupScreen.stepUp:
      return renderCodeScreen(context, {
        name: 'step-up',
        heading: t('stepUpHeading'),
        sentTo: t('stepUpText', { phone: host.sent()?.maskedPhone ?? '' }),
        codeLength: host.sent()?.codeLength ?? 6,
        webOtp: true,
        resendCountdown: host.resend,
        status: host.status(),
        onSubmit: (code) => void journeys.verifyStepUp({ code }),
        onResend: () => void journeys.resendStepUp(),
        links: secondFactorLinks(
          context,
          journeys.methods.includes('totp') ? () => host.go(SetupScreen.stepUpApp) : undefined,
          () => host.go(SetupScreen.stepUpRecovery),
        ),
      });
    case SetupScreen.stepUpRecovery:
      return renderRecoveryCodeEntryScreen(context, {
        name: 'step-up-recovery',
        heading: t('stepUpHeading'),
        onSubmit: (recoveryCode) => void journeys.verifyStepUp({ recoveryCode }),
        onUseCode: () => journeys.backToCode(),
        useCodeLabel: journeys.smsSent ? undefined : t('useAppInstead'),
      });
    case SetupScreen.viewRecoveryCodes:
      return renderRecoveryCodesScreen(context, {
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
          host.element.requestUpdate();
        },
        onContinue: () => host.go(SetupScreen.manage),
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
      });
    case SetupScreen.trustedBrowsers:
      return renderTrustedBrowsersScreen(context, {
        browsers: journeys.browsers ?? [],
        formatDate: (iso) => host.formatDate(iso),
        status: host.status(),
        onRevoke: (browser) => void journeys.revokeBrowser(browser),
        onRevokeAll: () => void journeys.revokeBrowser(),
        onBack: () => host.go(SetupScreen.manage),
      });
    case SetupScreen.confirmDisable:
      return renderConfirmDisableScreen(context, {
        onConfirm: () => void journeys.requireStepUp('disable'),
        onCancel: () => host.go(SetupScreen.manage),
      });
    default:
      return nothing;
  }
}

function manageAction(journeys: ManageJourneys, action: ManageAction) {
  const twoFactor = journeys.host.session()?.twoFactor;
  switch (action) {
    case 'recovery-codes':
      return journeys.requireStepUp(
        twoFactor?.recoveryCodesViewable ? 'view-codes' : 'regenerate-codes',
      );
    case 'trusted-browsers':
      return journeys.showBrowsers();
    case 'disable':
      return journeys.host.go(SetupScreen.confirmDisable);
    case 'switch-preferred':
      return journeys.switchPreferred();
    default:
      return journeys.requireStepUp(action);
  }
}

/** Removes one of two methods, after the step-up; the other stays, and so do the recovery codes. */
export async function removeMethod(journeys: ManageJourneys, method: Method) {
  const host = journeys.host;
  const done = await host.run(
    async () => {
      await host.api().delete(method === 'totp' ? '/totp' : '/phone');
      return true;
    },
    () => removeMethod(journeys, method),
  );
  if (!done) return journeys.stepUpLapsed(method === 'totp' ? 'remove-app' : 'remove-phone');
  emit(host.element, 'tfa-method-removed', { method });
  await host.reloadSession();
  host.go(SetupScreen.manage);
  host.setStatus(host.t()('methodRemoved', { method: methodName(host.t(), method) }));
}

/** Asks for the other method first at sign-in (no step-up: it adds no way in). */
export async function switchPreferred(journeys: ManageJourneys) {
  const host = journeys.host;
  const current = host.session()?.twoFactor.preferredMethod ?? 'sms';
  const method: Method = current === 'sms' ? 'totp' : 'sms';
  const answer = await host.run(
    () => host.api().request<{ preferredMethod: Method }>('PUT', '/preferred-method', { method }),
    () => switchPreferred(journeys),
  );
  if (!answer) return;
  await host.reloadSession();
  host.setStatus(
    host.t()('preferredChanged', { method: methodName(host.t(), answer.preferredMethod) }),
  );
}
