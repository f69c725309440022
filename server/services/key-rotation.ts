import { type Kysely, sql } from 'kysely';
import { blindIndex } from '../crypto/encryption.ts';
import type { ServerKeys } from '../crypto/keys.ts';
import { isCurrent, seal, unseal } from '../crypto/sealed-fields.ts';
import type { Database } from '../db/types.ts';
import { totpPlace } from './authenticator-app.ts';
import { hashRecoveryCode, openRecoveryCodes, sealRecoveryCodes } from './recovery-codes.ts';

const BATCH = 200;

export interface ReencryptReport {
  phones: number;
  recoveryCodes: number;
  authenticatorApps: number;
  /** Recovery codes kept only as hashes: re-hashing needs the code, so they stay on their key. */
  hashOnlyRecoveryCodes: number;
}

/** Visits every row a page at a time, in id order, so a run can stop anywhere and start again. */
async function inIdOrder<Row extends { id: string }>(
  page: (after: string) => Promise<Row[]>,
  visit: (row: Row) => Promise<void>,
  onPage: () => void,
) {
  for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
    const rows = await page(after);
    if (rows.length === 0) return;
    for (const row of rows) await visit(row);
    after = rows.at(-1)?.id ?? after;
    onPage();
  }
}

/**
 * Rewrites every ciphertext under the current key, with its blind index and (for viewable recovery
 * codes) its hash, after a rotation. Each row changes by a conditional update on the value it
 * read, so it is safe to run while the server serves (a value changed meanwhile is left to its
 * writer, who used the current key) and to stop and run again: rows already under the current key
 * are skipped.
 */
export async function reencryptAll(
  db: Kysely<Database>,
  keys: ServerKeys,
  onBatch: (report: ReencryptReport) => void = () => {},
): Promise<ReencryptReport> {
  const report: ReencryptReport = {
    phones: 0,
    recoveryCodes: 0,
    authenticatorApps: 0,
    hashOnlyRecoveryCodes: 0,
  };
  const progress = () => onBatch(report);
  await inIdOrder(
    (after) =>
      db
        .selectFrom('phone_factors')
        .select(['id', 'tenant_id', 'user_id', 'phone_encrypted'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (row) => {
      if (isCurrent(keys, row.phone_encrypted)) return;
      const place = {
        table: 'phone_factors',
        column: 'phone_encrypted',
        tenantId: row.tenant_id,
        userId: row.user_id,
      } as const;
      const phone = unseal(keys, row.phone_encrypted, place);
      const updated = await db
        .updateTable('phone_factors')
        .set({
          phone_encrypted: seal(keys, phone, place),
          phone_index: blindIndex(keys.blindIndex, phone),
        })
        .where('id', '=', row.id)
        .where('phone_encrypted', '=', row.phone_encrypted)
        .executeTakeFirst();
      report.phones += Number(updated.numUpdatedRows);
    },
    progress,
  );
  await inIdOrder(
    (after) =>
      db
        .selectFrom('recovery_code_sets')
        .select(['user_id as id', 'tenant_id', 'code_hashes', 'codes_sealed', 'codes_encrypted'])
        .where('user_id', '>', after)
        .orderBy('user_id')
        .limit(BATCH)
        .execute(),
    async (set) => {
      if (set.codes_sealed === null && set.codes_encrypted === null) {
        report.hashOnlyRecoveryCodes += set.code_hashes.length;
        return;
      }
      // A set sealed code by code (written before) is sealed together on the way.
      if (set.codes_sealed !== null && isCurrent(keys, set.codes_sealed)) return;
      const ref = { tenantId: set.tenant_id, userId: set.id };
      const codes = openRecoveryCodes(keys, set, ref) as string[];
      const updated = await db
        .updateTable('recovery_code_sets')
        .set({
          codes_sealed: sealRecoveryCodes(keys, codes, ref),
          codes_encrypted: null,
          code_hashes: codes.map((code) => hashRecoveryCode(keys.codes, set.id, code)),
        })
        .where('user_id', '=', set.id)
        // Unless the set was replaced meanwhile.
        .where(
          set.codes_sealed === null
            ? sql<boolean>`codes_encrypted = ${set.codes_encrypted}::text[]`
            : sql<boolean>`codes_sealed = ${set.codes_sealed}`,
        )
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) report.recoveryCodes += codes.length;
    },
    progress,
  );
  await inIdOrder(
    (after) =>
      db
        .selectFrom('totp_factors')
        .select(['id', 'tenant_id', 'user_id', 'secret_encrypted'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    async (row) => {
      if (isCurrent(keys, row.secret_encrypted)) return;
      const place = totpPlace({ tenantId: row.tenant_id, userId: row.user_id });
      const updated = await db
        .updateTable('totp_factors')
        .set({ secret_encrypted: seal(keys, unseal(keys, row.secret_encrypted, place), place) })
        .where('id', '=', row.id)
        .where('secret_encrypted', '=', row.secret_encrypted)
        .executeTakeFirst();
      report.authenticatorApps += Number(updated.numUpdatedRows);
    },
    progress,
  );
  return report;
}
