/**
 * The screens after the first ones (code entry, recovery codes, management) and the management
 * journeys' logic, and the plural rules of messages only they say. They load as one chunk once the first screen shows, so that the first load
 * holds only what the phone screen needs.
 */
export { ManageJourneys } from '../controllers/manage-journeys.ts';
export { loadLaterStrings } from '../i18n/later-strings.ts';
export { formatPlurals } from '../i18n/plural.ts';
export { renderAppCodeScreen, secondFactorLinks } from './app-code-screen.ts';
export { renderCodeScreen } from './code-screen.ts';
export { renderConfirmDisableScreen } from './confirm-disable-screen.ts';
export { renderRecoveryCodeEntryScreen } from './recovery-code-entry-screen.ts';
export {
  renderNewRecoveryCodesScreen,
  renderRecoveryCodesScreen,
} from './recovery-codes-screen.ts';
export { renderTrustBrowserOption } from './trust-browser-option.ts';
export { renderTrustedBrowsersScreen } from './trusted-browsers-screen.ts';
