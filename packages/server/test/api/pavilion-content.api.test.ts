import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bearer, tokenFor } from '../support/sessions.ts';
import type { Db } from '../../src/db/database.ts';
import { newId } from '../../src/platform/ids.ts';
import { demoAdmin, demoBuyer, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { demoStories } from '../../src/features/demo/demo-stories.ts';

type Who = 'operator' | 'otherOperator' | 'admin' | 'buyer' | 'exporter' | 'anonymous';

const logins: Record<Exclude<Who, 'anonymous'>, string> = {
  operator: demoPavilions[0].operator.email,
  otherOperator: demoPavilions[1].operator.email,
  admin: demoAdmin.email,
  buyer: demoBuyer.phone,
  exporter: demoExporters[0].member.email,
};

const dirtyBody =
  '<h2>Kashi</h2><p onclick="steal()">Blue <strong>tiles</strong></p><script>alert(document.cookie)</script>' +
  '<img src="https://cdn.example/tile.webp" onerror="steal()" alt="tile">' +
  '<iframe src="https://evil.example/embed"></iframe><iframe src="https://player.bilibili.com/player.html?bvid=BV1"></iframe>';

/** What a stored body must never contain, whatever was sent. */
function assertClean(html: string): void {
  assert.doesNotMatch(html, /<script/i, 'no script');
  assert.doesNotMatch(html, /onerror|onclick/i, 'no event handlers');
  assert.doesNotMatch(html, /evil\.example/, 'no foreign iframe');
}

function multipart(file: Buffer, name = 'hero.png', type = 'image/png') {
  const boundary = `----pavilion-test-${newId()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A published product as the storefront knows it: its row in the listing read model (what the
 * catalog writes when a product is approved), made directly to keep these tests about pavilions.
 */
async function insertListedProduct(db: Db, at: { exporterId: string; pavilionId: string; categoryRoot: string; categoryId: string }): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db.insertInto('products').values({ id, exporter_id: at.exporterId, status: 'published', created_at: now, updated_at: now, published_at: now }).execute();
  await db
    .insertInto('catalog_listings')
    .values({
      product_id: id, exporter_id: at.exporterId, pavilion_id: at.pavilionId, brand_id: null,
      category_id: at.categoryId, category_root: at.categoryRoot, category_path: `${at.categoryRoot}/${at.categoryId}/`,
      title_en: 'Blue vase', title_zh: '蓝陶花瓶', subtitle_en: '', subtitle_zh: '', cover_media_id: newId(), currency: 'PKR', price_min_minor: 450000, price_cny_min: 11500,
      origin_country: 'PK', customs_modes: '9610', retail_eligible: 1, published_at: now,
    })
    .execute();
  return id;
}

const png = (color: string) => sharp({ create: { width: 64, height: 40, channels: 3, background: color } }).png().toBuffer();

describe('pavilion content, featured items and stories', () => {
  let ta: TestApp;
  const tokens = new Map<Who, string>();
  let pakistanId = '';
  let pacificId = '';

  const call = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) => {
    const token = tokens.get(who);
    return ta.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload === undefined ? {} : { payload }) });
  };
  const pavilionRow = (id: string) => ta.testDb.database.db.selectFrom('pavilions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const exporterId = async (name: string) =>
    (await ta.testDb.database.db.selectFrom('exporters').select('id').where('trading_name_en', '=', name).executeTakeFirstOrThrow()).id;
  const upload = async (who: Who, pavilionId: string, bytes: Buffer) => {
    const form = multipart(bytes);
    const token = tokens.get(who);
    return ta.app.inject({ method: 'POST', url: `/api/operator/pavilions/${pavilionId}/media`, payload: form.payload, headers: { ...form.headers, ...(token ? bearer(token) : {}) } });
  };
  const content = (overrides: Record<string, unknown> = {}) => ({
    nameEn: 'Pakistan Pavilion',
    nameZh: '巴基斯坦国家馆',
    taglineEn: 'Crafts of the Indus',
    taglineZh: '印度河畔的手艺',
    introEn: '<p>Blue pottery</p>',
    introZh: '<p>蓝陶</p>',
    heroMediaId: null,
    ...overrides,
  });

  before(async () => {
    ta = await createTestApp();
    for (const [who, login] of Object.entries(logins)) tokens.set(who as Who, await tokenFor(ta.testDb.database.db, login));
    const rows = await ta.testDb.database.db.selectFrom('pavilions').select(['id', 'slug']).execute();
    pakistanId = rows.find((r) => r.slug === 'pakistan')?.id ?? '';
    pacificId = rows.find((r) => r.slug === 'pacific')?.id ?? '';
  });
  after(() => ta.close());

  test('the storefront shows the demo stories, published, in order, with the new fields', async () => {
    const res = await call('anonymous', 'GET', '/api/store/pavilions/pacific');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(body.stories.map((s: { slug: string }) => s.slug), demoStories.pacific.map((s) => s.slug));
    assert.equal(body.stories[0].titleZh, '马西与恩加图：斐济和汤加的树皮布');
    assert.equal(body.heroImage, null);
    assert.deepEqual(body.featuredExporterIds, []);
    assert.deepEqual(body.featuredProductIds, []);
    assert.deepEqual(body.countries, [...demoPavilions[1].countries]);
    const story = await call('buyer', 'GET', '/api/store/pavilions/pacific/stories/tanna-coffee-mount-yasur');
    assert.equal(story.statusCode, 200);
    assert.match(story.json().bodyEn, /Mount Yasur/);
    assert.equal(story.json().pavilion.slug, 'pacific');
    const wrongPavilion = await call('buyer', 'GET', '/api/store/pavilions/pakistan/stories/tanna-coffee-mount-yasur');
    assert.equal(wrongPavilion.statusCode, 404);
  });

  test('an operator edits its pavilion: the introduction is stored sanitized, the hero image is its own upload', async () => {
    const uploaded = await upload('operator', pakistanId, await png('#1f4e8c'));
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const hero = uploaded.json();
    assert.equal(hero.width, 64);
    assert.match(hero.urls.display, new RegExp(`^/media/${hero.id}/display\\.webp$`));

    const res = await call('operator', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ introEn: dirtyBody, heroMediaId: hero.id }));
    assert.equal(res.statusCode, 200, res.body);
    assertClean(res.json().introEn);
    assert.match(res.json().introEn, /player\.bilibili\.com/, 'an allowed video embed stays');
    const row = await pavilionRow(pakistanId);
    assertClean(row.intro_en);
    assert.equal(row.tagline_en, 'Crafts of the Indus');
    assert.equal(row.hero_media_id, hero.id);

    const store = (await call('buyer', 'GET', '/api/store/pavilions/pakistan')).json();
    assert.equal(store.taglineZh, '印度河畔的手艺');
    assert.equal(store.heroImage.urls.thumb, `/media/${hero.id}/thumb.webp`);
    assertClean(store.introEn);
    const list = (await call('anonymous', 'GET', '/api/store/pavilions')).json();
    assert.equal(list.items.find((p: { slug: string }) => p.slug === 'pakistan').heroImage.id, hero.id);
    assert.equal(list.items.find((p: { slug: string }) => p.slug === 'pacific').heroImage, null);
    const image = await ta.app.inject({ method: 'GET', url: store.heroImage.urls.display });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/webp');
  });

  test("a picture uploaded to another pavilion cannot be this one's hero; a non-image upload is refused", async () => {
    const pacificImage = (await upload('otherOperator', pacificId, await png('#0a7f6f'))).json();
    const res = await call('operator', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ heroMediaId: pacificImage.id }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, 'body.heroMediaId');
    assert.notEqual((await pavilionRow(pakistanId)).hero_media_id, pacificImage.id);
    const text = await upload('operator', pakistanId, Buffer.from('not an image at all'));
    assert.equal(text.statusCode, 400);
    assert.equal(text.json().error.details[0].field, 'file');
  });

  test('the Pacific operator cannot edit Pakistan (404), a buyer is refused (403), nobody signed in 401: nothing changes', async () => {
    const before = await pavilionRow(pakistanId);
    const other = await call('otherOperator', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ nameEn: 'Hijacked' }));
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'NOT_FOUND');
    assert.equal((await call('otherOperator', 'GET', `/api/operator/pavilions/${pakistanId}`)).statusCode, 404);
    assert.equal((await upload('otherOperator', pakistanId, await png('#ff0000'))).statusCode, 404);
    const buyer = await call('buyer', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ nameEn: 'Hijacked' }));
    assert.equal(buyer.statusCode, 403);
    assert.equal(buyer.json().error.code, 'FORBIDDEN');
    assert.equal((await call('exporter', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ nameEn: 'Hijacked' }))).statusCode, 403);
    assert.equal((await call('anonymous', 'PUT', `/api/operator/pavilions/${pakistanId}`, content({ nameEn: 'Hijacked' }))).statusCode, 401);
    assert.deepEqual(await pavilionRow(pakistanId), before);
    const pakistanMedia = await ta.testDb.database.db.selectFrom('media').select('id').where('owner', '=', `pavilion:${pakistanId}`).execute();
    assert.equal(pakistanMedia.length, 1, 'the refused upload stored nothing');
    // An admin runs every pavilion.
    const admin = await call('admin', 'PUT', `/api/operator/pavilions/${pacificId}`, content({ nameEn: 'Pacific Islands Pavilion', nameZh: '太平洋岛国馆' }));
    assert.equal(admin.statusCode, 200);
  });

  test('featured exporters and products: approved ones of this pavilion, published ones, in order', async () => {
    const db = ta.testDb.database.db;
    const multani = await exporterId('Multani Blue');
    const ajrak = await exporterId('Ajrak House');
    const bula = await exporterId('Bula Coconut');
    // An exporter of this pavilion still under review: not one to feature.
    const pending = newId();
    const now = new Date().toISOString();
    await db
      .insertInto('exporters')
      .values({ id: pending, pavilion_id: pakistanId, legal_name: 'Under Review Ltd', trading_name_en: 'Under Review', trading_name_zh: '审核中', country_code: 'PK', city: 'Lahore', status: 'pending', created_at: now, updated_at: now })
      .execute();
    // A published product of Multani Blue: the storefront's listing row is what says "published".
    const productId = await insertListedProduct(db, { exporterId: multani, pavilionId: pakistanId, categoryRoot: 'handicrafts', categoryId: 'pottery-ceramics' });
    const draftId = newId();
    await db.insertInto('products').values({ id: draftId, exporter_id: multani, status: 'draft', created_at: now, updated_at: now }).execute();

    const url = `/api/operator/pavilions/${pakistanId}/features`;
    const ok = await call('operator', 'PUT', url, { exporterIds: [ajrak, multani], productIds: [productId] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().featuredExporterIds, [ajrak, multani]);
    let store = (await call('buyer', 'GET', '/api/store/pavilions/pakistan')).json();
    assert.deepEqual(store.featuredExporterIds, [ajrak, multani]);
    assert.deepEqual(store.featuredProductIds, [productId]);

    const refused = await call('operator', 'PUT', url, { exporterIds: [multani, pending, bula, multani], productIds: [draftId] });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(
      refused.json().error.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`),
      ['body.exporterIds.1:not_pavilion_exporter', 'body.exporterIds.2:not_pavilion_exporter', 'body.exporterIds.3:duplicate', 'body.productIds.0:not_pavilion_product'],
    );
    const zh = await call('operator', 'PUT', url, { exporterIds: [], productIds: [draftId] }, { 'accept-language': 'zh-CN' });
    assert.equal(zh.json().error.details[0].message, '须为本馆已上架的商品');
    const tooMany = await call('operator', 'PUT', url, { exporterIds: Array.from({ length: 13 }, () => multani), productIds: [] });
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.json().error.details[0].field, 'body.exporterIds');
    const current = (await call('operator', 'GET', `/api/operator/pavilions/${pakistanId}`)).json();
    assert.deepEqual([current.featuredExporterIds, current.featuredProductIds], [[ajrak, multani], [productId]], 'refused changes left the lists as they were');

    // A product taken off sale leaves the storefront's featured list at once; the operator still sees it listed.
    await db.deleteFrom('catalog_listings').where('product_id', '=', productId).execute();
    store = (await call('buyer', 'GET', '/api/store/pavilions/pakistan')).json();
    assert.deepEqual(store.featuredProductIds, []);
    assert.deepEqual((await call('operator', 'GET', `/api/operator/pavilions/${pakistanId}`)).json().featuredProductIds, [productId]);
  });

  test('stories: bodies are stored without script, handlers or foreign iframes; drafts stay hidden from buyers until published', async () => {
    const base = `/api/operator/pavilions/${pakistanId}/stories`;
    const created = await call('operator', 'POST', base, {
      slug: 'shah-rukn-e-alam',
      titleEn: 'The tiles of Shah Rukn-e-Alam',
      titleZh: '沙·鲁克恩-伊-阿拉姆的釉砖',
      summaryEn: 'Cobalt and turquoise',
      bodyEn: dirtyBody,
      bodyZh: `<p>钴蓝与松石绿</p>${dirtyBody}`,
      position: 5,
    });
    assert.equal(created.statusCode, 201, created.body);
    const story = created.json();
    assert.equal(story.status, 'draft');
    assert.equal(story.publishedAt, null);
    assertClean(story.bodyEn);
    assertClean(story.bodyZh);
    assert.match(story.bodyEn, /<strong>tiles<\/strong>/, 'formatting stays');

    const stored = await ta.testDb.database.db.selectFrom('pavilion_stories').select(['body_en', 'body_zh']).where('id', '=', story.id).executeTakeFirstOrThrow();
    assertClean(stored.body_en);
    assertClean(stored.body_zh);
    const readBack = (await call('operator', 'GET', `${base}/${story.id}`)).json();
    assertClean(readBack.bodyEn);
    assert.equal(readBack.bodyEn, stored.body_en);

    // A draft: not on the pavilion page, its page 404s to buyers and to anyone.
    assert.equal((await call('buyer', 'GET', '/api/store/pavilions/pakistan/stories/shah-rukn-e-alam')).statusCode, 404);
    let page = (await call('buyer', 'GET', '/api/store/pavilions/pakistan')).json();
    assert.ok(!page.stories.some((s: { slug: string }) => s.slug === 'shah-rukn-e-alam'));
    const list = (await call('operator', 'GET', base)).json();
    assert.ok(list.items.some((s: { slug: string; status: string }) => s.slug === 'shah-rukn-e-alam' && s.status === 'draft'));
    assert.equal(list.items[0].bodyEn, undefined, 'the list leaves the bodies out');

    const published = await call('operator', 'POST', `${base}/${story.id}/publish`);
    assert.equal(published.statusCode, 200);
    assert.equal(published.json().status, 'published');
    const publicStory = await call('buyer', 'GET', '/api/store/pavilions/pakistan/stories/shah-rukn-e-alam');
    assert.equal(publicStory.statusCode, 200);
    assertClean(publicStory.json().bodyEn);
    assertClean(publicStory.json().bodyZh);
    assert.equal(publicStory.json().publishedAt, published.json().publishedAt);
    page = (await call('buyer', 'GET', '/api/store/pavilions/pakistan')).json();
    assert.deepEqual(page.stories.map((s: { slug: string }) => s.slug), [...demoStories.pakistan.map((s) => s.slug), 'shah-rukn-e-alam'], 'position 5 comes last');

    // Editing a published story keeps it published, still sanitized.
    const edited = await call('operator', 'PUT', `${base}/${story.id}`, { slug: 'shah-rukn-e-alam', titleEn: 'Tiles', titleZh: '釉砖', bodyEn: '<p>ok</p><script>x()</script>', bodyZh: '<p>好</p>' });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.json().status, 'published');
    assert.equal(edited.json().bodyEn, '<p>ok</p>');

    const unpublished = await call('operator', 'POST', `${base}/${story.id}/unpublish`);
    assert.equal(unpublished.json().status, 'draft');
    assert.equal((await call('buyer', 'GET', '/api/store/pavilions/pakistan/stories/shah-rukn-e-alam')).statusCode, 404);
  });

  test('story slugs are unique per pavilion (409), not across pavilions', async () => {
    const base = `/api/operator/pavilions/${pakistanId}/stories`;
    const story = { slug: 'ajrak-of-sindh', titleEn: 'Again', titleZh: '再来' };
    const clash = await call('operator', 'POST', base, story);
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.json().error.code, 'ALREADY_EXISTS');
    const other = await call('admin', 'POST', `/api/operator/pavilions/${pacificId}/stories`, story);
    assert.equal(other.statusCode, 201, 'another pavilion may use the slug');

    const second = (await call('operator', 'POST', base, { ...story, slug: 'second-story' })).json();
    const rename = await call('operator', 'PUT', `${base}/${second.id}`, { ...story, slug: 'multan-blue-pottery' });
    assert.equal(rename.statusCode, 409);
    const row = await ta.testDb.database.db.selectFrom('pavilion_stories').select('slug').where('id', '=', second.id).executeTakeFirstOrThrow();
    assert.equal(row.slug, 'second-story');
    const badSlug = await call('operator', 'POST', base, { ...story, slug: 'Not A Slug' });
    assert.equal(badSlug.statusCode, 400);
    assert.equal(badSlug.json().error.details[0].field, 'body.slug');
  });

  test('stories: covers must be pavilion images, publishing needs both bodies, other pavilions and buyers see nothing', async () => {
    const base = `/api/operator/pavilions/${pakistanId}/stories`;
    const pacificImage = (await upload('otherOperator', pacificId, await png('#123456'))).json();
    const foreignCover = await call('operator', 'POST', base, { slug: 'covered', titleEn: 'Covered', titleZh: '封面', coverMediaId: pacificImage.id });
    assert.equal(foreignCover.statusCode, 400);
    assert.equal(foreignCover.json().error.details[0].field, 'body.coverMediaId');
    const ownImage = (await upload('operator', pakistanId, await png('#654321'))).json();
    const covered = await call('operator', 'POST', base, { slug: 'covered', titleEn: 'Covered', titleZh: '封面', bodyEn: '<p>text</p>', coverMediaId: ownImage.id });
    assert.equal(covered.statusCode, 201);
    const story = covered.json();
    assert.equal(story.coverImage.urls.thumb, `/media/${ownImage.id}/thumb.webp`);

    const incomplete = await call('operator', 'POST', `${base}/${story.id}/publish`);
    assert.equal(incomplete.statusCode, 400);
    assert.deepEqual(incomplete.json().error.details.map((d: { field: string }) => d.field), ['story.bodyZh']);

    const before = await ta.testDb.database.db.selectFrom('pavilion_stories').selectAll().where('id', '=', story.id).executeTakeFirstOrThrow();
    for (const [who, status] of [['otherOperator', 404], ['buyer', 403], ['exporter', 403], ['anonymous', 401]] as const) {
      assert.equal((await call(who, 'GET', `${base}/${story.id}`)).statusCode, status, `${who} reads`);
      assert.equal((await call(who, 'PUT', `${base}/${story.id}`, { slug: 'hijacked', titleEn: 'x', titleZh: 'x' })).statusCode, status, `${who} edits`);
      assert.equal((await call(who, 'POST', `${base}/${story.id}/publish`)).statusCode, status, `${who} publishes`);
      assert.equal((await call(who, 'DELETE', `${base}/${story.id}`)).statusCode, status, `${who} deletes`);
    }
    // A Pakistan story under the Pacific pavilion's URL does not exist, even for an admin.
    assert.equal((await call('admin', 'GET', `/api/operator/pavilions/${pacificId}/stories/${story.id}`)).statusCode, 404);
    assert.deepEqual(await ta.testDb.database.db.selectFrom('pavilion_stories').selectAll().where('id', '=', story.id).executeTakeFirstOrThrow(), before);

    assert.equal((await call('admin', 'DELETE', `${base}/${story.id}`)).statusCode, 204);
    assert.equal((await call('operator', 'GET', `${base}/${story.id}`)).statusCode, 404);
  });
});

