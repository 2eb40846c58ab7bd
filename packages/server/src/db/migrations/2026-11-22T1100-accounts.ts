import { sql, type Kysely } from 'kysely';
import { timestampType, nowDefault } from '../migration-helpers.ts';

/** Pavilions, exporters, buyer companies, accounts, roles, sessions, one-time codes, rate limits. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const now = nowDefault(db);

  await db.schema
    .createTable('pavilions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('tagline_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tagline_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('pavilion_countries')
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id').onDelete('cascade'))
    .addColumn('country_code', 'text', (c) => c.notNull().check(sql`length(country_code) = 2`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('pavilion_countries_pk', ['pavilion_id', 'country_code'])
    .execute();

  await db.schema
    .createTable('exporters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pavilion_id', 'text', (c) => c.notNull().references('pavilions.id'))
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('trading_name_en', 'text', (c) => c.notNull())
    .addColumn('trading_name_zh', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull().check(sql`length(country_code) = 2`))
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'rejected', 'suspended')`),
    )
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('exporters_pavilion_idx').on('exporters').columns(['pavilion_id', 'status']).execute();

  await db.schema
    .createTable('buyer_companies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN').check(sql`locale in ('zh-CN', 'en')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'disabled')`))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('buyer', 'company_member', 'exporter_member', 'operator', 'admin')`),
    )
    .addColumn('pavilion_id', 'text', (c) => c.references('pavilions.id').onDelete('cascade'))
    .addColumn('exporter_id', 'text', (c) => c.references('exporters.id').onDelete('cascade'))
    .addColumn('company_id', 'text', (c) => c.references('buyer_companies.id').onDelete('cascade'))
    .addColumn('company_role', 'text', (c) => c.check(sql`company_role in ('owner', 'buyer')`))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    // Each role carries exactly the scope it needs, and no other.
    .addCheckConstraint(
      'user_roles_scope',
      sql`(role = 'operator' and pavilion_id is not null and exporter_id is null and company_id is null)
       or (role = 'exporter_member' and exporter_id is not null and pavilion_id is null and company_id is null)
       or (role = 'company_member' and company_id is not null and company_role is not null and pavilion_id is null and exporter_id is null)
       or (role in ('buyer', 'admin') and pavilion_id is null and exporter_id is null and company_id is null)`,
    )
    .execute();
  await sql`create unique index user_roles_unique on user_roles
    (user_id, role, coalesce(pavilion_id, ''), coalesce(exporter_id, ''), coalesce(company_id, ''))`.execute(db);
  await db.schema.createIndex('user_roles_exporter_idx').on('user_roles').column('exporter_id').execute();
  await db.schema.createIndex('user_roles_company_idx').on('user_roles').column('company_id').execute();

  await db.schema
    .createTable('wechat_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('openid', 'text', (c) => c.notNull())
    .addColumn('unionid', 'text')
    // Kept on the server only: it decrypts the data the mini program sends later (phone number, …).
    .addColumn('session_key', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('wechat_accounts_openid', ['app_id', 'openid'])
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 of the token: a stolen database does not yield usable sessions.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('transport', 'text', (c) => c.notNull().check(sql`transport in ('cookie', 'token')`))
    .addColumn('created_at', ts, (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('otp_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('consumed_at', ts)
    .execute();
  await db.schema.createIndex('otp_challenges_phone_idx').on('otp_challenges').columns(['phone', 'created_at']).execute();

  await db.schema
    .createTable('rate_limit_counters')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_counters_pk', ['key', 'window_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rate_limit_counters',
    'otp_challenges',
    'sessions',
    'wechat_accounts',
    'user_roles',
    'users',
    'buyer_companies',
    'exporters',
    'pavilion_countries',
    'pavilions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
