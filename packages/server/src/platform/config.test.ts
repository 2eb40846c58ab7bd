import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'pavilion-config-'));

test('defaults: SQLite in the data directory, port 3000, localhost', () => {
  const dir = scratch();
  const config = loadConfig({ DATA_DIR: dir });
  assert.deepEqual(config.database, { dialect: 'sqlite', file: path.join(dir, 'pavilion.db') });
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.cookieSecure, false);
  assert.equal(config.wechat, null);
});

test('a postgres DATABASE_URL selects PostgreSQL', () => {
  const config = loadConfig({ DATA_DIR: scratch(), DATABASE_URL: 'postgres://pavilion@db.internal:5432/pavilion' });
  assert.deepEqual(config.database, { dialect: 'postgres', url: 'postgres://pavilion@db.internal:5432/pavilion' });
});

test('a malformed variable stops start-up with a message naming it', () => {
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), PORT: 'eighty' }), (err: Error) => {
    assert.ok(err instanceof ConfigError);
    assert.match(err.message, /PORT: .*\(got "eighty"\)/);
    return true;
  });
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), DATABASE_URL: 'mysql://x' }), /DATABASE_URL: must start with postgres:\/\//);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), WECHAT_APP_ID: 'wx0123456789abcdef' }), /WECHAT_APP_SECRET: must be set/);
});

test('production needs every secret', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch() }), /SECRET_KEY: must be set in production/);
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch(), SECRET_KEY: 'x'.repeat(40) });
  assert.equal(config.cookieSecure, true);
});

test('development generates a secret once and keeps it in the data directory', () => {
  const dir = scratch();
  const first = loadConfig({ DATA_DIR: dir }).secretKey;
  assert.ok(first.length >= 32);
  assert.equal(loadConfig({ DATA_DIR: dir }).secretKey, first);
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).secretKey, first);
});
