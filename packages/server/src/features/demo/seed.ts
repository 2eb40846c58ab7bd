import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { insertRole, insertUser } from '../accounts/index.ts';
import { seedExporters } from '../exporters/index.ts';
import { seedPavilions } from '../pavilions/index.ts';
import { seedCompany } from '../trade/index.ts';
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

  let world: { exporterIds: Map<string, string>; companyId: string };
  // Two servers started with --demo on one empty database both get here: the pavilions' unique
  // slugs let one transaction win; the other server finds the demo being seeded and goes on without.
  try {
    world = await seedDemoWorld(db);
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
  const { exporterIds, companyId } = world;

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

/** Pavilions, exporters, the importer company and the buyer, in one transaction: the exporters' ids by their member's email, and the company's id. */
async function seedDemoWorld(db: Db): Promise<{ exporterIds: Map<string, string>; companyId: string }> {
  return db.transaction().execute(async (trx) => {
    const pavilionIds = await seedPavilions(trx, demoPavilions);
    const exporters = await seedExporters(
      trx,
      demoExporters.map((e) => ({
        pavilionId: pavilionIds.get(e.pavilion) ?? '',
        legalName: e.legalName,
        tradingNameEn: e.tradingNameEn,
        tradingNameZh: e.tradingNameZh,
        countryCode: e.country,
        city: e.city,
        status: e.status,
      })),
    );
    const exporterIds = new Map(demoExporters.map((e, i) => [e.member.email, exporters[i] ?? ''] as const));
    const companyId = await seedCompany(trx, { nameZh: demoCompany.nameZh, nameEn: demoCompany.nameEn, city: demoCompany.city });
    const buyer = await insertUser(trx, { phone: demoBuyer.phone, email: null, password_hash: null, display_name: demoBuyer.displayName, locale: 'zh-CN' });
    await insertRole(trx, buyer.id, { role: 'buyer' });
    return { exporterIds, companyId };
  });
}
