import { loadPhoneField } from './phone-screen.ts';
import { alertRegion, button, paragraph, type ScreenContext, screen } from './screen-context.ts';

/** Two-factor off: what it is, in one sentence, and the way in. */
export function renderIntroScreen(context: ScreenContext, onStart: () => void) {
  const { t } = context;
  // The phone screen comes next: its field loads once this screen shows, not before.
  setTimeout(() => loadPhoneField().catch(() => {}));
  return screen(context, 'intro', t('introHeading'), [
    paragraph(t('introText')),
    alertRegion(context),
    button(context, 'primary', 'start', t('introStart'), onStart),
  ]);
}
