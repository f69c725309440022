import type { Migration } from 'kysely';
import * as foundation from './20261121-1200-foundation.ts';
import * as twoFactor from './20261121-1300-two-factor.ts';
import * as challenge from './20261121-1400-challenge.ts';
import * as sendLog from './20261121-1500-send-log.ts';
import * as enabledAt from './20261121-1600-enabled-at.ts';
import * as recoveryCodePosition from './20261121-1700-recovery-code-position.ts';
import * as rowsInsideTheirUser from './20261201-1200-rows-inside-their-user.ts';
import * as noticeQueue from './20261201-1300-notice-queue.ts';
import * as sessionLocaleOptional from './20261201-1400-session-locale-optional.ts';
import * as authenticatorApp from './20261202-1200-authenticator-app.ts';
import * as sendCounters from './20261202-1300-send-counters.ts';
import * as oneForeignKeyPerOwner from './20261202-1400-one-foreign-key-per-owner.ts';
import * as recoveryCodeSets from './20261203-1000-recovery-code-sets.ts';
import * as roomForUpdates from './20261203-1100-room-for-updates.ts';
import * as phonesByOwnerIndex from './20261203-1200-phones-by-owner-index.ts';
import * as recoveryCodesSealedTogether from './20261203-1300-recovery-codes-sealed-together.ts';
import * as sendLimitRefusal from './20261203-1400-send-limit-refusal.ts';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '20261121-1200-foundation': foundation,
  '20261121-1300-two-factor': twoFactor,
  '20261121-1400-challenge': challenge,
  '20261121-1500-send-log': sendLog,
  '20261121-1600-enabled-at': enabledAt,
  '20261121-1700-recovery-code-position': recoveryCodePosition,
  '20261201-1200-rows-inside-their-user': rowsInsideTheirUser,
  '20261201-1300-notice-queue': noticeQueue,
  '20261201-1400-session-locale-optional': sessionLocaleOptional,
  '20261202-1300-send-counters': sendCounters,
  '20261202-1200-authenticator-app': authenticatorApp,
  '20261202-1400-one-foreign-key-per-owner': oneForeignKeyPerOwner,
  '20261203-1000-recovery-code-sets': recoveryCodeSets,
  '20261203-1100-room-for-updates': roomForUpdates,
  '20261203-1200-phones-by-owner-index': phonesByOwnerIndex,
  '20261203-1300-recovery-codes-sealed-together': recoveryCodesSealedTogether,
  '20261203-1400-send-limit-refusal': sendLimitRefusal,
};
