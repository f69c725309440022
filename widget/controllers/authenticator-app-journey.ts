import type { TotpEnrolment } from '../api-types.ts';
import { emit } from '../events.ts';
import { renderAuthenticatorAppScreen } from '../screens/authenticator-app-screen.ts';
import { drawQrCode, type QrDrawing } from '../screens/qr-code.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { SetupScreen } from '../setup-screen.ts';
import type { ManageHost } from './manage-journeys.ts';

type AppVerified = { enabled: true; recoveryCodes: string[] } | { methodAdded: 'totp' };

/**
 * Adding an authenticator app: a fresh secret from the server, drawn as a QR code and shown as a
 * key, then confirmed by the app's first code. As the first method it turns two-factor on (with
 * recovery codes); beside a phone it is added (the step-up comes first, from the settings).
 */
export class AuthenticatorAppJourney {
  private enrolment: TotpEnrolment | undefined;
  private qrCode: QrDrawing | undefined;
  private copied = false;

  constructor(private readonly host: ManageHost) {}

  /** Asks for a secret (replacing any pending one) and shows it; false when refused. */
  async start(): Promise<boolean> {
    const host = this.host;
    const started = await host.run(
      async () => {
        const enrolment = await host.api().post<TotpEnrolment>('/totp', {});
        return { enrolment, qrCode: await drawQrCode(enrolment.otpauthUri) };
      },
      () => this.start(),
    );
    if (!started) return false;
    this.enrolment = started.enrolment;
    this.qrCode = started.qrCode;
    this.copied = false;
    host.go(SetupScreen.authenticatorApp);
    return true;
  }

  private async verify(code: string): Promise<void> {
    const host = this.host;
    const answer = await host.run(
      () => host.api().post<AppVerified>('/totp/verify', { code }),
      () => this.verify(code),
    );
    if (!answer) return host.codeRejected();
    this.enrolment = undefined;
    await host.reloadSession();
    if ('enabled' in answer) {
      emit(host.element, 'tfa-enabled', { maskedPhone: '', method: 'totp' });
      return host.showNewCodes(answer.recoveryCodes, () => host.go(SetupScreen.done));
    }
    host.go(SetupScreen.manage);
    host.setStatus(host.t()('methodAdded', { method: host.t()('appMethod') }));
    emit(host.element, 'tfa-method-added', { method: 'totp' });
  }

  render(context: ScreenContext) {
    const { enrolment, qrCode } = this;
    if (!enrolment || !qrCode) return undefined;
    const host = this.host;
    return renderAuthenticatorAppScreen(context, {
      enrolment,
      qrCode,
      copied: this.copied,
      onCopied: () => {
        this.copied = true;
        host.element.requestUpdate();
      },
      onSubmit: (code) => void this.verify(code),
      onCancel: () =>
        host.go(host.session()?.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro),
    });
  }
}