describe('the category tree', () => {
  let ta: TestApp;
  const tokens = new Map<Who, string>();
  const call = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const token = tokens.get(who);
    return ta.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload === undefined ? {} : { payload }) });
  };
  const categoryRow = (id: string) => ta.testDb.database.db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();

  before(async () => {
    ta = await createTestApp();
    for (const [who, login] of Object.entries(logins)) tokens.set(who as Who, await tokenFor(ta.testDb.database.db, login));
  });
  after(() => ta.close());

  test('anyone reads the seeded tree: roots with children, in order, food flagged', async () => {
    const res = await call('anonymous', 'GET', '/api/store/categories');
    assert.equal(res.statusCode, 200);
    const roots = res.json().items as Array<{ id: string; nameZh: string; isFood: boolean; children: Array<{ id: string; path: string; isFood: boolean }> }>;
    assert.deepEqual(roots.map((r) => r.id), [
      'handicrafts', 'textiles-apparel', 'jewellery', 'home-decor', 'food-beverages', 'coffee-tea', 'beauty-personal-care', 'health', 'sports-goods',
    ]);
    const coffee = roots.find((r) => r.id === 'coffee-tea');
    assert.equal(coffee?.nameZh, '咖啡茶饮');
    assert.deepEqual(coffee?.children.map((c) => [c.id, c.path, c.isFood]), [
      ['coffee', 'coffee-tea/coffee/', true],
      ['tea', 'coffee-tea/tea/', true],
      ['kava', 'coffee-tea/kava/', true],
    ]);
    assert.equal(roots.find((r) => r.id === 'handicrafts')?.isFood, false);
  });

  test('an operator of any pavilion adds a child of a root, at the end, food inherited; a third level is refused', async () => {
    const created = await call('otherOperator', 'POST', '/api/operator/categories', { slug: 'kava-bowls', nameEn: 'Kava bowls', nameZh: '卡瓦碗', parentId: 'woodcraft' });
    assert.equal(created.statusCode, 400, 'woodcraft is a child: no third level');
    assert.equal(created.json().error.details[0].field, 'body.parentId');
    assert.equal(await categoryRow('kava-bowls'), undefined);

    const child = await call('otherOperator', 'POST', '/api/operator/categories', { slug: 'cocoa-nibs', nameEn: 'Cocoa nibs', nameZh: '可可碎粒', parentId: 'food-beverages' });
    assert.equal(child.statusCode, 201, child.body);
    assert.deepEqual(
      { id: child.json().id, path: child.json().path, isFood: child.json().isFood, position: child.json().position },
      { id: 'cocoa-nibs', path: 'food-beverages/cocoa-nibs/', isFood: true, position: 7 },
    );
    const root = await call('admin', 'POST', '/api/operator/categories', { slug: 'stationery', nameEn: 'Stationery', nameZh: '文具' });
    assert.equal(root.statusCode, 201);
    assert.deepEqual([root.json().parentId, root.json().path, root.json().isFood, root.json().position], [null, 'stationery/', false, 9]);
    const tree = (await call('buyer', 'GET', '/api/store/categories')).json().items;
    assert.equal(tree.at(-1).id, 'stationery');
    assert.equal(tree.find((r: { id: string }) => r.id === 'food-beverages').children.at(-1).id, 'cocoa-nibs');

    const unknown = await call('operator', 'POST', '/api/operator/categories', { slug: 'orphans', nameEn: 'Orphans', nameZh: '孤儿', parentId: 'nowhere' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].rule, 'unknown_category');
    const clash = await call('operator', 'POST', '/api/operator/categories', { slug: 'honey', nameEn: 'Honey again', nameZh: '蜂蜜', parentId: null });
    assert.equal(clash.statusCode, 409);
    assert.equal((await categoryRow('honey'))?.name_en, 'Honey');
  });

  test('an operator renames, reorders and flags a category; the slug cannot change; buyers and exporters are refused', async () => {
    const res = await call('operator', 'PUT', '/api/operator/categories/kava', { nameEn: 'Kava (yaqona)', nameZh: '卡瓦（扬戈纳）', position: 0, isFood: true });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().nameEn, 'Kava (yaqona)');
    const coffee = (await call('anonymous', 'GET', '/api/store/categories')).json().items.find((r: { id: string }) => r.id === 'coffee-tea');
    assert.deepEqual(coffee.children.map((c: { id: string }) => c.id), ['coffee', 'kava', 'tea'], 'position 0 ties with coffee and sorts by slug');

    const rename = await call('operator', 'PUT', '/api/operator/categories/kava', { slug: 'yaqona', nameEn: 'x', nameZh: 'x', position: 0, isFood: true });
    assert.equal(rename.statusCode, 400);
    assert.equal(rename.json().error.details[0].field, 'body.slug');
    const before = await categoryRow('tea');
    assert.equal((await call('buyer', 'PUT', '/api/operator/categories/tea', { nameEn: 'x', nameZh: 'x', position: 0, isFood: false })).statusCode, 403);
    assert.equal((await call('exporter', 'DELETE', '/api/operator/categories/tea')).statusCode, 403);
    assert.equal((await call('anonymous', 'POST', '/api/operator/categories', { slug: 'x-y', nameEn: 'x', nameZh: 'x' })).statusCode, 401);
    assert.deepEqual(await categoryRow('tea'), before);
    assert.equal((await call('operator', 'PUT', '/api/operator/categories/no-such-category', { nameEn: 'x', nameZh: 'x', position: 0, isFood: false })).statusCode, 404);
  });

  test('a category in use (children, exporters, listings) is not deleted: 409 IN_USE; an unused one is', async () => {
    const db = ta.testDb.database.db;
    const withChildren = await call('operator', 'DELETE', '/api/operator/categories/jewellery');
    assert.equal(withChildren.statusCode, 409);
    assert.equal(withChildren.json().error.code, 'IN_USE');
    assert.deepEqual(withChildren.json().error.details, { children: 2, exporters: 0, products: 0 });

    const multani = (await db.selectFrom('exporters').select('id').where('trading_name_en', '=', 'Multani Blue').executeTakeFirstOrThrow()).id;
    await db.insertInto('exporter_categories').values({ exporter_id: multani, category_id: 'pottery-ceramics' }).execute();
    const byExporter = await call('operator', 'DELETE', '/api/operator/categories/pottery-ceramics');
    assert.equal(byExporter.statusCode, 409);
    assert.equal(byExporter.json().error.details.exporters, 1);

    const pakistan = (await db.selectFrom('pavilions').select('id').where('slug', '=', 'pakistan').executeTakeFirstOrThrow()).id;
    await insertListedProduct(db, { exporterId: multani, pavilionId: pakistan, categoryRoot: 'handicrafts', categoryId: 'woodcraft' });
    const byListing = await call('admin', 'DELETE', '/api/operator/categories/woodcraft');
    assert.equal(byListing.statusCode, 409);
    assert.equal(byListing.json().error.details.products, 1);
    assert.ok(await categoryRow('woodcraft'));
    assert.ok(await categoryRow('pottery-ceramics'));
    assert.ok(await categoryRow('jewellery'));

    assert.equal((await call('operator', 'DELETE', '/api/operator/categories/pearls')).statusCode, 204);
    assert.equal(await categoryRow('pearls'), undefined);
    assert.equal((await call('operator', 'DELETE', '/api/operator/categories/pearls')).statusCode, 404);
    const zh = await ta.app.inject({ method: 'DELETE', url: '/api/operator/categories/jewellery', headers: { ...bearer(tokens.get('operator') ?? ''), 'accept-language': 'zh-CN' } });
    assert.equal(zh.json().error.message, '该项仍在使用中，无法删除。');
  });
});

