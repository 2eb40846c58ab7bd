import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { SMTPServer } from 'smtp-server';
import type { z } from 'zod';
import type { NotificationKind, notificationSchema } from '@pavilion/contracts';
import { AccountService } from '../../src/features/accounts/account.service.ts';
import { demoCompany, demoExporters } from '../../src/features/demo/demo-data.ts';
import type { MailMessage, Mailer } from '../../src/features/notifications/mailer.ts';
import { NotificationService } from '../../src/features/notifications/notification.service.ts';
import { DELIVER_NOTIFICATION_EVENT, SEND_EMAIL_LEASE_MS, SEND_NOTIFICATION_EMAIL } from '../../src/features/notifications/notification-jobs.ts';
import { findAudienceMembers } from '../../src/features/notifications/notification.repository.ts';
import { defineJob, JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { retryDelayMs } from '../../src/platform/jobs/job.rules.ts';
import { createSession } from '../../src/platform/sessions.ts';
import { newId } from '../../src/platform/ids.ts';
import { chinaDate } from '../../src/platform/clock.ts';
import { bearer } from '../support/sessions.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

type Notification = z.infer<typeof notificationSchema>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const body = (res: LightMyRequestResponse) => res.json();

const exporterEmail = (tradingNameEn: string): string => {
  const found = demoExporters.find((e) => e.tradingNameEn === tradingNameEn);
  if (!found) throw new Error(tradingNameEn);
  return found.member.email;
};

/** Records what it is asked to send; `fail` rejects every send, `hang` never answers (a process that died mid-send). */
class TestMailer implements Mailer {
  readonly delivery = 'smtp' as const;
  readonly sent: MailMessage[] = [];
  readonly tried: MailMessage[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  private onHang: (() => void) | null = null;
  /** Resolves when a send has started and will never end. */
  hung(): Promise<void> {
    return new Promise((resolve) => {
      this.onHang = resolve;
    });
  }
  async send(message: MailMessage): Promise<void> {
    this.tried.push(message);
    if (this.mode === 'fail') throw new Error('421 try again later');
    if (this.mode === 'hang') {
      this.onHang?.();
      return new Promise<void>(() => undefined);
    }
    this.sent.push(message);
  }
}

/** Another server process on the same database: its own queue running the notification jobs with its own mailer. */
function serverProcess(ta: TestApp, mailer: Mailer): { service: NotificationService; queue: JobQueue } {
  const service = new NotificationService({ db: ta.testDb.database.db, clock: () => ta.clock.now, mailer, publicUrl: ta.config.publicUrl, log: ta.app.log });
  const queue = new JobQueue({ db: ta.testDb.database.db, clock: () => ta.clock.now, log: ta.app.log });
  queue.register(defineJob({ ...DELIVER_NOTIFICATION_EVENT, handler: ({ eventId }) => service.deliverEvent(eventId) }));
  queue.register(defineJob({ ...SEND_NOTIFICATION_EMAIL, leaseMs: SEND_EMAIL_LEASE_MS, handler: ({ outboxId }, ctx) => service.sendEmailJob(outboxId, ctx) }));
  return { service, queue };
}

describe('notifications: trade events to the right people, read marks, the email outbox', () => {
  let ta: TestApp;
  const mailer = new TestMailer();
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const email: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ta.app.inject({ method, url, headers: bearer(t[who] ?? ''), ...(payload === undefined ? {} : { payload }) });
  const signIn = async (login: string): Promise<string> => {
    const db = ta.testDb.database.db;
    const user = await db.selectFrom('users').select('id').where('email', '=', login).executeTakeFirstOrThrow();
    return (await createSession(db, { userId: user.id, transport: 'token', ttlHours: 30 * 24, now: ta.clock.now })).token;
  };
  const list = async (who: string, query = ''): Promise<Notification[]> => {
    const res = await call(who, 'GET', `/api/notifications${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return body(res).items;
  };
  const unread = async (who: string): Promise<number> => body(await call(who, 'GET', '/api/notifications/unread-count')).unread;
  /** Who got a notification of this kind on this subject, by test name. */
  const receivers = async (kind: NotificationKind, subjectId: string): Promise<string[]> => {
    const rows = await ta.testDb.database.db.selectFrom('notifications as n').innerJoin('users as u', 'u.id', 'n.user_id').select('u.email').where('n.kind', '=', kind).where('n.subject_id', '=', subjectId).execute();
    const names = Object.fromEntries(Object.entries(email).map(([who, address]) => [address, who]));
    return rows.map((r) => names[r.email ?? ''] ?? '?').sort();
  };
  const outboxOf = (address: string) =>
    ta.testDb.database.db.selectFrom('email_outbox').select(['id', 'status', 'message_id']).where('address', '=', address).orderBy('created_at').orderBy('id').execute();
  /** The send-email job of an outbox row, as the operators' job console shows it. */
  const emailJob = async (outboxId: string) => {
    const row = await ta.testDb.database.db.selectFrom('jobs').select('id').where('kind', '=', SEND_NOTIFICATION_EMAIL.kind).where('unique_key', '=', outboxId).executeTakeFirstOrThrow();
    const job = await ta.app.jobs.get(row.id);
    assert.ok(job);
    return job;
  };
  /** The background work due now, as the server's queue runs it: events become notifications, emails are sent. */
  const runJobs = () => ta.app.jobs.runDue();

  before(async () => {
    // The queue does not poll: the tests run what is due with `app.jobs.runDue()`.
    ta = await createTestApp({ catalog: true, overrides: { notifications: { mailer }, jobs: { run: false }, search: { worker: false }, payments: { worker: false } } });
    const db = ta.testDb.database.db;
    Object.assign(email, {
      importer: demoCompany.owner.email,
      member: 'li.ming@islandselect.example',
      otherImporter: 'chen.jie@nanyang.example',
      multani: exporterEmail('Multani Blue'),
      multani2: 'faisal@multaniblue.example',
      bula: exporterEmail('Bula Coconut'),
      salt: exporterEmail('Salt Range Crafts'),
      santo: exporterEmail('Santo Sandalwood'),
    });
    for (const e of await db.selectFrom('exporters').select(['id', 'trading_name_en']).execute()) ids[e.trading_name_en] = e.id;
    const company = await db.selectFrom('buyer_companies').select('id').executeTakeFirstOrThrow();
    const otherCompany = newId();
    await db.insertInto('buyer_companies').values({ id: otherCompany, name_zh: '广州南洋进口贸易有限公司', name_en: null, city: '广州' }).execute();
    const accounts = new AccountService({ db });
    const password = 'a-long-test-password';
    await accounts.createStaffUser({ email: email.member ?? '', displayName: '李明', password, role: 'company_member', companyId: company.id, companyRole: 'buyer' });
    await accounts.createStaffUser({ email: email.otherImporter ?? '', displayName: '陈杰', password, role: 'company_member', companyId: otherCompany, companyRole: 'owner' });
    await accounts.createStaffUser({ email: email.multani2 ?? '', displayName: 'Faisal Khan', password, role: 'exporter_member', exporterId: ids['Multani Blue'] ?? '' });
    for (const [who, login] of Object.entries(email)) t[who] = await signIn(login);
    // One member of the exporter's team reads Chinese: each recipient gets the text in their own language.
    await db.updateTable('users').set({ locale: 'zh-CN' }).where('email', '=', email.multani2 ?? '').execute();
  });
  after(() => ta.close());

  let inquiryId = '';

  test("a new inquiry reaches the exporter's members only, each in their language, in the list and by email", async () => {
    const created = await call('importer', 'POST', '/api/trade/inquiries', { exporterId: ids['Multani Blue'], quantity: 500, unit: 'piece', message: '您好，请报 500 件蓝陶花瓶的 FOB 卡拉奇价格。' });
    assert.equal(created.statusCode, 201, created.body);
    inquiryId = body(created).id;
    // Nothing until the jobs have run.
    assert.equal(await unread('multani'), 0);

    await runJobs();
    assert.deepEqual(await receivers('inquiry_created', inquiryId), ['multani', 'multani2']);
    const [item] = await list('multani');
    assert.equal(item?.title, 'New inquiry');
    assert.equal(item?.link, '/exporter/inquiries');
    assert.equal(item?.readAt, null);
    assert.equal(await unread('multani'), 1);
    assert.equal(await unread('importer'), 0);
    assert.equal(await unread('bula'), 0);
    assert.equal((await list('multani2'))[0]?.title, '新询盘');
    assert.deepEqual(mailer.sent.map((m) => [m.to, m.subject]).sort(), [[email.multani2, '新询盘'], [email.multani, 'New inquiry']].sort());
    assert.match(mailer.sent.find((m) => m.to === email.multani)?.text ?? '', /http:\/\/localhost:3000\/exporter\/inquiries/);

    // A second run and the sweep find nothing left: one notification and one email each.
    await runJobs();
    ta.clock.advance(10_000);
    await runJobs();
    assert.equal(mailer.sent.length, 2);
    assert.deepEqual(await receivers('inquiry_created', inquiryId), ['multani', 'multani2']);
  });

  test("the exporter's reply reaches the company's members in Chinese; the importer's answer goes back to the exporter", async () => {
    ta.clock.advance(60_000);
    assert.equal((await call('multani', 'POST', `/api/exporter/inquiries/${inquiryId}/messages`, { body: 'FOB Karachi: USD 3.20 per piece.' })).statusCode, 201);
    await runJobs();
    assert.deepEqual(await receivers('inquiry_message', inquiryId), ['importer', 'member']);
    const [item] = await list('member');
    assert.deepEqual([item?.title, item?.body, item?.link], ['新消息', '您的询盘有一条新消息。', `/trade/inquiries/${inquiryId}`]);
    assert.equal(await unread('otherImporter'), 0);
    assert.equal(await unread('multani'), 1);

    ta.clock.advance(60_000);
    assert.equal((await call('importer', 'POST', `/api/trade/inquiries/${inquiryId}/messages`, { body: '好的，请发样品。' })).statusCode, 201);
    await runJobs();
    assert.deepEqual(await receivers('inquiry_message', inquiryId), ['importer', 'member', 'multani', 'multani2']);
    assert.equal(await unread('multani'), 2);
  });

  test('the list is newest first and paged; read marks one, read-all the rest; another user\'s is 404 and stays unread', async () => {
    const all = await list('multani');
    assert.deepEqual(all.map((n) => n.kind), ['inquiry_message', 'inquiry_created']);
    const page = body(await call('multani', 'GET', '/api/notifications?pageSize=1&page=2'));
    assert.deepEqual([page.items.length, page.items[0].kind, page.total, page.unread], [1, 'inquiry_created', 2, 2]);

    const [newest, oldest] = all;
    const foreign = await call('importer', 'POST', `/api/notifications/${newest?.id}/read`);
    assert.equal(foreign.statusCode, 404);
    assert.equal(await unread('multani'), 2);

    const read = await call('multani', 'POST', `/api/notifications/${oldest?.id}/read`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(body(read).readAt, ta.clock.now.toISOString());
    assert.equal(await unread('multani'), 1);
    assert.deepEqual((await list('multani', '?unread=true')).map((n) => n.id), [newest?.id]);
    // The other member of the team keeps their own marks.
    assert.equal(await unread('multani2'), 2);

    const bad = await call('multani', 'GET', '/api/notifications?unread=yes');
    assert.equal(bad.statusCode, 400);
    assert.equal(body(bad).error.details[0].field, 'querystring.unread');

    const all2 = body(await call('multani', 'POST', '/api/notifications/read-all'));
    assert.deepEqual(all2, { marked: 1, unread: 0 });
    assert.equal((await list('multani', '?unread=true')).length, 0);
    assert.equal((await list('multani', '?unread=false')).length, 2);
  });

  describe('requests for quotation', () => {
    let rfqId = '';
    let quoteId = '';
    const quote = () => ({ currency: 'CNY', tiers: [{ minQuantity: 100, unitPriceMinor: 1250 }], incoterm: 'CIF', port: 'Suva', leadTimeDays: 30, validUntil: chinaDate(new Date(ta.clock.now.getTime() + 30 * DAY)), ttDepositPercent: 30, letterOfCredit: false, sampleAvailable: false, notes: '' });

    test('matched exporters hear of the RFQ; the company of each quote and revision', async () => {
      const created = await call('importer', 'POST', '/api/trade/rfqs', {
        pavilionId: null, descriptionZh: '初榨椰子油手工皂', descriptionEn: 'Virgin coconut oil soap', categoryId: 'soaps-bath', quantity: 1000, unit: 'piece',
        incoterm: 'CIF', destinationPort: 'Shanghai', deadline: new Date(ta.clock.now.getTime() + 7 * DAY).toISOString(), certifications: [],
      });
      assert.equal(created.statusCode, 201, created.body);
      rfqId = body(created).id;
      await runJobs();
      assert.deepEqual(await receivers('rfq_matched', rfqId), ['bula', 'salt', 'santo']);

      ta.clock.advance(60_000);
      const quoted = await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, quote());
      assert.ok(quoted.statusCode < 300, quoted.body);
      quoteId = body(quoted).id;
      await runJobs();
      assert.deepEqual(await receivers('quote_submitted', quoteId), ['importer', 'member']);
      assert.equal((await list('importer'))[0]?.title, '收到新报价');

      assert.ok((await call('bula', 'PUT', `/api/exporter/rfqs/${rfqId}/quote`, { ...quote(), leadTimeDays: 20 })).statusCode < 300);
      await runJobs();
      assert.deepEqual(await receivers('quote_revised', quoteId), ['importer', 'member']);
    });

    test('"deadline near" 24 hours before (trade\'s recurring job): the importer and the matched exporters that have not quoted, once', async () => {
      ta.clock.advance(5 * DAY);
      await runJobs();
      assert.deepEqual(await receivers('rfq_deadline_near', rfqId), [], 'two days before: not yet');
      ta.clock.advance(DAY + HOUR);
      await runJobs();
      assert.deepEqual(await receivers('rfq_deadline_near', rfqId), ['importer', 'member', 'salt', 'santo']);
      assert.equal((await list('salt'))[0]?.title, 'Deadline in 24 hours');
      assert.equal((await list('importer'))[0]?.link, `/trade/rfqs/${rfqId}`);
      ta.clock.advance(HOUR);
      await runJobs();
      assert.deepEqual(await receivers('rfq_deadline_near', rfqId), ['importer', 'member', 'salt', 'santo']);
    });

    test('the accepted quote reaches its exporter only', async () => {
      const accepted = await call('importer', 'POST', `/api/trade/rfqs/${rfqId}/quotes/${quoteId}/accept`);
      assert.equal(accepted.statusCode, 200, accepted.body);
      await runJobs();
      assert.deepEqual(await receivers('quote_accepted', quoteId), ['bula']);
    });
  });

  test('an audience may be one user (a buyer) or the operators of a pavilion: the active users it stands for, with their language', async () => {
    // No notification kind goes to a buyer or to operators yet (the retail events come later); the rules' test shows a kind's sides lead there.
    const db = ta.testDb.database.db;
    const buyer = await db.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select(['u.id', 'u.locale']).where('r.role', '=', 'buyer').executeTakeFirstOrThrow();
    const operators = await db.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select(['u.id', 'u.locale', 'r.pavilion_id']).where('r.role', '=', 'operator').orderBy('u.id').execute();
    const pavilionId = operators[0]?.pavilion_id ?? '';
    await db.transaction().execute(async (trx) => {
      assert.deepEqual((await findAudienceMembers(trx, { side: 'user', id: buyer.id })).map((u) => [u.id, u.locale]), [[buyer.id, buyer.locale]]);
      const staff = await findAudienceMembers(trx, { side: 'operators', id: pavilionId });
      assert.deepEqual(staff.map((u) => [u.id, u.locale]), operators.filter((o) => o.pavilion_id === pavilionId).map((o) => [o.id, o.locale]));
      assert.ok(staff.length > 0);
    });
  });

  describe('each email is a job: at least once, with a stable Message-ID', () => {
    const newInquiry = async (exporter: string): Promise<string> => {
      const res = await call('otherImporter', 'POST', '/api/trade/inquiries', { exporterId: ids[exporter], quantity: 10, unit: 'piece', message: '请报价。' });
      assert.equal(res.statusCode, 201, res.body);
      return body(res).id;
    };
    const retry = SEND_NOTIFICATION_EMAIL.retry;

    test("a send that fails is retried after the queue's wait and sent once, with the same Message-ID; the notification is there meanwhile", async () => {
      const before = (await outboxOf(email.salt ?? '')).length;
      mailer.mode = 'fail';
      const id = await newInquiry('Salt Range Crafts');
      await runJobs();
      assert.deepEqual(await receivers('inquiry_created', id), ['salt']);
      let [row] = (await outboxOf(email.salt ?? '')).slice(before);
      assert.equal(row?.status, 'pending');
      let job = await emailJob(row?.id ?? '');
      assert.deepEqual([job.state, job.attempts], ['pending', 1]);
      assert.match(job.lastError ?? '', /421 try again later/);

      mailer.mode = 'ok';
      await runJobs();
      assert.equal(mailer.sent.filter((m) => m.messageId === row?.message_id).length, 0, 'not again at once');
      ta.clock.advance(retryDelayMs(1, retry));
      await runJobs();
      [row] = (await outboxOf(email.salt ?? '')).slice(before);
      job = await emailJob(row?.id ?? '');
      assert.equal(row?.status, 'sent');
      assert.deepEqual([job.state, job.attempts], ['done', 2]);
      assert.equal(mailer.sent.filter((m) => m.messageId === row?.message_id).length, 1);
      assert.equal(mailer.tried.filter((m) => m.messageId === row?.message_id).length, 2, 'the retry carried the same Message-ID');
      ta.clock.advance(HOUR);
      await runJobs();
      assert.equal(mailer.tried.filter((m) => m.messageId === row?.message_id).length, 2);
    });

    test('after its last attempt the email is given up: the row failed, the job dead with its error, an error logged', async () => {
      const before = (await outboxOf(email.santo ?? '')).length;
      mailer.mode = 'fail';
      await newInquiry('Santo Sandalwood');
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
        await runJobs();
        ta.clock.advance(retryDelayMs(attempt, retry));
      }
      const [row] = (await outboxOf(email.santo ?? '')).slice(before);
      assert.equal(row?.status, 'failed');
      const job = await emailJob(row?.id ?? '');
      assert.deepEqual([job.state, job.attempts], ['failed', retry.maxAttempts]);
      assert.match(job.lastError ?? '', /421 try again later/);
      assert.ok(ta.logs.lines.some((l) => l.msg === 'notification email given up' && l.outboxId === row?.id && l.to === 'l***@santosandalwood.example'));
      assert.ok(!ta.logs.text.includes(email.santo ?? ''), 'the address is masked in the log');

      // The sweep leaves it to an operator (the job console's retry).
      mailer.mode = 'ok';
      ta.clock.advance(HOUR);
      await runJobs();
      assert.equal(mailer.sent.filter((m) => m.messageId === row?.message_id).length, 0);
      const jobs = await ta.testDb.database.db.selectFrom('jobs').select('state').where('kind', '=', SEND_NOTIFICATION_EMAIL.kind).where('unique_key', '=', row?.id ?? '').execute();
      assert.deepEqual(jobs.map((j) => j.state), ['failed']);
    });

    test('two processes at once: each member gets one notification and one email', async () => {
      mailer.mode = 'ok';
      const other = new TestMailer();
      const second = serverProcess(ta, other);
      const sentBefore = mailer.sent.length;
      const id = await newInquiry('Multani Blue');
      const event = await ta.testDb.database.db.selectFrom('notification_events').select('id').where('subject_id', '=', id).executeTakeFirstOrThrow();
      // Both make the event into notifications at once (a job whose lease was lost, taken by the other), then both run their queues.
      await Promise.all([ta.app.notifications.deliverEvent(event.id), second.service.deliverEvent(event.id)]);
      await Promise.all([runJobs(), second.queue.runDue()]);
      assert.deepEqual(await receivers('inquiry_created', id), ['multani', 'multani2']);
      const sent = [...mailer.sent.slice(sentBefore), ...other.sent];
      assert.deepEqual(sent.map((m) => m.to).sort(), [email.multani, email.multani2].sort());
    });

    test('a crash during the send: another process takes the job after its lease and resends it once with the same Message-ID', async () => {
      const before = (await outboxOf(email.bula ?? '')).length;
      mailer.mode = 'hang';
      const hung = mailer.hung();
      await newInquiry('Bula Coconut');
      // The first process makes the notification and dies inside the send (its promise never settles).
      void runJobs();
      await hung;
      const attempted = mailer.tried.at(-1);
      let [row] = (await outboxOf(email.bula ?? '')).slice(before);
      assert.equal(row?.status, 'sending');
      assert.equal(attempted?.messageId, row?.message_id);

      // Another process, with a working mailer.
      const restarted = new TestMailer();
      const { queue } = serverProcess(ta, restarted);
      assert.equal(await queue.runDue(), 0, 'maybe still being sent: not while its lease holds');
      ta.clock.advance(SEND_EMAIL_LEASE_MS + 1);
      assert.equal(await queue.runDue(), 1);
      assert.equal(restarted.sent.length, 1);
      assert.equal(restarted.sent[0]?.messageId, attempted?.messageId, 'the receiving system sees the same Message-ID twice and keeps one');
      [row] = (await outboxOf(email.bula ?? '')).slice(before);
      assert.equal(row?.status, 'sent');
      const job = await emailJob(row?.id ?? '');
      assert.deepEqual([job.state, job.attempts], ['done', 2]);
      ta.clock.advance(HOUR);
      assert.equal(await queue.runDue(), 0);
      assert.equal(restarted.sent.length, 1);
    });
  });
});

describe('notifications by SMTP: a real session with a local server', () => {
  let ta: TestApp;
  let server: SMTPServer;
  const received: Array<{ from: string; to: string[]; user: string; raw: string }> = [];

  before(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, done) {
        if (auth.username === 'pavilion' && auth.password === 'smtp-test-password') done(null, { user: auth.username });
        else done(new Error('bad credentials'));
      },
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({ from: from ? from.address : '', to: session.envelope.rcptTo.map((r) => r.address), user: String(session.user), raw: Buffer.concat(chunks).toString('utf8') });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    ta = await createTestApp({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_USER: 'pavilion', SMTP_PASSWORD: 'smtp-test-password', MAIL_FROM: 'Pavilion <notify@pavilion.example>' },
      overrides: { jobs: { run: false } },
    });
  });
  after(async () => {
    await ta.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('the exporter receives the new inquiry: envelope, headers and body as sent, Message-ID from the outbox row', async () => {
    const db = ta.testDb.database.db;
    const owner = await db.selectFrom('users').select('id').where('email', '=', demoCompany.owner.email).executeTakeFirstOrThrow();
    const token = (await createSession(db, { userId: owner.id, transport: 'token', ttlHours: 24, now: ta.clock.now })).token;
    const exporter = await db.selectFrom('exporters').select('id').where('trading_name_en', '=', 'Multani Blue').executeTakeFirstOrThrow();
    const created = await ta.app.inject({ method: 'POST', url: '/api/trade/inquiries', headers: bearer(token), payload: { exporterId: exporter.id, quantity: 500, unit: 'piece', message: '请报价。' } });
    assert.equal(created.statusCode, 201, created.body);

    await ta.app.jobs.runDue();
    const row = await db.selectFrom('email_outbox').select(['message_id', 'status', 'address']).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(received.length, 1);
    const mail = received[0];
    const to = exporterEmail('Multani Blue');
    assert.deepEqual([mail?.from, mail?.to, mail?.user], ['notify@pavilion.example', [to], 'pavilion']);
    const raw = mail?.raw ?? '';
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    const header = (name: string) => head.split(/\r\n(?![ \t])/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
    assert.equal(header('Message-ID'), row.message_id);
    assert.match(row.message_id, /^<notification\.[0-9a-f-]{36}@localhost>$/);
    assert.equal(header('Subject'), 'New inquiry');
    assert.equal(header('From'), 'Pavilion <notify@pavilion.example>');
    assert.equal(header('To'), to);
    // The body as the receiving client reads it (quoted-printable, soft line breaks joined).
    assert.equal(header('Content-Transfer-Encoding'), 'quoted-printable');
    const text = raw.slice(head.length + 4).replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    assert.match(text, /An importer in China has sent you an inquiry/);
    assert.match(text, /Open Pavilion to reply: http:\/\/localhost:3000\/exporter\/inquiries/);
  });
});
