import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { verifyPassword } from '../../src/platform/password.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');
const hasScript = spawnSync('script', ['--version']).status === 0;
const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

describe('the pavilion CLI', () => {
  let tdb: TestDatabase;
  let env: Record<string, string>;
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  before(async () => {
    tdb = await createTestDatabase({ migrate: false });
    const url = tdb.target.dialect === 'postgres' ? tdb.target.url : `sqlite:${tdb.target.file}`;
    env = { DATABASE_URL: url, DATA_DIR: tdb.dir, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
  });
  after(() => tdb.drop());

  test('--help on each command', () => {
    const top = run('--help');
    assert.equal(top.status, 0);
    for (const command of ['serve', 'migrate', 'seed', 'create-user', 'list']) assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
    const createUser = run('create-user', '--help');
    assert.equal(createUser.status, 0);
    for (const option of ['--role', '--email', '--pavilion', '--exporter', '--company', '--password']) assert.ok(createUser.stdout.includes(option), option);
    assert.match(run('serve', '--help').stdout, /--demo/);
    assert.match(run('seed', '--help').stdout, /--demo/);
    assert.match(run('migrate', '--help').stdout, /migrations/);
  });

  test('migrate applies the migrations once', () => {
    const first = run('migrate');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Success 2026-11-22T1100-accounts/);
    const second = run('migrate');
    assert.match(second.stdout, /already up to date/);
  });

  test('seed --demo fills an empty database, and only an empty one', async () => {
    const seeded = run('seed', '--demo');
    assert.equal(seeded.status, 0, seeded.stderr);
    assert.match(seeded.stdout, /operator\.pk@pavilion\.demo/);
    const again = run('seed', '--demo');
    assert.match(again.stdout, /already holds/);
    const pavilions = await tdb.database.db.selectFrom('pavilions').select('slug').orderBy('slug').execute();
    assert.deepEqual(pavilions.map((p) => p.slug), ['pacific', 'pakistan']);
  });

  test('create-user makes an operator of a pavilion who can sign in', async () => {
    const res = run('create-user', '--role', 'operator', '--email', 'Tariq@TDAP.example', '--pavilion', 'pakistan', '--name', 'Tariq Mahmood', '--password', 'a-long-enough-password');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Created operator tariq@tdap\.example/);
    const user = await tdb.database.db.selectFrom('users').selectAll().where('email', '=', 'tariq@tdap.example').executeTakeFirstOrThrow();
    assert.equal(user.display_name, 'Tariq Mahmood');
    assert.equal(await verifyPassword('a-long-enough-password', user.password_hash ?? ''), true);
    const roles = await tdb.database.db
      .selectFrom('user_roles')
      .innerJoin('pavilions', 'pavilions.id', 'user_roles.pavilion_id')
      .select(['user_roles.role', 'pavilions.slug'])
      .where('user_id', '=', user.id)
      .execute();
    assert.deepEqual(roles, [{ role: 'operator', slug: 'pakistan' }]);
  });

  test('create-user refuses bad input with a message and changes nothing', async () => {
    const count = async () => Number((await tdb.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: Array<[string[], RegExp]> = [
      [['--role', 'operator', '--email', 'x@y.cn', '--pavilion', 'atlantis', '--password', 'long-enough-pw'], /no pavilion with slug atlantis/],
      [['--role', 'operator', '--email', 'x@y.cn', '--password', 'long-enough-pw'], /--pavilion <slug> is required/],
      [['--role', 'operator', '--email', 'not-an-email', '--pavilion', 'pakistan', '--password', 'long-enough-pw'], /--email must be an email address/],
      [['--role', 'operator', '--email', 'x@y.cn', '--pavilion', 'pakistan', '--password', 'short'], /password must be at least 10 characters/],
      [['--role', 'emperor', '--email', 'x@y.cn', '--password', 'long-enough-pw'], /Allowed choices are/],
      [['--role', 'operator', '--email', 'tariq@tdap.example', '--pavilion', 'pakistan', '--password', 'long-enough-pw'], /already exists/],
    ];
    for (const [args, message] of cases) {
      const res = run('create-user', ...args);
      assert.notEqual(res.status, 0, args.join(' '));
      assert.match(res.stderr, message);
    }
    assert.equal(await count(), before);
  });

  test('list shows the pavilion slugs, the exporters with their ids and status, and the importer companies with their ids', async () => {
    const db = tdb.database.db;
    const res = run('list');
    assert.equal(res.status, 0, res.stderr);
    for (const p of await db.selectFrom('pavilions').select('slug').execute()) assert.match(res.stdout, new RegExp(`^  ${p.slug} `, 'm'));
    const exporters = await db.selectFrom('exporters').select(['id', 'status', 'trading_name_en']).execute();
    assert.ok(exporters.some((e) => e.status === 'pending'), 'the demo has exporters under review');
    for (const e of exporters) assert.match(res.stdout, new RegExp(`^  ${e.id}  ${e.status} .*${e.trading_name_en.replace(/[.()]/g, '\\$&')}$`, 'm'));
    const companies = await db.selectFrom('buyer_companies').select(['id', 'name_zh']).execute();
    assert.ok(companies.length > 0);
    for (const c of companies) assert.match(res.stdout, new RegExp(`^  ${c.id} .*${c.name_zh}`, 'm'));
    assert.match(run('list', '--help').stdout, /pavilions.*exporters.*companies/i);
    assert.match(run('--help').stdout, /\blist\b/);
  });

  test('create-user with an unknown exporter or company id: one line naming the option, nothing created', async () => {
    const count = async () => Number((await tdb.database.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: Array<[string[], RegExp]> = [
      [['--role', 'exporter_member', '--exporter', 'no-such-exporter'], /^pavilion: --exporter: no exporter with id no-such-exporter; `pavilion list` shows .*exporter ids/],
      [['--role', 'company_member', '--company', 'no-such-company'], /^pavilion: --company: no importer company with id no-such-company; `pavilion list` shows/],
    ];
    for (const [args, message] of cases) {
      const res = run('create-user', ...args, '--email', 'ghost@example.com', '--password', 'long-enough-pw');
      assert.equal(res.status, 2, res.stderr);
      assert.match(res.stderr, message);
      assert.equal(res.stderr.trim().split('\n').length, 1, `one line, no stack trace:\n${res.stderr}`);
    }
    assert.equal(await count(), before);
  });

  test('create-user reads the password from a pipe', async () => {
    const exporter = await tdb.database.db.selectFrom('exporters').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const res = spawnSync(process.execPath, [bin, 'create-user', '--role', 'exporter_member', '--exporter', exporter.id, '--email', 'piped@example.com'], {
      env: { ...process.env, ...env, PAVILION_PASSWORD: '' },
      input: 'a-piped-password-2026\n',
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
    const user = await tdb.database.db.selectFrom('users').select('password_hash').where('email', '=', 'piped@example.com').executeTakeFirstOrThrow();
    assert.equal(await verifyPassword('a-piped-password-2026', user.password_hash ?? ''), true);
  });

  test('create-user on a terminal asks for the password twice and never shows it', { skip: hasScript ? false : 'needs script(1) from util-linux for a terminal' }, async () => {
    const exporter = await tdb.database.db.selectFrom('exporters').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow();
    const typed = 'typed-on-a-terminal-2026';
    const terminal = async (email: string, answers: string[]) => {
      const command = [process.execPath, bin, 'create-user', '--role', 'exporter_member', '--exporter', exporter.id, '--email', email].map(shellQuote).join(' ');
      // script(1) runs the command on a new pseudo-terminal and copies what the terminal shows.
      const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, ...env, PAVILION_PASSWORD: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let screen = '';
      let asked = 0;
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        screen += d;
        // Type each answer once its prompt is on the screen (the terminal no longer echoes by then).
        const prompts = screen.match(/Password( again)?: /g)?.length ?? 0;
        while (asked < prompts && asked < answers.length) child.stdin.write(`${answers[asked++]}\r`);
      });
      const [code] = (await once(child, 'exit')) as [number | null];
      return { code, screen };
    };
    const good = await terminal('typed@example.com', [typed, typed]);
    assert.equal(good.code, 0, good.screen);
    assert.match(good.screen, /Password: .*Password again: /s);
    assert.ok(!good.screen.includes(typed), `the password is not shown:\n${good.screen}`);
    const user = await tdb.database.db.selectFrom('users').select('password_hash').where('email', '=', 'typed@example.com').executeTakeFirstOrThrow();
    assert.equal(await verifyPassword(typed, user.password_hash ?? ''), true);

    const differ = await terminal('mistyped@example.com', [typed, 'something-else-entirely']);
    assert.notEqual(differ.code, 0);
    assert.match(differ.screen, /the two passwords differ/);
    assert.equal(await tdb.database.db.selectFrom('users').select('id').where('email', '=', 'mistyped@example.com').executeTakeFirst(), undefined);
  });

  test('a malformed configuration stops the CLI naming the variable', () => {
    const res = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...process.env, ...env, PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /PORT: .*got "eighty"/);
  });
});