describe('the HS rate table', () => {
  let ta: TestApp;
  const tokens = new Map<Who, string>();
  const call = async (who: Who, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) => {
    const token = tokens.get(who);
    return ta.app.inject({ method, url, headers: { ...(token ? bearer(token) : {}), ...headers }, ...(payload === undefined ? {} : { payload }) });
  };
  const rateRow = (code: string) => ta.testDb.database.db.selectFrom('hs_rates').selectAll().where('hs_code', '=', code).executeTakeFirst();
  const perfume = { descriptionEn: 'Perfumes, high-end', descriptionZh: '高档香水', vatRateBp: 1300, consumptionTaxRateBp: 1500, tariffRateBp: 300, retailEligible: true, retailModes: 'both' };

  before(async () => {
    ta = await createTestApp();
    for (const [who, login] of Object.entries(logins)) tokens.set(who as Who, await tokenFor(ta.testDb.database.db, login));
  });
  after(() => ta.close());

  test('an operator of any pavilion creates and replaces a rate; the admin too', async () => {
    const created = await call('otherOperator', 'PUT', '/api/operator/hs-rates/3303000010', perfume);
    assert.equal(created.statusCode, 200, created.body);
    const { updatedAt, ...rate } = created.json<Record<string, unknown>>();
    assert.deepEqual(rate, { hsCode: '3303000010', ...perfume, isFood: false }, 'perfume (chapter 33) is not food by default');
    assert.ok(!Number.isNaN(Date.parse(String(updatedAt))));
    const replaced = await call('operator', 'PUT', '/api/operator/hs-rates/3303000010', { ...perfume, retailModes: '1210', retailEligible: false });
    assert.equal(replaced.statusCode, 200);
    const row = await rateRow('3303000010');
    assert.deepEqual([row?.retail_modes, row?.retail_eligible, row?.vat_rate_bp, row?.consumption_tax_rate_bp, row?.tariff_rate_bp], ['1210', 0, 1300, 1500, 300]);
    const listed = (await call('operator', 'GET', '/api/operator/hs-rates?q=3303000010')).json();
    assert.equal(listed.items[0].tariffRateBp, 300, 'the table answers the MFN tariff it keeps');
    const mango = await call('admin', 'PUT', '/api/operator/hs-rates/0804502000', { descriptionEn: 'Mangoes, fresh', descriptionZh: '鲜芒果', vatRateBp: 900, retailEligible: true });
    assert.equal(mango.statusCode, 200);
    assert.deepEqual([mango.json().consumptionTaxRateBp, mango.json().retailModes, mango.json().tariffRateBp, mango.json().isFood], [0, 'both', null, true], 'defaults: no tariff entered; fresh fruit, chapter 08, is food');
    await call('admin', 'PUT', '/api/operator/hs-rates/7113191100', { descriptionEn: 'Jewellery of precious metal', descriptionZh: '贵金属首饰', vatRateBp: 1300, consumptionTaxRateBp: 1000, retailEligible: true });

    const all = (await call('operator', 'GET', '/api/operator/hs-rates')).json();
    assert.deepEqual(all.items.map((r: { hsCode: string }) => r.hsCode), ['0804502000', '3303000010', '7113191100']);
    assert.equal(all.total, 3);
    const byPrefix = (await call('operator', 'GET', '/api/operator/hs-rates?q=3303')).json();
    assert.deepEqual(byPrefix.items.map((r: { hsCode: string }) => r.hsCode), ['3303000010']);
    const byWord = (await call('operator', 'GET', '/api/operator/hs-rates?q=MANGO')).json();
    assert.deepEqual(byWord.items.map((r: { hsCode: string }) => r.hsCode), ['0804502000'], 'case-insensitive');
    const byChinese = (await call('operator', 'GET', `/api/operator/hs-rates?q=${encodeURIComponent('首饰')}`)).json();
    assert.deepEqual(byChinese.items.map((r: { hsCode: string }) => r.hsCode), ['7113191100']);
    const wildcard = (await call('operator', 'GET', `/api/operator/hs-rates?q=${encodeURIComponent('%')}`)).json();
    assert.equal(wildcard.total, 0, '% is a character, not a wildcard');
    const paged = (await call('operator', 'GET', '/api/operator/hs-rates?pageSize=2&page=2')).json();
    assert.deepEqual([paged.items.length, paged.total], [1, 3]);
  });

  test('validation names the field: letters, nine digits, VAT 10001, consumption tax 100%, empty descriptions', async () => {
    const letters = await call('operator', 'PUT', '/api/operator/hs-rates/33030000AB', perfume);
    assert.equal(letters.statusCode, 400);
    assert.deepEqual(letters.json().error.details, [{ field: 'params.hsCode', rule: 'hs_code', message: 'must be a 10-digit HS code' }]);
    const nine = await call('operator', 'PUT', '/api/operator/hs-rates/330300001', perfume, { 'accept-language': 'zh-CN' });
    assert.equal(nine.json().error.details[0].message, 'HS 编码须为 10 位数字');
    const vat = await call('operator', 'PUT', '/api/operator/hs-rates/3304990010', { ...perfume, vatRateBp: 10001 });
    assert.equal(vat.statusCode, 400);
    assert.deepEqual(vat.json().error.details.map((d: { field: string }) => d.field), ['body.vatRateBp']);
    assert.match(vat.json().error.details[0].message, /0 to 10000/);
    const ct = await call('operator', 'PUT', '/api/operator/hs-rates/3304990010', { ...perfume, consumptionTaxRateBp: 10000, descriptionZh: ' ' });
    assert.deepEqual(ct.json().error.details.map((d: { field: string }) => d.field), ['body.descriptionZh', 'body.consumptionTaxRateBp']);
    const tariff = await call('operator', 'PUT', '/api/operator/hs-rates/3304990010', { ...perfume, tariffRateBp: 10_001 }, { 'accept-language': 'zh-CN' });
    assert.equal(tariff.statusCode, 400);
    assert.deepEqual(tariff.json().error.details, [{ field: 'body.tariffRateBp', rule: 'rate_range', message: '须为 0–10000 的整数基点（1000 即 10%），或留空' }]);
    const shape = await call('operator', 'PUT', '/api/operator/hs-rates/3304990010', { ...perfume, vatRateBp: '13%', retailModes: '9610' });
    assert.equal(shape.statusCode, 400);
    assert.deepEqual(shape.json().error.details.map((d: { field: string }) => d.field).sort(), ['body.retailModes', 'body.vatRateBp']);
    assert.equal(await rateRow('3304990010'), undefined, 'nothing stored');
  });

  test('delete: 204 then 404; buyers and exporters cannot touch the table', async () => {
    await call('admin', 'PUT', '/api/operator/hs-rates/0901210000', { descriptionEn: 'Coffee, roasted', descriptionZh: '已焙炒咖啡', vatRateBp: 1300, retailEligible: true });
    for (const [who, status] of [['buyer', 403], ['exporter', 403], ['anonymous', 401]] as const) {
      assert.equal((await call(who, 'GET', '/api/operator/hs-rates')).statusCode, status);
      assert.equal((await call(who, 'PUT', '/api/operator/hs-rates/0901210000', { ...perfume })).statusCode, status);
      assert.equal((await call(who, 'DELETE', '/api/operator/hs-rates/0901210000')).statusCode, status);
    }
    assert.equal((await rateRow('0901210000'))?.description_en, 'Coffee, roasted', 'unchanged');
    assert.equal((await call('otherOperator', 'DELETE', '/api/operator/hs-rates/0901210000')).statusCode, 204);
    assert.equal(await rateRow('0901210000'), undefined);
    assert.equal((await call('operator', 'DELETE', '/api/operator/hs-rates/0901210000')).statusCode, 404);
    const bad = await call('operator', 'DELETE', '/api/operator/hs-rates/0901');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'params.hsCode');
  });
});
