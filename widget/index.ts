/** The bundle's entry: both elements, registered on import, and their types. */
export type { ApiError } from './api-client.ts';
export type { TfaEventDetails, TfaEventName } from './events.ts';
export type { Strings } from './i18n/en.ts';
export { TwoFactorChallenge } from './two-factor-challenge.ts';
export { TwoFactorSetup } from './two-factor-setup.ts';
