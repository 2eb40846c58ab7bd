import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { validationMessages as m } from '@pavilion/contracts';
import { createTestApp, ORIGIN, type TestApp } from '../support/test-app.ts';
import { bearer, cookieLogin, tokenFor } from '../support/sessions.ts';
import { demoAdmin, demoExporters, demoPavilions } from '../../src/features/demo/demo-data.ts';
import { DirectoryFileStore } from '../../src/platform/file-store.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { MediaService } from '../../src/features/media/media.service.ts';

const multani = demoExporters[0];
/** The demo's pending exporters (awaiting review) in each pavilion. */
const pendingIn = (pavilion: string) => demoExporters.filter((e) => e.pavilion === pavilion && e.status === 'pending');
const pendingPk = pendingIn('pakistan')[0];
if (!pendingPk) throw new Error('the demo needs a pending exporter in the Pakistan pavilion');
const bula = demoExporters[4];
const operatorPk = demoPavilions[0].operator.email;
const operatorPacific = demoPavilions[1].operator.email;

interface Issue {
  field: string;
  rule: string;
  message: string;
}
const fieldsOf = (body: { error: { details?: Issue[] } }): string[] => (body.error.details ?? []).map((d) => d.field);

/** A complete application from Karachi (non-food); override what a test needs. */
function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: 'faisal@indusleather.example',
    password: 'indus-leather-2026',
    displayName: 'Faisal Ahmed',
    pavilionSlug: 'pakistan',
    legalName: 'Indus Leather Works (Pvt) Ltd',
    tradingNameEn: 'Indus Leather',
    tradingNameZh: '印度河皮具',
    country: 'PK',
    city: 'Karachi',
    address: 'Plot 12, Korangi Industrial Area, Karachi',
    contactName: 'Faisal Ahmed',
    contactEmail: 'export@indusleather.example',
    contactPhone: '+92 21 3500 1234',
    registrationNumber: 'TDAP-EX-2024-1187',
    categories: ['footwear', 'clothing'],
    session: 'token',
    ...overrides,
  };
}

