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

/** The SMS settings production needs (Tencent Cloud SMS). */
const tencentSmsEnv = {
  SMS_SENDER: 'tencent',
  TENCENTCLOUD_SECRET_ID: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  TENCENTCLOUD_SECRET_KEY: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  TENCENT_SMS_SDK_APP_ID: '1400006666',
  TENCENT_SMS_SIGN_NAME: '国家馆',
  TENCENT_SMS_TEMPLATE_ID: '1234567',
};
test('RATE_MAX_AGE_DAYS: 7 days by default, a whole number of days, checked at start', () => {
  assert.equal(loadConfig({ DATA_DIR: scratch() }).rateMaxAgeDays, 7);
  assert.equal(loadConfig({ DATA_DIR: scratch(), RATE_MAX_AGE_DAYS: '35' }).rateMaxAgeDays, 35);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), RATE_MAX_AGE_DAYS: 'a week' }), /RATE_MAX_AGE_DAYS: /);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), RATE_MAX_AGE_DAYS: '0' }), /RATE_MAX_AGE_DAYS: /);
});

const identityEnv = {
  IDENTITY_KEYS: JSON.stringify({ '2026a': Buffer.alloc(32, 1).toString('base64') }),
  IDENTITY_KEY_ID: '2026a',
  IDENTITY_LOOKUP_KEY: Buffer.alloc(32, 2).toString('base64'),
};

test('production needs every secret', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch() }), /SECRET_KEY: must be set in production/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch(), SECRET_KEY: 'x'.repeat(40) }), /IDENTITY_KEYS: must be set in production[^]*IDENTITY_LOOKUP_KEY: must be set/);
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: scratch(), SECRET_KEY: 'x'.repeat(40), ...identityEnv, ...tencentSmsEnv });
  assert.equal(config.cookieSecure, true);
  assert.deepEqual(config.identityKeys, { currentKeyId: '2026a', keys: JSON.parse(identityEnv.IDENTITY_KEYS), lookupKey: identityEnv.IDENTITY_LOOKUP_KEY });
});

test('identity keys: derived from SECRET_KEY outside production (the same every start), given ones taken as they are', () => {
  const dev = loadConfig({ DATA_DIR: scratch(), SECRET_KEY: 'y'.repeat(40) });
  assert.deepEqual(loadConfig({ DATA_DIR: scratch(), SECRET_KEY: 'y'.repeat(40) }).identityKeys, dev.identityKeys);
  assert.equal(Buffer.from(dev.identityKeys.keys[dev.identityKeys.currentKeyId] ?? '', 'base64').length, 32);
  assert.notEqual(dev.identityKeys.lookupKey, dev.identityKeys.keys[dev.identityKeys.currentKeyId]);
  assert.notDeepEqual(loadConfig({ DATA_DIR: scratch(), SECRET_KEY: 'z'.repeat(40) }).identityKeys, dev.identityKeys);
  assert.equal(loadConfig({ DATA_DIR: scratch(), ...identityEnv }).identityKeys.currentKeyId, '2026a');
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), IDENTITY_KEYS: '{not json' }), /IDENTITY_KEYS: must be a JSON object/);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), IDENTITY_KEYS: identityEnv.IDENTITY_KEYS }), /IDENTITY_KEY_ID: must be set together/);
});

test('development generates a secret once and keeps it in the data directory', () => {
  const dir = scratch();
  const first = loadConfig({ DATA_DIR: dir }).secretKey;
  assert.ok(first.length >= 32);
  assert.equal(loadConfig({ DATA_DIR: dir }).secretKey, first);
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).secretKey, first);
});

test('WeChat Pay: all WECHATPAY_* or none (a partial set names what is missing); the sandbox is off in production only', () => {
  const dir = scratch();
  const none = loadConfig({ DATA_DIR: dir });
  assert.equal(none.wechatPay, null);
  assert.equal(none.sandboxPayments, true);
  const full = {
    DATA_DIR: dir,
    WECHATPAY_MCHID: '1900009191',
    WECHATPAY_APP_ID: 'wx8888888888888888',
    WECHATPAY_MERCHANT_SERIAL_NO: '3775B6A45ACD588826D15E583A95F5DD1A5F1AA3',
    WECHATPAY_PRIVATE_KEY_FILE: 'keys/apiclient_key.pem',
    WECHATPAY_API_V3_KEY: 'a'.repeat(32),
    WECHATPAY_PLATFORM_KEY_ID: 'PUB_KEY_ID_0114232134912410000000000000000000',
    WECHATPAY_PLATFORM_KEY_FILE: 'keys/pub_key.pem',
  };
  const config = loadConfig(full);
  assert.equal(config.wechatPay?.mchid, '1900009191');
  assert.equal(config.wechatPay?.apiBase, 'https://api.mch.weixin.qq.com');
  assert.equal(config.wechatPay?.privateKeyFile, path.resolve('keys/apiclient_key.pem'));
  const { WECHATPAY_API_V3_KEY: _key, ...partial } = full;
  assert.throws(() => loadConfig(partial), (e: unknown) => e instanceof ConfigError && /WECHATPAY_API_V3_KEY: must be set/.test(e.message));
  assert.throws(() => loadConfig({ ...full, WECHATPAY_API_V3_KEY: 'short' }), /WECHATPAY_API_V3_KEY/);
  assert.equal(loadConfig({ ...full, ...tencentSmsEnv, NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(32), IDENTITY_KEYS: '{"k":"a"}', IDENTITY_KEY_ID: 'k', IDENTITY_LOOKUP_KEY: 'l' }).sandboxPayments, false);
});

