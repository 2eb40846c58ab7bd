import { text } from 'node:stream/consumers';
import { read } from 'read';
import { fileStoreFromConfig } from './platform/file-store-config.ts';
import { Command, Option } from 'commander';
import { emailSchema, passwordSchema, roles } from '@pavilion/contracts';
import type { Database } from './db/database.ts';
import { describeDatabase, openCheckedDatabase } from './platform/database-check.ts';
import { migrateToLatest } from './db/migrator.ts';
import { ConfigError, loadConfig, prepareDataDir, type Config } from './platform/config.ts';
import { AppError } from './platform/errors.ts';
import { formatTable } from './platform/terminal.ts';
import { AccountService } from './features/accounts/index.ts';
import { productImportCommands } from './features/catalog-import/index.ts';

function config(): Config {
  return loadConfig(process.env);
}

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const settings = config();
  prepareDataDir(settings.dataDir);
  const database = await openCheckedDatabase(settings);
  try {
    return await fn(database);
  } finally {
    await database.destroy();
  }
}

export function buildCli(): Command {
  const program = new Command('pavilion')
    .description('Pavilion: national export pavilions reaching buyers in China')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('serve')
    .description('Start the HTTP server (API, OpenAPI docs and the built web app)')
    .option('--no-migrate', 'do not apply pending migrations before starting')
    .option('--demo', 'seed the demo pavilions and accounts when the database is empty', false)
    .addHelpText('after', '\nConfiguration comes from environment variables: see the README (PORT, DATABASE_URL, …).')
    .action(async (opts: { migrate: boolean; demo: boolean }) => {
      // The server and the demo (the web framework, every feature, the demo's pictures) are loaded by
      // the commands that use them, so the others (help, migrate, create-user, list) start in a fraction.
      const { serve } = await import('./server.ts');
      await serve(config(), { migrate: opts.migrate, demo: opts.demo });
    });

  program
    .command('migrate')
    .description('Apply pending database migrations (SQLite or PostgreSQL, from DATABASE_URL)')
    .action(async () => {
      await withDatabase(async ({ db, dialect }) => {
        const result = await migrateToLatest(db);
        const applied = result.results ?? [];
        console.log(`database: ${describeDatabase(config().database)}`);
        console.log(applied.length === 0 ? `${dialect}: already up to date` : applied.map((r) => `${dialect}: ${r.status} ${r.migrationName}`).join('\n'));
      });
    });

  program
    .command('seed')
    .description('Load data into the database')
    .requiredOption('--demo', 'the demo pavilions, exporters and accounts (only into an empty database)')
    .action(async () => {
      const { demoAccounts, seedDemo } = await import('./features/demo/index.ts');
      await withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        if (!(await seedDemo(db, { files: fileStoreFromConfig(config().files) }))) {
          console.log('The database already holds pavilions or accounts: demo data not seeded.');
          return;
        }
        console.log('Demo data seeded. Accounts:');
        for (const a of demoAccounts()) console.log(`  ${a.role.padEnd(9)} ${a.login.padEnd(36)} ${a.password ?? '(phone code)'}`);
      });
    });

  program
    .command('create-user')
    .description('Create a staff, exporter or importer account that signs in with email and password')
    .addOption(new Option('--role <role>', 'the account role').choices(roles.filter((r) => r !== 'buyer')).makeOptionMandatory())
    .requiredOption('--email <email>', 'sign-in email')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--pavilion <slug...>', 'operator: the pavilion(s) it runs')
    .option('--exporter <id>', 'exporter_member: the exporter id it belongs to')
    .option('--company <id>', 'company_member: the buyer company id it belongs to')
    .addOption(new Option('--company-role <role>', 'company_member: its role in the company').choices(['owner', 'buyer']).default('buyer'))
    .option('--password <password>', 'the password (default: PAVILION_PASSWORD, else the first line of standard input when it is piped, else asked on the terminal without echo, twice)')
    .addHelpText('after', '\n`pavilion list` shows the pavilion slugs, exporter ids and company ids.')
    .action(async (opts: { role: Exclude<(typeof roles)[number], 'buyer'>; email: string; name?: string; pavilion?: string[]; exporter?: string; company?: string; companyRole: 'owner' | 'buyer'; password?: string }) => {
      const email = emailSchema.safeParse(opts.email);
      if (!email.success) throw new UsageError(`--email ${email.error.issues[0]?.message ?? 'is not valid'}`);
      if (opts.role === 'operator' && !opts.pavilion) throw new UsageError('--pavilion <slug> is required for an operator');
      if (opts.role === 'exporter_member' && !opts.exporter) throw new UsageError('--exporter <id> is required for an exporter member');
      if (opts.role === 'company_member' && !opts.company) throw new UsageError('--company <id> is required for a company member');
      const password = opts.password ?? (process.env.PAVILION_PASSWORD || undefined) ?? (await askPassword());
      const checked = passwordSchema.safeParse(password);
      if (!checked.success) throw new UsageError(`password ${checked.error.issues[0]?.message ?? 'is not valid'}`);
      await withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        const user = await new AccountService({ db })
          .createStaffUser({
            email: email.data,
            password: checked.data,
            displayName: opts.name ?? email.data.split('@')[0] ?? email.data,
            role: opts.role,
            ...(opts.pavilion ? { pavilionSlugs: opts.pavilion } : {}),
            ...(opts.exporter ? { exporterId: opts.exporter } : {}),
            ...(opts.company ? { companyId: opts.company, companyRole: opts.companyRole } : {}),
          })
          .catch((err: unknown) => {
            // An unknown pavilion, exporter or company: name the option, and where its values are listed.
            const field = err instanceof AppError && err.code === 'NOT_FOUND' ? (err.details as { field?: string } | undefined)?.field : undefined;
            const option = field ? optionOfField[field] : undefined;
            if (option) throw new UsageError(`${option}: ${(err as Error).message}; \`pavilion list\` shows the pavilion slugs, exporter ids and company ids`);
            throw err;
          });
        console.log(`Created ${opts.role} ${email.data} (id ${user.id})`);
      });
    });

  program
    .command('list')
    .description('List the pavilions (slugs), exporters (ids, status) and importer companies (ids): the values create-user, import and export take')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        const pavilions = await db.selectFrom('pavilions').select(['id', 'slug', 'name_en']).orderBy('position').orderBy('slug').execute();
        const exporters = await db
          .selectFrom('exporters as e')
          .innerJoin('pavilions as p', 'p.id', 'e.pavilion_id')
          .select(['e.id', 'e.trading_name_en', 'e.status', 'p.slug'])
          .orderBy('p.position')
          .orderBy('p.slug')
          .orderBy('e.trading_name_en')
          .execute();
        const companies = await db.selectFrom('buyer_companies').select(['id', 'name_zh', 'name_en', 'verified_at']).orderBy('name_zh').execute();
        const section = (title: string, headers: string[], rows: string[][]) =>
          `${title}\n${rows.length === 0 ? '  (none)' : formatTable(headers, rows).split('\n').map((line) => `  ${line}`).join('\n')}`;
        console.log(
          [
            `database: ${describeDatabase(config().database)}`,
            section('Pavilions (--pavilion <slug>)', ['slug', 'name'], pavilions.map((p) => [p.slug, p.name_en])),
            section('Exporters (--exporter <id>)', ['id', 'status', 'pavilion', 'name'], exporters.map((e) => [e.id, e.status, e.slug, e.trading_name_en])),
            section('Importer companies (--company <id>)', ['id', 'verified', 'name'], companies.map((c) => [c.id, c.verified_at ? 'yes' : 'no', c.name_en ? `${c.name_zh} (${c.name_en})` : c.name_zh])),
          ].join('\n\n'),
        );
      });
    });

  for (const command of productImportCommands({ withDatabase, files: () => fileStoreFromConfig(config().files), usageError: (message) => new UsageError(message) })) program.addCommand(command);

  return program;
}

class UsageError extends Error {}

const optionOfField: Record<string, string> = { pavilionSlugs: '--pavilion', exporterId: '--exporter', companyId: '--company' };

/**
 * The password when neither --password nor PAVILION_PASSWORD gives it: from a terminal, typed
 * without echo and typed again to confirm; from a pipe (`echo … | pavilion create-user …`), its
 * first line.
 */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
    if (line === '') throw new UsageError('no password given: use --password, PAVILION_PASSWORD, or pipe it on standard input');
    return line;
  }
  // terminal: true puts the terminal in raw mode even when stdout is redirected, so nothing is echoed.
  const ask = (prompt: string) => read({ prompt, silent: true, replace: '', input: process.stdin, output: process.stderr, terminal: true });
  const password = await ask('Password: ');
  const again = await ask('Password again: ');
  if (password !== again) throw new UsageError('the two passwords differ: nothing was created');
  return password;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError) {
      console.error(`pavilion: ${err.message}`);
      process.exit(2);
    }
    if (err instanceof AppError) {
      console.error(`pavilion: ${err.code}: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
