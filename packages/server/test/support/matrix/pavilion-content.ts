import type { Db } from '../../../src/db/database.ts';
import { newId } from '../../../src/platform/ids.ts';
import { demoPavilions } from '../../../src/features/demo/demo-data.ts';
import { demoStories } from '../../../src/features/demo/demo-stories.ts';
import { expectAll, type MatrixCase } from '../role-matrix.ts';

/**
 * Pavilion content, stories, the category tree and the HS rate table. URLs with ids are built once
 * per case, before the actors call in order (…, operator, otherOperator, admin). Writes either leave
 * the demo data as it was (the same values again, a slug that clashes, a category still in use) or
 * act on rows made for the case; a delete therefore succeeds for the first allowed actor and
 * answers 404 to the ones after it.
 */

const pakistan = demoPavilions[0];

const pavilionId = async (db: Db, slug: string): Promise<string> =>
  (await db.selectFrom('pavilions').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

const pakistanUrl = (suffix = '') => async (db: Db) => `/api/operator/pavilions/${await pavilionId(db, pakistan.slug)}${suffix}`;

/** A draft story made for one case in the Pakistan pavilion, with text in both bodies (so it can be published). */
const storyUrl = (suffix = '') => async (db: Db) => {
  const pid = await pavilionId(db, pakistan.slug);
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('pavilion_stories')
    .values({ id, pavilion_id: pid, slug: `matrix-${id.slice(0, 8)}`, title_en: 'Matrix', title_zh: '矩阵', body_en: '<p>text</p>', body_zh: '<p>正文</p>', created_at: now, updated_at: now })
    .execute();
  return `/api/operator/pavilions/${pid}/stories/${id}${suffix}`;
};

/** A rate made for one case. */
const hsRateUrl = async (db: Db) => {
  await db
    .insertInto('hs_rates')
    .values({ hs_code: '9999000001', description_en: 'Matrix', description_zh: '矩阵', vat_rate_bp: 1300, consumption_tax_rate_bp: 0, retail_eligible: 1, retail_modes: 'both', updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('hs_code').doNothing())
    .execute();
  return '/api/operator/hs-rates/9999000001';
};

/** Operators of the Pakistan pavilion and admins; the Pacific operator gets 404 (not its pavilion). */
const pakistanEditors = (status: number, admin = status) => expectAll(403, { anonymous: 401, operator: status, otherOperator: 404, admin });
/** Platform-wide tables: any operator and admins. */
const anyOperator = (status: number, others = status) => expectAll(403, { anonymous: 401, operator: status, otherOperator: others, admin: others });

const sameContent = {
  nameEn: pakistan.nameEn,
  nameZh: pakistan.nameZh,
  taglineEn: pakistan.taglineEn,
  taglineZh: pakistan.taglineZh,
  introEn: pakistan.introEn,
  introZh: pakistan.introZh,
  heroMediaId: null,
};
const storyBody = { slug: 'matrix-edited', titleEn: 'Edited', titleZh: '已编辑', bodyEn: '<p>text</p>', bodyZh: '<p>正文</p>' };
const demoStorySlug = demoStories.pakistan[0]?.slug ?? 'multan-blue-pottery';
const storyRoute = '/api/operator/pavilions/:id/stories/:storyId';

export const pavilionContentCases: MatrixCase[] = [
  // Storefront: open to everyone.
  { method: 'GET', url: `/api/store/pavilions/pakistan/stories/${demoStorySlug}`, route: '/api/store/pavilions/:slug/stories/:storySlug', expect: expectAll(200) },
  { method: 'GET', url: '/api/store/categories', expect: expectAll(200) },

  // The pavilion's content: the same values written again change nothing.
  { method: 'GET', url: pakistanUrl(), route: '/api/operator/pavilions/:id', expect: pakistanEditors(200) },
  { method: 'PUT', url: pakistanUrl(), route: '/api/operator/pavilions/:id', payload: sameContent, expect: pakistanEditors(200) },
  // A JSON body where a multipart upload is expected: 415 once the caller may upload.
  { method: 'POST', url: pakistanUrl('/media'), route: '/api/operator/pavilions/:id/media', payload: {}, expect: pakistanEditors(415) },
  { method: 'PUT', url: pakistanUrl('/features'), route: '/api/operator/pavilions/:id/features', payload: { exporterIds: [], productIds: [] }, expect: pakistanEditors(200) },

  // Stories: a new one with a demo story's slug clashes (409), so nothing is created.
  { method: 'GET', url: pakistanUrl('/stories'), route: '/api/operator/pavilions/:id/stories', expect: pakistanEditors(200) },
  { method: 'POST', url: pakistanUrl('/stories'), route: '/api/operator/pavilions/:id/stories', payload: { ...storyBody, slug: demoStorySlug }, expect: pakistanEditors(409) },
  { method: 'GET', url: storyUrl(), route: storyRoute, expect: pakistanEditors(200) },
  { method: 'PUT', url: storyUrl(), route: storyRoute, payload: storyBody, expect: pakistanEditors(200) },
  { method: 'POST', url: storyUrl('/publish'), route: `${storyRoute}/publish`, expect: pakistanEditors(200) },
  { method: 'POST', url: storyUrl('/unpublish'), route: `${storyRoute}/unpublish`, expect: pakistanEditors(200) },
  // The operator deletes it; the admin, after, finds it gone.
  { method: 'DELETE', url: storyUrl(), route: storyRoute, expect: pakistanEditors(204, 404) },

  // Categories: a clashing slug, the same values again, a root that still has children.
  { method: 'POST', url: '/api/operator/categories', payload: { slug: 'handicrafts', nameEn: 'Handicrafts', nameZh: '手工艺品', parentId: null }, expect: anyOperator(409) },
  { method: 'PUT', url: '/api/operator/categories/honey', route: '/api/operator/categories/:id', payload: { nameEn: 'Honey', nameZh: '蜂蜜', position: 1, isFood: true }, expect: anyOperator(200) },
  { method: 'DELETE', url: '/api/operator/categories/handicrafts', route: '/api/operator/categories/:id', expect: anyOperator(409) },

  // HS rates: any operator. The delete removes the case's own row (the first operator), then 404.
  { method: 'GET', url: '/api/operator/hs-rates', expect: anyOperator(200) },
  { method: 'GET', url: '/api/operator/hs-rates/export?format=csv', route: '/api/operator/hs-rates/export', expect: anyOperator(200) },
  // Not multipart: the role is checked first, then the body (415).
  { method: 'POST', url: '/api/operator/hs-rates/import', expect: anyOperator(415) },
  {
    method: 'PUT',
    url: '/api/operator/hs-rates/3303000010',
    route: '/api/operator/hs-rates/:hsCode',
    payload: { descriptionEn: 'Perfumes', descriptionZh: '香水', vatRateBp: 1300, consumptionTaxRateBp: 1500, retailEligible: true, retailModes: 'both' },
    expect: anyOperator(200),
  },
  { method: 'DELETE', url: hsRateUrl, route: '/api/operator/hs-rates/:hsCode', expect: anyOperator(204, 404) },
];