test('customs: development codes and folders under DATA_DIR by default; in production, customs on needs the registrations', () => {
  const dir = scratch();
  const dev = loadConfig({ DATA_DIR: dir });
  assert.equal(dev.customs.enabled, true);
  assert.equal(dev.customs.ebp.code, 'DEV0000PAVILION');
  assert.equal(dev.customs.outboxDir, path.join(dir, 'customs', 'outbox'));
  assert.equal(dev.customs.inboxDir, path.join(dir, 'customs', 'inbox'));
  assert.equal(dev.customs.office, 'SHANGHAI_ZS');

  const secrets = { ...tencentSmsEnv, NODE_ENV: 'production', DATA_DIR: dir, SECRET_KEY: 'x'.repeat(40), IDENTITY_KEYS: '{"a":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}', IDENTITY_KEY_ID: 'a', IDENTITY_LOOKUP_KEY: 'B'.repeat(44) };
  assert.equal(loadConfig(secrets).customs.enabled, false, 'off in production unless turned on');
  assert.throws(() => loadConfig({ ...secrets, CUSTOMS_ENABLED: 'true' }), /CUSTOMS_EBP_CODE: must be set in production[\s\S]*CUSTOMS_EBC: must be set/);
  const on = loadConfig({
    ...secrets,
    CUSTOMS_ENABLED: 'true',
    CUSTOMS_EBP_CODE: '31222699S7',
    CUSTOMS_EBP_NAME: '某某跨境电商平台有限公司',
    CUSTOMS_EBC: '{"pakistan":{"code":"3120000PK1","name":"巴基斯坦国家馆"}}',
    CUSTOMS_DXP_ID: 'DXPENT0000000001',
  });
  assert.deepEqual(on.customs.ebc, { pakistan: { code: '3120000PK1', name: '巴基斯坦国家馆' } });
  assert.equal(on.customs.devDefaults, false);
  assert.throws(() => loadConfig({ DATA_DIR: dir, CUSTOMS_EBC: '{"pakistan":{"code":"x"}}' }), /CUSTOMS_EBC: must be a JSON object/);
  assert.throws(() => loadConfig({ DATA_DIR: dir, CUSTOMS_EBP_CODE: '1234567890123456789' }), /CUSTOMS_EBP_CODE: must be at most 18/);
});

test('mail: the log outside production, off in production without SMTP; SMTP needs MAIL_FROM and one way of naming the server', () => {
  const production = { ...tencentSmsEnv, NODE_ENV: 'production', DATA_DIR: scratch(), SECRET_KEY: 'x'.repeat(40), IDENTITY_KEYS: '{"a":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}', IDENTITY_KEY_ID: 'a', IDENTITY_LOOKUP_KEY: 'B'.repeat(44) };
  assert.deepEqual(loadConfig({ DATA_DIR: scratch() }).mail, { delivery: 'log', smtp: null });
  assert.deepEqual(loadConfig(production).mail, { delivery: 'off', smtp: null });
  assert.throws(() => loadConfig({ ...production, SMTP_URL: 'smtp://mail.example:587' }), /MAIL_FROM: must be set when SMTP_URL or SMTP_HOST is set/);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), SMTP_URL: 'http://mail.example' }), /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), SMTP_URL: 'smtp://a', SMTP_HOST: 'b', MAIL_FROM: 'n@x.example' }), /SMTP_HOST: set SMTP_URL or SMTP_HOST, not both/);
  assert.throws(() => loadConfig({ DATA_DIR: scratch(), SMTP_USER: 'u' }), /SMTP_HOST: must be set/);
  assert.deepEqual(loadConfig({ ...production, SMTP_HOST: 'mail.example', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASSWORD: 'p', MAIL_FROM: 'Pavilion <notify@pavilion.example>' }).mail, {
    delivery: 'smtp',
    smtp: { host: 'mail.example', port: 465, user: 'u', password: 'p', from: 'Pavilion <notify@pavilion.example>' },
  });
});

