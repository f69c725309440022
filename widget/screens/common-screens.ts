import type { CommonScreen } from '../controllers/element-flow.ts';
import { renderMessageScreen } from './message-screen.ts';
import type { ScreenContext } from './screen-context.ts';

/** Loading, and the states that end a journey: expired session, lock, an origin not allowed. */
export function renderCommonScreen(
  context: ScreenContext,
  screen: CommonScreen,
  { waitUntil, onRetry, onRenew }: { waitUntil: string; onRetry: () => void; onRenew: () => void },
) {
  const { t } = context;
  switch (screen) {
    case 'loading':
      return context.error
        ? renderMessageScreen(context, { name: 'error', heading: t('errorHeading') })
        : renderMessageScreen(context, { name: 'loading', heading: t('loading') });
    case 'expired':
      return renderMessageScreen(context, {
        name: 'expired',
        heading: t('expiredHeading'),
        text: t('expiredText'),
        action: { name: 'reload', label: t('reloadPage'), onClick: onRenew },
      });
    case 'locked':
      return renderMessageScreen(context, {
        name: 'locked',
        heading: t('lockedHeading'),
        text: t('lockedUntil', { time: waitUntil }),
        action: { name: 'retry', label: t('tryAgain'), onClick: onRetry },
      });
    case 'unavailable':
      return renderMessageScreen(context, {
        name: 'unavailable',
        heading: t('errorHeading'),
        text: t('error.origin_not_allowed'),
      });
  }
}
