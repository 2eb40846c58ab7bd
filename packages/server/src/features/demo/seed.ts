import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { newId } from '../../platform/ids.ts';
import { insertRole, insertUser } from '../accounts/index.ts';
import { AccountService } from '../accounts/index.ts';
import { DEMO_PASSWORD, demoAdmin, demoBuyer, demoCompany, demoExporters, demoPavilions } from './demo-data.ts';
import { seedDemoStories } from './demo-stories.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { seedDemoSearch } from './demo-search.ts';
import type { FileStore } from '../../platform/file-store.ts';

export interface DemoAccount {
  role: string;
  login: string;
  password: string | null;
  note: string;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [pavilion, user] = await Promise.all([
    db.selectFrom('pavilions').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ]);
  return !pavilion && !user;
}

/** The demo accounts, as `npm start` prints them and the README lists them. */
export function demoAccounts(): DemoAccount[] {
  return [
    { role: 'admin', login: demoAdmin.email, password: DEMO_PASSWORD, note: 'platform admin: /operator' },
    ...demoPavilions.map((p) => ({ role: 'operator', login: p.operator.email, password: DEMO_PASSWORD, note: `${p.nameEn}: /operator` })),
    ...demoExporters.map((e) => ({ role: 'exporter', login: e.member.email, password: DEMO_PASSWORD, note: `${e.tradingNameEn} (${e.status}): /exporter` })),
    { role: 'importer', login: demoCompany.owner.email, password: DEMO_PASSWORD, note: `${demoCompany.nameZh} (${demoCompany.nameEn}), owner` },
    { role: 'buyer', login: demoBuyer.phone, password: null, note: 'storefront /login: the one-time code is printed in the server log' },
  ];
}

/**
 * Seeds the demo world. Refuses (returns false) when the database already holds pavilions or
 * accounts. With `files`, the demo catalog too (products with generated pictures, stock, rates).
 */
export async function seedDemo(db: Db, options: { files?: FileStore } = {}): Promise<boolean> {
  if (!(await isDatabaseEmpty(db))) return false;
  const accounts = new AccountService({ db });

  const pavilionIds = new Map<string, string>();
  const exporterIds = new Map<string, string>();
  const companyId = newId();
  // Two servers started with --demo on one empty database both get here: the pavilions' unique
  // slugs let one transaction win; the other server finds the demo being seeded and goes on without.
  try {
    await seedDemoWorld(db, { pavilionIds, exporterIds, companyId });
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }

  // Password accounts hash outside the transaction (each hash takes ~100 ms), in parallel.
  const password = DEMO_PASSWORD;
  await Promise.all([
    accounts.createStaffUser({ ...demoAdmin, password, role: 'admin', locale: 'zh-CN' }),
    ...demoPavilions.map((p) =>
      accounts.createStaffUser({ ...p.operator, password, role: 'operator', pavilionSlugs: [p.slug], locale: 'zh-CN' }),
    ),
    ...demoExporters.map((e) =>
      accounts.createStaffUser({ ...e.member, password, role: 'exporter_member', exporterId: exporterIds.get(e.member.email) ?? '', locale: 'en' }),
    ),
    accounts.createStaffUser({ ...demoCompany.owner, password, role: 'company_member', companyId, companyRole: 'owner', locale: 'zh-CN' }),
  ]);
  await seedDemoStories(db);
  await seedDemoSearch(db);
  if (options.files) await seedDemoCatalog(db, { files: options.files, exporterIds });
  return true;
}

/** Pavilions, exporters and the importer company, in one transaction. */
async function seedDemoWorld(db: Db, ids: { pavilionIds: Map<string, string>; exporterIds: Map<string, string>; companyId: string }): Promise<void> {
  const { pavilionIds, exporterIds, companyId } = ids;
  await db.transaction().execute(async (trx) => {
    for (const [position, p] of demoPavilions.entries()) {
      const id = newId();
      pavilionIds.set(p.slug, id);
      const now = new Date().toISOString();
      await trx
        .insertInto('pavilions')
        .values({
          id,
          slug: p.slug,
          name_en: p.nameEn,
          name_zh: p.nameZh,
          tagline_en: p.taglineEn,
          tagline_zh: p.taglineZh,
          intro_en: p.introEn,
          intro_zh: p.introZh,
          position,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('pavilion_countries')
        .values(p.countries.map((country_code, i) => ({ pavilion_id: id, country_code, position: i })))
        .execute();
    }
    for (const e of demoExporters) {
      const id = newId();
      exporterIds.set(e.member.email, id);
      const now = new Date().toISOString();
      await trx
        .insertInto('exporters')
        .values({
          id,
          pavilion_id: pavilionIds.get(e.pavilion) ?? '',
          legal_name: e.legalName,
          trading_name_en: e.tradingNameEn,
          trading_name_zh: e.tradingNameZh,
          country_code: e.country,
          city: e.city,
          status: e.status,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await trx
      .insertInto('buyer_companies')
      .values({ id: companyId, name_zh: demoCompany.nameZh, name_en: demoCompany.nameEn, city: demoCompany.city, created_at: new Date().toISOString() })
      .execute();
    const buyer = await insertUser(trx, { phone: demoBuyer.phone, email: null, password_hash: null, display_name: demoBuyer.displayName, locale: 'zh-CN' });
    await insertRole(trx, buyer.id, { role: 'buyer' });
  });
}
