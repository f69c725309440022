import type { TotpEnrolment } from '../api-types.ts';
import { emit } from '../events.ts';
import { renderAuthenticatorAppScreen } from '../screens/authenticator-app-screen.ts';
import { drawQrCode, type QrDrawing } from '../screens/qr-code.ts';
import type { ScreenContext } from '../screens/screen-context.ts';
import { SetupScreen } from '../setup-screen.ts';
import type { SetupFlow } from './setup-flow.ts';

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

  constructor(private readonly flow: SetupFlow) {}

  /** Asks for a secret (replacing any pending one) and shows it; false when refused. */
  async start(): Promise<boolean> {
    const { flow } = this;
    const started = await flow.run(
      async () => {
        const enrolment = await flow.api.post<TotpEnrolment>('/totp', {});
        return { enrolment, qrCode: await drawQrCode(enrolment.otpauthUri) };
      },
      () => this.start(),
    );
    if (!started) return false;
    this.enrolment = started.enrolment;
    this.qrCode = started.qrCode;
    this.copied = false;
    flow.show(SetupScreen.authenticatorApp);
    return true;
  }

  private async verify(code: string): Promise<void> {
    const { flow } = this;
    const answer = await flow.run(
      () => flow.api.post<AppVerified>('/totp/verify', { code }),
      () => this.verify(code),
    );
    if (!answer) return flow.codeRejected();
    this.enrolment = undefined;
    await flow.reloadSession();
    if ('enabled' in answer) {
      emit(flow.host, 'tfa-enabled', { maskedPhone: '', method: 'totp' });
      return flow.showNewCodes(answer.recoveryCodes, () => flow.show(SetupScreen.done));
    }
    flow.show(SetupScreen.manage);
    flow.status = flow.t('methodAdded', { method: flow.t('appMethod') });
    emit(flow.host, 'tfa-method-added', { method: 'totp' });
  }

  render(context: ScreenContext) {
    const { enrolment, qrCode } = this;
    if (!enrolment || !qrCode) return undefined;
    const { flow } = this;
    return renderAuthenticatorAppScreen(context, {
      enrolment,
      qrCode,
      copied: this.copied,
      onCopied: () => {
        this.copied = true;
        flow.host.requestUpdate();
      },
      onSubmit: (code) => void this.verify(code),
      onCancel: () =>
        flow.show(flow.session?.twoFactor.enabled ? SetupScreen.manage : SetupScreen.intro),
    });
  }
}
