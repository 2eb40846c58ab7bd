import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { verifyPassword } from '../../src/platform/password.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/pavilion.js');

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
    for (const command of ['serve', 'migrate', 'seed', 'create-user']) assert.match(top.stdout, new RegExp(`\\b${command}\\b`));
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

  test('a malformed configuration stops the CLI naming the variable', () => {
    const res = spawnSync(process.execPath, [bin, 'migrate'], { env: { ...process.env, ...env, PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(res.status, 2);
    assert.match(res.stderr, /PORT: .*got "eighty"/);
  });
});
