import { runCommand, UsageError, usage } from './cli/commands.ts';
import { migrateIfBehind } from './cli/migrate-if-behind.ts';
import { ConfigError, loadConfig } from './config.ts';
import { deriveKeys, loadMasterKey, previousMasterKeys } from './crypto/keys.ts';
import { openDatabase } from './db/connect.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { AppError } from './errors.ts';

/** `tfa …` (`npm run tfa -- …`): tenant administration and migrations, on the configured database. */
async function main(args: string[]) {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    if (args[0] !== 'migrate') await migrateIfBehind(database.db);
    const log = {
      warn: (_details: object, message: string) => process.stderr.write(`${message}\n`),
    };
    const keys = async () =>
      deriveKeys(await loadMasterKey(config, log), previousMasterKeys(config), {
        readsUnbound: config.ENCRYPTION_READ_UNBOUND,
      });
    await runCommand(args, database.db, (text) => process.stdout.write(text), keys);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const known =
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof AppError ||
      error instanceof DataDirInUseError;
    const isArgs = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${known || isArgs ? error.message : error.stack}\n`);
    if (error instanceof UsageError || isArgs) process.stderr.write('Run tfa --help for usage.\n');
    process.exit(known || isArgs ? 2 : 1);
  },
);