test('SMS: the log sender outside production only; production refuses to start without Tencent Cloud SMS', () => {
  const dir = scratch();
  assert.deepEqual(loadConfig({ DATA_DIR: dir }).sms, { sender: 'log' });
  const production = { NODE_ENV: 'production', DATA_DIR: dir, SECRET_KEY: 'x'.repeat(40), ...identityEnv };
  assert.throws(() => loadConfig(production), /SMS_SENDER: must be set to tencent in production/);
  assert.throws(() => loadConfig({ ...production, SMS_SENDER: 'log' }), /SMS_SENDER: log is for development only/);
  assert.throws(() => loadConfig({ ...production, SMS_SENDER: 'tencent' }), /TENCENTCLOUD_SECRET_ID: must be set when SMS_SENDER is tencent[^]*TENCENT_SMS_TEMPLATE_ID: must be set/);
  assert.throws(() => loadConfig({ ...production, ...tencentSmsEnv, TENCENT_SMS_SDK_APP_ID: 'app' }), /TENCENT_SMS_SDK_APP_ID: must be the SMS application id/);
  assert.throws(() => loadConfig({ ...production, ...tencentSmsEnv, SMS_SENDER: 'aliyun' }), /SMS_SENDER/);
  assert.deepEqual(loadConfig({ ...production, ...tencentSmsEnv }).sms, {
    sender: 'tencent',
    tencent: {
      secretId: tencentSmsEnv.TENCENTCLOUD_SECRET_ID,
      secretKey: tencentSmsEnv.TENCENTCLOUD_SECRET_KEY,
      sdkAppId: '1400006666',
      signName: '国家馆',
      templateId: '1234567',
      templateParams: 'code,minutes',
      region: 'ap-guangzhou',
      apiBase: 'https://sms.tencentcloudapi.com',
    },
  });
  const local = loadConfig({ ...production, ...tencentSmsEnv, TENCENT_SMS_API_BASE: 'http://127.0.0.1:4010/', TENCENT_SMS_REGION: 'ap-beijing', TENCENT_SMS_TEMPLATE_PARAMS: 'code' }).sms;
  assert.ok(local.sender === 'tencent');
  assert.equal(local.tencent.apiBase, 'http://127.0.0.1:4010');
  assert.equal(local.tencent.region, 'ap-beijing');
  assert.equal(local.tencent.templateParams, 'code');
});

test('files: DATA_DIR/files by default; FILE_STORE=s3 takes the S3_* settings, each missing or malformed one named', () => {
  const dir = scratch();
  assert.deepEqual(loadConfig({ DATA_DIR: dir }).files, { store: 'directory', dir: path.join(dir, 'files') });
  const s3Env = {
    FILE_STORE: 's3',
    S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com/',
    S3_REGION: 'oss-cn-hangzhou',
    S3_BUCKET: 'pavilion-prod',
    S3_ACCESS_KEY_ID: 'LTAI5tExampleKeyId',
    S3_SECRET_ACCESS_KEY: 'ExampleSecretAccessKey0123456789',
  };
  assert.deepEqual(loadConfig({ DATA_DIR: dir, ...s3Env }).files, {
    store: 's3',
    s3: { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', region: 'oss-cn-hangzhou', bucket: 'pavilion-prod', accessKeyId: 'LTAI5tExampleKeyId', secretAccessKey: 'ExampleSecretAccessKey0123456789', forcePathStyle: false },
  });
  const s3 = (env: Record<string, string>) => () => loadConfig({ DATA_DIR: dir, ...s3Env, ...env });
  const pathStyle = loadConfig({ DATA_DIR: dir, ...s3Env, S3_FORCE_PATH_STYLE: 'true' }).files;
  assert.equal(pathStyle.store === 's3' && pathStyle.s3.forcePathStyle, true);
  assert.throws(s3({ S3_BUCKET: '' }), /Invalid configuration:\n {2}S3_BUCKET: must be set when FILE_STORE is s3$/);
  assert.throws(s3({ S3_BUCKET: '', S3_REGION: '' }), /S3_REGION: must be set when FILE_STORE is s3\n {2}S3_BUCKET: must be set/);
  assert.throws(s3({ S3_ENDPOINT: 'oss-cn-hangzhou.aliyuncs.com' }), /S3_ENDPOINT: must be the http:\/\/ or https:\/\/ address/);
  assert.throws(s3({ S3_ENDPOINT: 'ftp://files.example.com' }), /S3_ENDPOINT: must be the http:\/\/ or https:\/\/ address/);
  assert.throws(s3({ S3_BUCKET: 'Pavilion_Files' }), /S3_BUCKET: must be a bucket name/);
  assert.throws(s3({ S3_FORCE_PATH_STYLE: 'yes' }), /S3_FORCE_PATH_STYLE: /);
  assert.throws(s3({ FILE_STORE: 'nfs' }), /FILE_STORE: /);
  // A malformed secret is named but never echoed into the log.
  assert.throws(s3({ S3_SECRET_ACCESS_KEY: 'has a space in it' }), (err: Error) => /S3_SECRET_ACCESS_KEY: must be a secret access key/.test(err.message) && !err.message.includes('has a space'));
  // S3 settings without FILE_STORE=s3 would keep the files on one machine's disk without anyone noticing.
  assert.throws(() => loadConfig({ DATA_DIR: dir, S3_BUCKET: 'pavilion-prod' }), /FILE_STORE: must be s3 when S3_BUCKET is set/);
});