/** A food maker from Suva: kava needs the GACC registration (Decree 248). */
function foodApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return application({
    email: 'mere@suvakava.example',
    displayName: 'Mere Tuilagi',
    pavilionSlug: 'pacific',
    legalName: 'Suva Kava Exporters Ltd',
    tradingNameEn: 'Suva Kava',
    tradingNameZh: '苏瓦卡瓦',
    country: 'FJ',
    city: 'Suva',
    address: '45 Foster Road, Walu Bay, Suva',
    contactName: 'Mere Tuilagi',
    contactEmail: 'mere@suvakava.example',
    contactPhone: '+679 331 2345',
    registrationNumber: 'FJ-ROC-2018-5521',
    categories: ['kava'],
    gaccRegistrationNumber: 'CFJI01802311150032',
    manufacturerName: 'Suva Kava Processing Plant',
    manufacturerAddress: '45 Foster Road, Walu Bay, Suva, Fiji',
    ...overrides,
  });
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function documentForm(file: { bytes: Buffer; name: string; type: string }, kind: string | null = 'export_licence'): FormData {
  const form = new FormData();
  if (kind !== null) form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

describe('exporter onboarding', () => {
  let ta: TestApp;
  let db: TestApp['testDb']['database']['db'];
  const tokens = new Map<string, string>();
  const token = async (login: string): Promise<string> => {
    let t = tokens.get(login);
    if (!t) {
      t = await tokenFor(db, login);
      tokens.set(login, t);
    }
    return t;
  };
  const as = async (login: string) => bearer(await token(login));
  const exporterIdOf = async (tradingNameEn: string) =>
    (await db.selectFrom('exporters').select('id').where('trading_name_en', '=', tradingNameEn).executeTakeFirstOrThrow()).id;
  const exporterRow = (id: string) => db.selectFrom('exporters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const documentFiles = (exporterId: string): string[] => {
    const dir = path.join(ta.testDb.dir, 'files', 'documents', exporterId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const apply = (body: Record<string, unknown>) => ta.app.inject({ method: 'POST', url: '/api/exporter/applications', payload: body });

  before(async () => {
    ta = await createTestApp();
    db = ta.testDb.database.db;
  });
  after(() => ta.close());

  describe('applications', () => {
    test('an exporter from Karachi applies: account, exporter (pending, submitted) and a session in one go', async () => {
      const res = await apply(application());
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.match(body.token, /^pv_/);
      assert.equal(body.user.email, 'faisal@indusleather.example');
      assert.deepEqual(body.user.roles.map((r: { role: string; exporter: { nameEn: string } }) => [r.role, r.exporter.nameEn]), [['exporter_member', 'Indus Leather']]);

      const mine = await ta.app.inject({ method: 'GET', url: '/api/exporter/application', headers: bearer(body.token) });
      assert.equal(mine.statusCode, 200);
      const app = mine.json();
      assert.equal(app.status, 'pending');
      assert.equal(app.reviewReason, null);
      assert.ok(app.submittedAt);
      assert.equal(app.pavilion.slug, 'pakistan');
      assert.equal(app.registrationNumber, 'TDAP-EX-2024-1187');
      assert.deepEqual(app.categories.map((c: { id: string }) => c.id).sort(), ['clothing', 'footwear']);
      assert.equal(app.requiresGacc, false);
      assert.deepEqual(app.lockedFields, []);

      // The new member signs in with the password chosen at application.
      await cookieLogin(ta.app, 'faisal@indusleather.example', 'indus-leather-2026');
    });

    test('a food maker from Suva applies with its GACC registration, and gets a cookie session by default', async () => {
      const { session: _session, ...body } = foodApplication();
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/applications', headers: { origin: ORIGIN }, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(res.cookies.find((c) => c.name === 'pavilion_session'));
      assert.equal(res.json().token, undefined);
      const row = await exporterRow(await exporterIdOf('Suva Kava'));
      assert.equal(row.gacc_registration_number, 'CFJI01802311150032');
      assert.equal(row.manufacturer_name, 'Suva Kava Processing Plant');
      assert.equal(row.status, 'pending');
    });

    test('a food category without the GACC number answers 400 naming it, and creates nothing', async () => {
      for (const categories of [['kava'], ['coffee-tea'], ['handicrafts', 'honey']]) {
        const res = await apply(foodApplication({ email: 'nogacc@example.com', categories, gaccRegistrationNumber: null, manufacturerName: null, manufacturerAddress: null }));
        assert.equal(res.statusCode, 400, `${categories.join(',')}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
        assert.deepEqual(fieldsOf(res.json()), ['body.gaccRegistrationNumber', 'body.manufacturerName', 'body.manufacturerAddress']);
        assert.equal(res.json().error.details[0].message, m.requiredForFood.en);
      }
      const zh = await ta.app.inject({
        method: 'POST',
        url: '/api/exporter/applications',
        headers: { 'accept-language': 'zh-CN' },
        payload: foodApplication({ email: 'nogacc@example.com', gaccRegistrationNumber: null }),
      });
      assert.deepEqual(zh.json().error.details, [{ field: 'body.gaccRegistrationNumber', rule: 'required_for_food', message: m.requiredForFood.zh }]);
      assert.equal(await db.selectFrom('users').select('id').where('email', '=', 'nogacc@example.com').executeTakeFirst(), undefined);
    });

    test('a country outside the pavilion answers 400 naming it, and creates nothing', async () => {
      const res = await apply(application({ email: 'fiji@example.com', country: 'FJ' }));
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error.details, [{ field: 'body.country', rule: 'not_in_pavilion', message: m.countryNotInPavilion.en }]);
      assert.equal(await db.selectFrom('users').select('id').where('email', '=', 'fiji@example.com').executeTakeFirst(), undefined);
      assert.equal(await db.selectFrom('exporters').select('id').where('country_code', '=', 'FJ').where('pavilion_id', 'in', db.selectFrom('pavilions').select('id').where('slug', '=', 'pakistan')).executeTakeFirst(), undefined);
    });

    test('unknown categories and pavilions are named', async () => {
      const cats = await apply(application({ email: 'cats@example.com', categories: ['footwear', 'spaceships'] }));
      assert.equal(cats.statusCode, 400);
      assert.deepEqual(fieldsOf(cats.json()), ['body.categories.1']);
      const pav = await apply(application({ email: 'cats@example.com', pavilionSlug: 'atlantis' }));
      assert.equal(pav.statusCode, 400);
      assert.deepEqual(fieldsOf(pav.json()), ['body.pavilionSlug']);
    });

    test('an email already registered answers 409 ALREADY_EXISTS and adds no exporter', async () => {
      const before = await db.selectFrom('exporters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const res = await apply(application({ email: multani.member.email, tradingNameEn: 'Copycat' }));
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'ALREADY_EXISTS');
      const after = await db.selectFrom('exporters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('the password must be at least 10 characters', async () => {
      const res = await apply(application({ email: 'short@example.com', password: 'short' }));
      assert.equal(res.statusCode, 400);
      assert.deepEqual(fieldsOf(res.json()), ['body.password']);
    });
  });

  describe('review', () => {
    test("the queue shows the caller's pavilions only, oldest submission first", async () => {
      const pk = await ta.app.inject({ method: 'GET', url: '/api/operator/exporters', headers: await as(operatorPk) });
      assert.equal(pk.statusCode, 200);
      // The demo's pending exporters were submitted at seeding, before today's applications.
      const names = pk.json().items.map((i: { tradingNameEn: string }) => i.tradingNameEn);
      assert.deepEqual(names.slice(0, -1).sort(), pendingIn('pakistan').map((e) => e.tradingNameEn).sort());
      assert.equal(names.at(-1), 'Indus Leather');
      const pacific = await ta.app.inject({ method: 'GET', url: '/api/operator/exporters?status=pending', headers: await as(operatorPacific) });
      const pacificNames = pacific.json().items.map((i: { tradingNameEn: string }) => i.tradingNameEn);
      assert.deepEqual(pacificNames.slice(0, -1).sort(), pendingIn('pacific').map((e) => e.tradingNameEn).sort());
      assert.equal(pacificNames.at(-1), 'Suva Kava');
      const admin = await ta.app.inject({ method: 'GET', url: '/api/operator/exporters?status=approved', headers: await as(demoAdmin.email) });
      assert.equal(admin.json().total, demoExporters.filter((e) => e.status === 'approved').length);
    });

    test('an operator of the Pacific pavilion gets 404 for a Pakistan exporter, and changes nothing', async () => {
      const id = await exporterIdOf('Indus Leather');
      const headers = await as(operatorPacific);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/operator/exporters/${id}`, headers })).statusCode, 404);
      const review = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers, payload: { decision: 'approve' } });
      assert.equal(review.statusCode, 404);
      assert.equal((await exporterRow(id)).status, 'pending');
    });

    test('a rejection needs a reason (5–500 characters); the exporter then sees why', async () => {
      const id = await exporterIdOf('Indus Leather');
      const headers = await as(operatorPk);
      for (const payload of [{ decision: 'reject' }, { decision: 'reject', reason: 'no' }, { decision: 'approve', reason: 'Looks fine' }]) {
        const res = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers, payload });
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.deepEqual(fieldsOf(res.json()), ['body.reason']);
      }
      assert.equal((await exporterRow(id)).status, 'pending');

      const reason = 'The export licence uploaded has expired; please upload the 2026 renewal.';
      const res = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers, payload: { decision: 'reject', reason } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'rejected');
      assert.equal(res.json().reviewReason, reason);

      const member = await as('faisal@indusleather.example');
      const mine = await ta.app.inject({ method: 'GET', url: '/api/exporter/application', headers: member });
      assert.equal(mine.json().status, 'rejected');
      assert.equal(mine.json().reviewReason, reason);
      const profile = await ta.app.inject({ method: 'GET', url: '/api/exporter/profile', headers: member });
      assert.equal(profile.json().reviewReason, reason);
      assert.equal(profile.json().exporter.status, 'rejected');
    });

    test('an illegal transition answers 409 INVALID_TRANSITION and leaves the row unchanged', async () => {
      const id = await exporterIdOf('Indus Leather');
      const before = await exporterRow(id);
      const headers = await as(operatorPk);
      for (const [url, payload] of [
        [`/api/operator/exporters/${id}/review`, { decision: 'approve' }],
        [`/api/operator/exporters/${id}/suspend`, { reason: 'Suspending a rejected one' }],
        [`/api/operator/exporters/${id}/reinstate`, undefined],
      ] as const) {
        const res = await ta.app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
        assert.equal(res.statusCode, 409, url);
        assert.equal(res.json().error.code, 'INVALID_TRANSITION');
      }
      assert.deepEqual(await exporterRow(id), before);
    });

    test('a rejected exporter edits its application, which resubmits it (pending, reason cleared)', async () => {
      const id = await exporterIdOf('Indus Leather');
      const before = await exporterRow(id);
      const res = await ta.app.inject({
        method: 'PUT',
        url: '/api/exporter/application',
        headers: await as('faisal@indusleather.example'),
        payload: { registrationNumber: 'TDAP-EX-2026-0031', storyEn: '<p>Since 1984.</p><script>alert(1)</script>' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'pending');
      assert.equal(res.json().reviewReason, null);
      assert.equal(res.json().registrationNumber, 'TDAP-EX-2026-0031');
      assert.equal(res.json().storyEn, '<p>Since 1984.</p>');
      assert.ok(res.json().submittedAt >= (before.submitted_at ?? ''));
    });

    test('an exporter cannot set its own status or review reason', async () => {
      const id = await exporterIdOf('Indus Leather');
      const before = await exporterRow(id);
      const res = await ta.app.inject({ method: 'PUT', url: '/api/exporter/application', headers: await as('faisal@indusleather.example'), payload: { status: 'approved', reviewReason: null } });
      assert.equal(res.statusCode, 400);
      // Unknown keys are named; with nothing else sent, the body itself is named too (nothing to change).
      assert.deepEqual(fieldsOf(res.json()).sort(), ['body', 'body.reviewReason', 'body.status']);
      assert.deepEqual(await exporterRow(id), before);
    });

    test('two operators deciding at once: exactly one wins', async () => {
      const id = await exporterIdOf('Indus Leather');
      const [a, b] = await Promise.all([
        ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers: await as(operatorPk), payload: { decision: 'approve' } }),
        ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers: await as(demoAdmin.email), payload: { decision: 'reject', reason: 'Racing the other operator' } }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const row = await exporterRow(id);
      const winner = a.statusCode === 200 ? 'approved' : 'rejected';
      assert.equal(row.status, winner);
      if (winner === 'rejected') {
        // Put it back on the happy path for the tests that follow.
        await ta.app.inject({ method: 'PUT', url: '/api/exporter/application', headers: await as('faisal@indusleather.example'), payload: { city: 'Karachi' } });
        const approved = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/review`, headers: await as(operatorPk), payload: { decision: 'approve' } });
        assert.equal(approved.statusCode, 200);
      }
    });

    test('once approved, legal name, registration and GACC numbers are locked; contact and address are not', async () => {
      const id = await exporterIdOf('Indus Leather');
      const headers = await as('faisal@indusleather.example');
      const before = await exporterRow(id);
      const locked = await ta.app.inject({
        method: 'PUT',
        url: '/api/exporter/application',
        headers,
        payload: { legalName: 'Indus Leather Holdings', registrationNumber: 'OTHER-1', gaccRegistrationNumber: 'CPAK00000000001', contactPhone: '+92 21 1111 2222' },
      });
      assert.equal(locked.statusCode, 400);
      assert.deepEqual(locked.json().error.details, [
        { field: 'body.legalName', rule: 'locked', message: m.lockedOnceApproved.en },
        { field: 'body.registrationNumber', rule: 'locked', message: m.lockedOnceApproved.en },
        { field: 'body.gaccRegistrationNumber', rule: 'locked', message: m.lockedOnceApproved.en },
      ]);
      assert.deepEqual(await exporterRow(id), before);

      const ok = await ta.app.inject({
        method: 'PUT',
        url: '/api/exporter/application',
        headers,
        // Locked fields sent back unchanged are fine: a form may send the whole application.
        payload: { legalName: before.legal_name, contactPhone: '+92 21 1111 2222', address: 'Plot 14, Korangi Industrial Area, Karachi' },
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().status, 'approved');
      assert.equal(ok.json().contactPhone, '+92 21 1111 2222');
      assert.ok(ok.json().lockedFields.includes('legalName'));
      assert.ok(!ok.json().lockedFields.includes('address'));
    });

    test("a suspended exporter's members still sign in, but its storefront page answers 404 until reinstated", async () => {
      const id = await exporterIdOf('Indus Leather');
      const headers = await as(operatorPk);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/exporters/${id}` })).statusCode, 200);
      const noReason = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/suspend`, headers, payload: {} });
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(fieldsOf(noReason.json()), ['body.reason']);

      const reason = 'Customs flagged a shipment; suspended while it is investigated.';
      const suspended = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/suspend`, headers, payload: { reason } });
      assert.equal(suspended.statusCode, 200);
      assert.equal(suspended.json().status, 'suspended');
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/exporters/${id}` })).statusCode, 404);

      const cookie = await cookieLogin(ta.app, 'faisal@indusleather.example', 'indus-leather-2026');
      const mine = await ta.app.inject({ method: 'GET', url: '/api/exporter/application', headers: { cookie } });
      assert.equal(mine.statusCode, 200);
      assert.equal(mine.json().status, 'suspended');
      assert.equal(mine.json().reviewReason, reason);

      const reinstated = await ta.app.inject({ method: 'POST', url: `/api/operator/exporters/${id}/reinstate`, headers });
      assert.equal(reinstated.statusCode, 200);
      assert.equal(reinstated.json().status, 'approved');
      assert.equal(reinstated.json().reviewReason, null);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/exporters/${id}` })).statusCode, 200);
    });
  });

  describe('documents', () => {
    let pendingDocId: string;

    test('a PDF is stored privately with its hash, size and name, and downloaded as an attachment', async () => {
      const headers = await as(pendingPk.member.email);
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: minimalPdf, name: '出口许可证 2026.pdf', type: 'application/pdf' }) });
      assert.equal(res.statusCode, 201, res.body);
      const doc = res.json();
      pendingDocId = doc.id;
      assert.equal(doc.kind, 'export_licence');
      assert.equal(doc.mediaType, 'application/pdf');
      assert.equal(doc.fileName, '出口许可证 2026.pdf');
      assert.equal(doc.sizeBytes, minimalPdf.length);
      assert.equal(doc.sha256, createHash('sha256').update(minimalPdf).digest('hex'));
      assert.ok(!('storageKey' in doc));

      const exporterId = await exporterIdOf(pendingPk.tradingNameEn);
      assert.deepEqual(documentFiles(exporterId), [doc.id]);
      assert.ok(!existsSync(path.join(ta.testDb.dir, 'files', 'media', doc.id.slice(0, 2))), 'not under media/');

      const list = await ta.app.inject({ method: 'GET', url: '/api/exporter/documents', headers });
      assert.deepEqual(list.json().items.map((d: { id: string }) => d.id), [doc.id]);

      const file = await ta.app.inject({ method: 'GET', url: `/api/exporter/documents/${doc.id}/file`, headers });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.headers['cache-control'], 'private, no-store');
      assert.equal(file.headers['content-disposition'], `attachment; filename="_____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('出口许可证 2026.pdf')}`);
      assert.deepEqual(file.rawPayload, minimalPdf);
    });

    test('a PNG is detected by its content whatever its name says', async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer();
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers: await as(pendingPk.member.email), payload: documentForm({ bytes: png, name: 'registration.pdf', type: 'application/pdf' }, 'business_registration') });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().mediaType, 'image/png');
    });

    test('a text file renamed .pdf or .jpg answers 400 naming file, and nothing is stored', async () => {
      const exporterId = await exporterIdOf('Sialkot Match Ball');
      const headers = await as(demoExporters[2].member.email);
      for (const [name, type] of [['licence.pdf', 'application/pdf'], ['licence.jpg', 'image/jpeg']] as const) {
        const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: Buffer.from('just some text, not a licence\n'), name, type }) });
        assert.equal(res.statusCode, 400, name);
        assert.deepEqual(fieldsOf(res.json()), ['file']);
        assert.equal(res.json().error.details[0].rule, 'invalid_file_type');
      }
      assert.equal(await db.selectFrom('exporter_documents').select('id').where('exporter_id', '=', exporterId).executeTakeFirst(), undefined);
      assert.deepEqual(documentFiles(exporterId), []);
    });

    test('documents up to 10 MB are accepted (beyond the JSON body limit); a larger one answers 400 naming file', async () => {
      const headers = await as(demoExporters[1].member.email);
      const padded = (size: number) => Buffer.concat([minimalPdf, Buffer.alloc(size - minimalPdf.length, 0x20)]);
      const big = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: padded(10 * 1024 * 1024), name: 'scan.pdf', type: 'application/pdf' }) });
      assert.equal(big.statusCode, 201, big.body);
      assert.equal(big.json().sizeBytes, 10 * 1024 * 1024);
      const tooBig = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: padded(10 * 1024 * 1024 + 1), name: 'scan.pdf', type: 'application/pdf' }) });
      assert.equal(tooBig.statusCode, 400);
      assert.deepEqual(fieldsOf(tooBig.json()), ['file']);
      const ajrakId = await exporterIdOf('Ajrak House');
      assert.deepEqual(documentFiles(ajrakId), [big.json().id]);
    });

    test('a missing or unknown kind answers 400 naming kind', async () => {
      const headers = await as(demoExporters[2].member.email);
      for (const kind of [null, 'passport']) {
        const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: minimalPdf, name: 'a.pdf', type: 'application/pdf' }, kind) });
        assert.equal(res.statusCode, 400);
        assert.deepEqual(fieldsOf(res.json()), ['kind']);
      }
    });

    test("exporter B gets 404 for A's document, to fetch or delete it", async () => {
      const headers = await as(bula.member.email);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/exporter/documents/${pendingDocId}/file`, headers })).statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'DELETE', url: `/api/exporter/documents/${pendingDocId}`, headers })).statusCode, 404);
      assert.ok(await db.selectFrom('exporter_documents').select('id').where('id', '=', pendingDocId).executeTakeFirst());
    });

    test("the pavilion's operators and admins fetch an exporter's documents; other pavilions' operators get 404", async () => {
      const exporterId = await exporterIdOf(pendingPk.tradingNameEn);
      const url = `/api/operator/exporters/${exporterId}/documents/${pendingDocId}/file`;
      const pk = await ta.app.inject({ method: 'GET', url, headers: await as(operatorPk) });
      assert.equal(pk.statusCode, 200);
      assert.deepEqual(pk.rawPayload, minimalPdf);
      assert.equal(pk.headers['cache-control'], 'private, no-store');
      assert.equal((await ta.app.inject({ method: 'GET', url, headers: await as(demoAdmin.email) })).statusCode, 200);
      assert.equal((await ta.app.inject({ method: 'GET', url, headers: await as(operatorPacific) })).statusCode, 404);
      // Naming another exporter with this document's id does not reach it either.
      const other = await exporterIdOf('Multani Blue');
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/operator/exporters/${other}/documents/${pendingDocId}/file`, headers: await as(operatorPk) })).statusCode, 404);

      const detail = await ta.app.inject({ method: 'GET', url: `/api/operator/exporters/${exporterId}`, headers: await as(operatorPk) });
      assert.equal(detail.statusCode, 200);
      assert.equal(detail.json().documents.length, 2);
      assert.deepEqual(detail.json().members.map((mm: { email: string }) => mm.email), [pendingPk.member.email]);
    });

    test('a pending exporter deletes a document (row and file); an approved one cannot (409)', async () => {
      const pendingId = await exporterIdOf(pendingPk.tradingNameEn);
      const del = await ta.app.inject({ method: 'DELETE', url: `/api/exporter/documents/${pendingDocId}`, headers: await as(pendingPk.member.email) });
      assert.equal(del.statusCode, 204);
      assert.equal(await db.selectFrom('exporter_documents').select('id').where('id', '=', pendingDocId).executeTakeFirst(), undefined);
      assert.ok(!documentFiles(pendingId).includes(pendingDocId));

      const headers = await as(multani.member.email);
      const up = await ta.app.inject({ method: 'POST', url: '/api/exporter/documents', headers, payload: documentForm({ bytes: minimalPdf, name: 'renewal.pdf', type: 'application/pdf' }, 'certificate') });
      assert.equal(up.statusCode, 201, 'an approved exporter may add a document');
      const refused = await ta.app.inject({ method: 'DELETE', url: `/api/exporter/documents/${up.json().id}`, headers });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'INVALID_TRANSITION');
      assert.deepEqual(documentFiles(await exporterIdOf('Multani Blue')), [up.json().id]);
    });
  });

  describe('team invitations', () => {
    const acceptBody = { displayName: 'Ayesha Multani', password: 'blue-pottery-2026' };
    const tokenOf = (acceptUrl: string): string => acceptUrl.split('/').pop() ?? '';

    test('an approved exporter invites by email; the link is shown once and only its hash is stored', async () => {
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: await as(multani.member.email), payload: { email: 'Ayesha@MultaniBlue.example' } });
      assert.equal(res.statusCode, 201, res.body);
      const inv = res.json();
      assert.equal(inv.email, 'ayesha@multaniblue.example');
      assert.match(inv.acceptUrl, new RegExp(`^${ORIGIN}/exporter/invitations/[A-Za-z0-9_-]{43}$`));
      const row = await db.selectFrom('invitations').selectAll().where('id', '=', inv.id).executeTakeFirstOrThrow();
      assert.equal(row.token_hash, createHash('sha256').update(tokenOf(inv.acceptUrl)).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(tokenOf(inv.acceptUrl)));
      assert.equal(Date.parse(inv.expiresAt) - ta.clock.now.getTime(), 7 * 24 * 3_600_000);

      const list = await ta.app.inject({ method: 'GET', url: '/api/exporter/invitations', headers: await as(multani.member.email) });
      assert.deepEqual(list.json().items.map((i: { email: string; invitedBy: string }) => [i.email, i.invitedBy]), [['ayesha@multaniblue.example', multani.member.displayName]]);
    });

    test('a member or an email with an open invitation cannot be invited again (409)', async () => {
      const headers = await as(multani.member.email);
      for (const email of ['ayesha@multaniblue.example', multani.member.email]) {
        const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers, payload: { email } });
        assert.equal(res.statusCode, 409, email);
        assert.equal(res.json().error.code, 'ALREADY_EXISTS');
      }
    });

    test('a pending exporter cannot invite yet', async () => {
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: await as(pendingPk.member.email), payload: { email: 'helper@hunza.example' } });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'EXPORTER_NOT_APPROVED');
      assert.equal(await db.selectFrom('invitations').select('id').where('email', '=', 'helper@hunza.example').executeTakeFirst(), undefined);
    });

    test('the invitee sees the invitation, accepts with a password, and is signed in; a second accept answers 404', async () => {
      const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: await as(multani.member.email), payload: { email: 'bilal@multaniblue.example' } });
      const tok = tokenOf(created.json().acceptUrl);
      const preview = await ta.app.inject({ method: 'GET', url: `/api/auth/invitations/${tok}` });
      assert.equal(preview.statusCode, 200);
      assert.deepEqual(preview.json().exporter, { tradingNameEn: 'Multani Blue', tradingNameZh: multani.tradingNameZh });
      assert.equal(preview.json().pavilion.nameEn, demoPavilions[0].nameEn);
      assert.equal(preview.json().email, 'bilal@multaniblue.example');

      const accepted = await ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tok}/accept`, headers: { origin: ORIGIN }, payload: { ...acceptBody, displayName: 'Bilal Qureshi' } });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const cookie = accepted.cookies.find((c) => c.name === 'pavilion_session');
      assert.ok(cookie);
      const profile = await ta.app.inject({ method: 'GET', url: '/api/exporter/profile', headers: { cookie: `pavilion_session=${cookie.value}` } });
      assert.equal(profile.json().exporter.tradingNameEn, 'Multani Blue');
      assert.ok(profile.json().members.some((mm: { email: string }) => mm.email === 'bilal@multaniblue.example'));
      await cookieLogin(ta.app, 'bilal@multaniblue.example', acceptBody.password);

      assert.ok(!ta.logs.text.includes(tok), 'the token (a credential) never reaches the log');
      assert.ok(!ta.logs.text.includes(acceptBody.password));
      const again = await ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tok}/accept`, payload: { ...acceptBody, password: 'another-password-1' } });
      assert.equal(again.statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/auth/invitations/${tok}` })).statusCode, 404);
      const list = await ta.app.inject({ method: 'GET', url: '/api/exporter/invitations', headers: await as(multani.member.email) });
      assert.ok(!list.json().items.some((i: { email: string }) => i.email === 'bilal@multaniblue.example'));
    });

    test('two accepts racing: the token works once', async () => {
      const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: await as(multani.member.email), payload: { email: 'race@multaniblue.example' } });
      const tok = tokenOf(created.json().acceptUrl);
      const [a, b] = await Promise.all([
        ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tok}/accept`, payload: { ...acceptBody, session: 'token' } }),
        ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tok}/accept`, payload: { ...acceptBody, session: 'token' } }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 404]);
      const users = await db.selectFrom('users').select('id').where('email', '=', 'race@multaniblue.example').execute();
      assert.equal(users.length, 1);
    });

    test('an email that already has an account answers 409 and leaves the invitation open', async () => {
      const created = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: await as(multani.member.email), payload: { email: demoExporters[1].member.email } });
      assert.equal(created.statusCode, 201);
      const tok = tokenOf(created.json().acceptUrl);
      const res = await ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tok}/accept`, payload: acceptBody });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'ALREADY_EXISTS');
      const row = await db.selectFrom('invitations').select('accepted_at').where('id', '=', created.json().id).executeTakeFirstOrThrow();
      assert.equal(row.accepted_at, null);
      // The existing account keeps only its own exporter.
      const roles = await db.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select('r.exporter_id').where('u.email', '=', demoExporters[1].member.email).execute();
      assert.equal(roles.length, 1);
    });

    test('revoked and expired invitations answer 404; another exporter cannot revoke them', async () => {
      const headers = await as(multani.member.email);
      const revokedInv = (await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers, payload: { email: 'revoked@multaniblue.example' } })).json();
      const other = await ta.app.inject({ method: 'DELETE', url: `/api/exporter/invitations/${revokedInv.id}`, headers: await as(bula.member.email) });
      assert.equal(other.statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/auth/invitations/${tokenOf(revokedInv.acceptUrl)}` })).statusCode, 200);
      assert.equal((await ta.app.inject({ method: 'DELETE', url: `/api/exporter/invitations/${revokedInv.id}`, headers })).statusCode, 204);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/auth/invitations/${tokenOf(revokedInv.acceptUrl)}` })).statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tokenOf(revokedInv.acceptUrl)}/accept`, payload: acceptBody })).statusCode, 404);

      const expiring = (await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers, payload: { email: 'late@multaniblue.example' } })).json();
      ta.clock.advance(7 * 24 * 3_600_000 + 1000);
      try {
        assert.equal((await ta.app.inject({ method: 'GET', url: `/api/auth/invitations/${tokenOf(expiring.acceptUrl)}` })).statusCode, 404);
        assert.equal((await ta.app.inject({ method: 'POST', url: `/api/auth/invitations/${tokenOf(expiring.acceptUrl)}/accept`, payload: acceptBody })).statusCode, 404);
        assert.equal(await db.selectFrom('users').select('id').where('email', '=', 'late@multaniblue.example').executeTakeFirst(), undefined);
        // Expired, it no longer blocks a new invitation to the same email (a session made at the moved clock).
        const member = await db.selectFrom('users').select('id').where('email', '=', multani.member.email).executeTakeFirstOrThrow();
        const later = await createSession(db, { userId: member.id, transport: 'token', ttlHours: 1, now: ta.clock.now });
        const renewed = await ta.app.inject({ method: 'POST', url: '/api/exporter/invitations', headers: bearer(later.token), payload: { email: 'late@multaniblue.example' } });
        assert.equal(renewed.statusCode, 201);
      } finally {
        ta.clock.advance(-(7 * 24 * 3_600_000 + 1000));
      }
    });
  });

  describe('brands', () => {
    let media: MediaService;
    let logoId: string;
    let brandId: string;
    const png = (color: string) => sharp({ create: { width: 8, height: 8, channels: 3, background: color } }).png().toBuffer();

    before(async () => {
      media = new MediaService({ db, files: new DirectoryFileStore(path.join(ta.testDb.dir, 'files')) });
      logoId = (await media.storeImage(`exporter:${await exporterIdOf('Multani Blue')}`, await png('#123456'))).id;
    });

    test('an exporter creates a brand with its logo; the story is sanitized', async () => {
      const res = await ta.app.inject({
        method: 'POST',
        url: '/api/exporter/brands',
        headers: await as(multani.member.email),
        payload: { nameEn: 'Kashi Blue', nameZh: '卡希蓝', storyEn: '<p onclick="steal()">Cobalt on white since 1920.</p><script>alert(1)</script>', storyZh: '<p>始于1920年。</p>', logoMediaId: logoId },
      });
      assert.equal(res.statusCode, 201, res.body);
      const brand = res.json();
      brandId = brand.id;
      assert.equal(brand.storyEn, '<p>Cobalt on white since 1920.</p>');
      assert.deepEqual(brand.logo, { id: logoId, width: 8, height: 8, urls: { thumb: `/media/${logoId}/thumb.webp`, display: `/media/${logoId}/display.webp` } });
      const stored = await db.selectFrom('brands').select('story_en').where('id', '=', brandId).executeTakeFirstOrThrow();
      assert.ok(!stored.story_en.includes('script') && !stored.story_en.includes('onclick'));
    });

    test("another exporter's logo or a duplicate name is refused, naming the field", async () => {
      const bulaLogo = (await media.storeImage(`exporter:${await exporterIdOf('Bula Coconut')}`, await png('#abcdef'))).id;
      const headers = await as(multani.member.email);
      const logo = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers, payload: { nameEn: 'Stolen', nameZh: '盗', logoMediaId: bulaLogo } });
      assert.equal(logo.statusCode, 400);
      assert.deepEqual(logo.json().error.details, [{ field: 'body.logoMediaId', rule: 'unknown_media', message: m.unknownLogo.en }]);
      const dup = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers, payload: { nameEn: 'Kashi Blue', nameZh: '另一个' } });
      assert.equal(dup.statusCode, 409);
      assert.equal((await db.selectFrom('brands').select('id').where('name_en', 'in', ['Stolen', 'Kashi Blue']).execute()).length, 1);
    });

    test("exporter B gets 404 for A's brand, to edit or delete it, and the brand is unchanged", async () => {
      const before = await db.selectFrom('brands').selectAll().where('id', '=', brandId).executeTakeFirstOrThrow();
      const headers = await as(bula.member.email);
      const put = await ta.app.inject({ method: 'PUT', url: `/api/exporter/brands/${brandId}`, headers, payload: { nameEn: 'Hijacked', nameZh: '劫持' } });
      assert.equal(put.statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'DELETE', url: `/api/exporter/brands/${brandId}`, headers })).statusCode, 404);
      assert.deepEqual(await db.selectFrom('brands').selectAll().where('id', '=', brandId).executeTakeFirstOrThrow(), before);
      const list = await ta.app.inject({ method: 'GET', url: '/api/exporter/brands', headers });
      assert.deepEqual(list.json().items, []);
    });

    test('the storefront shows an approved exporter with its brands and logos, and the brand page', async () => {
      const exporterId = await exporterIdOf('Multani Blue');
      const page = await ta.app.inject({ method: 'GET', url: `/api/store/exporters/${exporterId}` });
      assert.equal(page.statusCode, 200);
      assert.equal(page.json().tradingNameZh, multani.tradingNameZh);
      assert.equal(page.json().pavilion.slug, 'pakistan');
      assert.deepEqual(page.json().brands.map((b: { nameEn: string; logo: { urls: { thumb: string } } | null }) => [b.nameEn, b.logo?.urls.thumb]), [['Kashi Blue', `/media/${logoId}/thumb.webp`]]);
      assert.ok(!('legalName' in page.json()) && !('registrationNumber' in page.json()));
      const brand = await ta.app.inject({ method: 'GET', url: `/api/store/brands/${brandId}` });
      assert.equal(brand.statusCode, 200);
      assert.equal(brand.json().exporter.id, exporterId);
    });

    test("a pending exporter's page and brands are not shown", async () => {
      const res = await ta.app.inject({ method: 'POST', url: '/api/exporter/brands', headers: await as(pendingPk.member.email), payload: { nameEn: 'Pending Gold', nameZh: '待审金' } });
      assert.equal(res.statusCode, 201, 'brands may be prepared during review');
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/brands/${res.json().id}` })).statusCode, 404);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/exporters/${await exporterIdOf(pendingPk.tradingNameEn)}` })).statusCode, 404);
    });

    test('an exporter edits and deletes its brand', async () => {
      const headers = await as(multani.member.email);
      const put = await ta.app.inject({ method: 'PUT', url: `/api/exporter/brands/${brandId}`, headers, payload: { nameEn: 'Kashi Blue', nameZh: '卡希蓝陶', logoMediaId: null } });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().nameZh, '卡希蓝陶');
      assert.equal(put.json().logo, null);
      assert.equal((await ta.app.inject({ method: 'DELETE', url: `/api/exporter/brands/${brandId}`, headers })).statusCode, 204);
      assert.equal((await ta.app.inject({ method: 'GET', url: `/api/store/brands/${brandId}` })).statusCode, 404);
    });
  });
});
