import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from '../db/database.ts';
import type { S3Settings } from './s3-file-store.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const secret = z.string().min(32, { message: 'must be at least 32 characters' });

/** Every environment variable Pavilion reads, with its default. The README's table mirrors this. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|file:)/, { message: 'must start with postgres://, postgresql://, sqlite: or file:' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECRET_KEY: secret.optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  WEB_DIST_DIR: z.string().optional(),
  FILE_STORE: z.enum(['directory', 's3']).default('directory'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be the http:// or https:// address of the S3-compatible service, such as https://oss-cn-hangzhou.aliyuncs.com' }).optional(),
  S3_REGION: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be a region name such as oss-cn-hangzhou, ap-guangzhou or us-east-1' }).optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens (COS: name-appid)' }).optional(),
  S3_ACCESS_KEY_ID: z.string().regex(/^[\x21-\x7e]{3,128}$/, { message: 'must be an access key id (no spaces)' }).optional(),
  S3_SECRET_ACCESS_KEY: z.string().regex(/^[\x21-\x7e]{8,256}$/, { message: 'must be a secret access key (no spaces)' }).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  CATALOG_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  RATE_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  SMS_SENDER: z.enum(['log', 'tencent']).optional(),
  TENCENTCLOUD_SECRET_ID: z.string().regex(/^[A-Za-z0-9]{16,64}$/, { message: 'must be a Tencent Cloud SecretId (letters and digits)' }).optional(),
  TENCENTCLOUD_SECRET_KEY: z.string().regex(/^[A-Za-z0-9]{16,64}$/, { message: 'must be a Tencent Cloud SecretKey (letters and digits)' }).optional(),
  TENCENT_SMS_SDK_APP_ID: z.string().regex(/^\d{6,12}$/, { message: 'must be the SMS application id (SmsSdkAppId, digits such as 1400006666)' }).optional(),
  TENCENT_SMS_SIGN_NAME: z.string().trim().min(1).max(32).optional(),
  TENCENT_SMS_TEMPLATE_ID: z.string().regex(/^\d{1,12}$/, { message: 'must be the approved template id (digits)' }).optional(),
  TENCENT_SMS_TEMPLATE_PARAMS: z.enum(['code', 'code,minutes']).default('code,minutes'),
  TENCENT_SMS_REGION: z.string().regex(/^[a-z]{2}-[a-z]+(-\d+)?$/, { message: 'must be a Tencent Cloud region such as ap-guangzhou' }).default('ap-guangzhou'),
  TENCENT_SMS_API_BASE: z.url().default('https://sms.tencentcloudapi.com'),
  WECHAT_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, { message: 'must look like wx followed by 16 hex digits' }).optional(),
  WECHAT_APP_SECRET: secret.or(z.string().regex(/^[0-9a-f]{32}$/, { message: 'must be 32 hex digits' })).optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHATPAY_MCHID: z.string().regex(/^\d{8,12}$/, { message: 'must be the merchant number (digits)' }).optional(),
  WECHATPAY_APP_ID: z.string().regex(/^wx[0-9a-f]{16}$/, { message: 'must look like wx followed by 16 hex digits' }).optional(),
  WECHATPAY_MERCHANT_SERIAL_NO: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, { message: 'must be the merchant API certificate serial (hex)' }).optional(),
  WECHATPAY_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  WECHATPAY_API_V3_KEY: z.string().length(32, { message: 'must be exactly 32 characters' }).optional(),
  WECHATPAY_PLATFORM_KEY_ID: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_KEY_FILE: z.string().min(1).optional(),
  WECHATPAY_API_BASE: z.url().default('https://api.mch.weixin.qq.com'),
  IDENTITY_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(text));
      } catch {
        ctx.issues.push({ code: 'custom', message: 'must be a JSON object of key id → base64 key, such as {"2026a":"…"}', input: text });
        return z.NEVER;
      }
    })
    .optional(),
  IDENTITY_KEY_ID: z.string().min(1).optional(),
  IDENTITY_LOOKUP_KEY: z.string().min(1).optional(),
  CUSTOMS_ENABLED: booleanFlag.optional(),
  CUSTOMS_EBP_CODE: z.string().trim().min(1).max(18, { message: 'must be at most 18 characters (C..18)' }).optional(),
  CUSTOMS_EBP_NAME: z.string().trim().min(1).max(100, { message: 'must be at most 100 characters (C..100)' }).optional(),
  CUSTOMS_EBC: z
    .string()
    .transform((text, ctx) => {
      const parsed = z.record(z.string(), z.object({ code: z.string().trim().min(1).max(18), name: z.string().trim().min(1).max(100) }).strict()).safeParse(safeJson(text));
      if (parsed.success) return parsed.data;
      ctx.issues.push({ code: 'custom', message: 'must be a JSON object of pavilion slug → {"code": "C..18", "name": "C..100"}', input: text });
      return z.NEVER;
    })
    .optional(),
  CUSTOMS_DXP_ID: z.string().trim().min(1).max(30).optional(),
  CUSTOMS_OFFICE: z.string().regex(/^[A-Z_]{2,32}$/, { message: 'must be a WeChat Pay customs code such as SHANGHAI_ZS' }).default('SHANGHAI_ZS'),
  CUSTOMS_OUTBOX_DIR: z.string().min(1).optional(),
  CUSTOMS_INBOX_DIR: z.string().min(1).optional(),
  CUSTOMS_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' }).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().regex(/^(.*<)?[^@\s<>]+@[^@\s<>]+>?$/, { message: 'must be an address, such as "Pavilion <notify@example.com>"' }).optional(),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** WeChat Pay needs all of these or none (and an app id: WECHATPAY_APP_ID or WECHAT_APP_ID). */
const wechatPayVariables = [
  'WECHATPAY_MCHID', 'WECHATPAY_MERCHANT_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY_FILE', 'WECHATPAY_API_V3_KEY', 'WECHATPAY_PLATFORM_KEY_ID', 'WECHATPAY_PLATFORM_KEY_FILE',
] as const;

export type Env = Record<string, string | undefined>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: DatabaseTarget;
  logLevel: string;
  secretKey: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  webDistDir: string;
  /**
   * Where uploads live: DATA_DIR/files (one machine), or a bucket of an S3-compatible service that
   * every server machine shares (FILE_STORE=s3).
   */
  files: { store: 'directory'; dir: string } | { store: 's3'; s3: S3Settings };
  /** Storefront answers kept in memory (0 turns the cache off). */
  catalogCacheEntries: number;
  /**
   * Who sends buyers' login codes: Tencent Cloud SMS, or the server log (development only: a
   * production server refuses to start with it, so no code ever reaches a production log).
   */
  sms:
    | { sender: 'log' }
    | {
        sender: 'tencent';
        tencent: {
          secretId: string;
          secretKey: string;
          /** The SMS application (SmsSdkAppId, 1400…). */
          sdkAppId: string;
          /** The approved signature (签名) text shown in the message. */
          signName: string;
          /** The approved template's id; its variables are listed in `templateParams`. */
          templateId: string;
          /** What fills the template's variables {1}, {2}: the code, and the minutes it stays valid when the template asks. */
          templateParams: 'code' | 'code,minutes';
          /** ap-guangzhou, ap-beijing or ap-nanjing. */
          region: string;
          /** https://sms.tencentcloudapi.com, or a test server. */
          apiBase: string;
        };
      };
  /** Operators are alerted when the rate in force for a currency in use is older than this (days). */
  rateMaxAgeDays: number;
  wechat: { appId: string; appSecret: string; apiBase: string } | null;
  /** WeChat Pay API v3 (JSAPI): null until every WECHATPAY_* variable is set. The key files are read when the app is built. */
  wechatPay: {
    mchid: string;
    /** The mini program the payers' openids belong to (WECHATPAY_APP_ID, else WECHAT_APP_ID). */
    appId: string;
    merchantSerialNo: string;
    privateKeyFile: string;
    apiV3Key: string;
    /** A platform certificate's serial, or a WeChat Pay public key's id (PUB_KEY_ID_…). */
    platformKeyId: string;
    /** That certificate or public key, PEM. */
    platformKeyFile: string;
    apiBase: string;
  } | null;
  /** The sandbox payment provider (a page where the tester chooses the outcome): on unless NODE_ENV=production. */
  sandboxPayments: boolean;
  /**
   * Field encryption of buyers' identities (PIPL art. 51): base64 AES-256 keys by id (the current one
   * encrypts, all decrypt) and the HMAC key of the ID-number look-up hash. Checked by
   * parseIdentityKeys when the app is built.
   */
  identityKeys: { currentKeyId: string; keys: Record<string, string>; lookupKey: string };
  version: string;
  /**
   * Customs declarations (CEB311 through the customs client's folders, the payment declaration
   * through the payment provider). On by default outside production; in production it is turned on
   * with CUSTOMS_ENABLED=true and then needs the registration codes below.
   */
  customs: {
    enabled: boolean;
    /** The platform (电商平台, the deployment): customs registration code and name. */
    ebp: { code: string; name: string };
    /** The e-commerce enterprise (电商企业) per pavilion slug; a pavilion not listed gets a development code outside production, none in production (its messages are then refused by validation, naming ebcCode). */
    ebc: Record<string, { code: string; name: string }>;
    devDefaults: boolean;
    /** The platform's id on the customs data exchange (BaseTransfer/dxpId). */
    dxpId: string;
    /** The customs office the payment is declared to (WeChat Pay's customs code). */
    office: string;
    outboxDir: string;
    inboxDir: string;
    /** Where the transport keeps its own state (handover ledger, processed receipts). */
    stateDir: string;
    intervalMs: number;
  };
  /**
   * Notification email: SMTP when SMTP_URL or SMTP_HOST is set (then MAIL_FROM too); otherwise the
   * log outside production, and off in production (the in-app list still fills).
   */
  mail: { delivery: 'smtp' | 'log' | 'off'; smtp: { url?: string; host?: string; port?: number; user?: string; password?: string; from: string } | null };
}

export class ConfigError extends Error {}

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/**
 * A relative path in a setting (DATA_DIR, a sqlite: file, the customs folders, key files) is taken
 * from the project root, not from the folder the command runs in: `npx pavilion migrate` from a
 * sub-folder must use the same database as `npm start`, not make a second, empty one.
 */
export const projectRoot = repoRoot;
const fromRoot = (p: string): string => path.resolve(repoRoot, p);
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Reads and checks the configuration. A missing or malformed variable throws a ConfigError naming
 * it. Secrets: required in production; in development they are generated once and kept in the data
 * directory so sessions survive restarts.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // A secret's value is never echoed: start-up errors end up in logs.
      const got = /SECRET|PASSWORD|_KEY$|_KEYS$/.test(name) ? undefined : env[name];
      return `  ${name}: ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = fromRoot(e.DATA_DIR);

  if (production) {
    const missing = ['SECRET_KEY', 'IDENTITY_KEYS', 'IDENTITY_KEY_ID', 'IDENTITY_LOOKUP_KEY', ...(e.WECHAT_APP_ID ? ['WECHAT_APP_SECRET'] : [])].filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((n) => `  ${n}: must be set in production`).join('\n')}`);
    }
  }
  if ((e.IDENTITY_KEYS === undefined) !== (e.IDENTITY_KEY_ID === undefined)) {
    throw new ConfigError('Invalid configuration:\n  IDENTITY_KEY_ID: must be set together with IDENTITY_KEYS');
  }
  if (e.WECHAT_APP_ID && !e.WECHAT_APP_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APP_SECRET: must be set when WECHAT_APP_ID is set');
  }

  const wechatPaySet = wechatPayVariables.filter((name) => e[name] !== undefined);
  const wechatPayAppId = e.WECHATPAY_APP_ID ?? e.WECHAT_APP_ID;
  if (wechatPaySet.length > 0) {
    const missing = [...wechatPayVariables.filter((name) => e[name] === undefined), ...(wechatPayAppId ? [] : ['WECHATPAY_APP_ID'])];
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n${missing.map((n) => `  ${n}: must be set with the other WECHATPAY_* variables`).join('\n')}`);
    }
  }

  const database: Config['database'] =
    e.DATABASE_URL && /^postgres(ql)?:/.test(e.DATABASE_URL)
      ? { dialect: 'postgres', url: e.DATABASE_URL }
      : { dialect: 'sqlite', file: sqliteFile(e.DATABASE_URL, dataDir) };

  const secretKey = e.SECRET_KEY ?? developmentSecret(dataDir);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    database,
    logLevel: e.LOG_LEVEL,
    secretKey,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    catalogCacheEntries: e.CATALOG_CACHE_ENTRIES,
    rateMaxAgeDays: e.RATE_MAX_AGE_DAYS,
    webDistDir: fromRoot(e.WEB_DIST_DIR ?? 'packages/web/dist'),
    files: filesConfig(e, env, dataDir),
    sms: smsConfig(e, production),
    wechat: e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
      ? { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE.replace(/\/$/, '') }
      : null,
    identityKeys: {
      currentKeyId: e.IDENTITY_KEY_ID ?? DEV_IDENTITY_KEY_ID,
      keys: e.IDENTITY_KEYS ?? { [DEV_IDENTITY_KEY_ID]: derivedKey(secretKey, 'identity-encryption') },
      lookupKey: e.IDENTITY_LOOKUP_KEY ?? derivedKey(secretKey, 'identity-lookup'),
    },
    wechatPay:
      wechatPaySet.length > 0 && wechatPayAppId
        ? {
            mchid: e.WECHATPAY_MCHID!,
            appId: wechatPayAppId,
            merchantSerialNo: e.WECHATPAY_MERCHANT_SERIAL_NO!,
            privateKeyFile: fromRoot(e.WECHATPAY_PRIVATE_KEY_FILE!),
            apiV3Key: e.WECHATPAY_API_V3_KEY!,
            platformKeyId: e.WECHATPAY_PLATFORM_KEY_ID!,
            platformKeyFile: fromRoot(e.WECHATPAY_PLATFORM_KEY_FILE!),
            apiBase: e.WECHATPAY_API_BASE.replace(/\/$/, ''),
          }
        : null,
    sandboxPayments: !production,
    version,
    customs: customsConfig(e, env, dataDir, production),
    mail: mailConfig(e, production),
  };
}

/** FILE_STORE=s3 needs all of these (S3_FORCE_PATH_STYLE has a default). */
const s3Variables = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function filesConfig(e: z.infer<typeof envSchema>, env: Env, dataDir: string): Config['files'] {
  if (e.FILE_STORE === 'directory') {
    // An S3_* setting without FILE_STORE=s3 would leave a deployment that believes it shares its files writing them to one machine's disk.
    const stray = [...s3Variables, 'S3_FORCE_PATH_STYLE'].find((name) => env[name]);
    if (stray) throw new ConfigError(`Invalid configuration:\n  FILE_STORE: must be s3 when ${stray} is set (files are kept in DATA_DIR/files otherwise)`);
    return { store: 'directory', dir: path.join(dataDir, 'files') };
  }
  const missing = s3Variables.filter((name) => e[name] === undefined);
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((n) => `  ${n}: must be set when FILE_STORE is s3`).join('\n')}`);
  return {
    store: 's3',
    s3: {
      endpoint: e.S3_ENDPOINT!.replace(/\/+$/, ''),
      region: e.S3_REGION!,
      bucket: e.S3_BUCKET!,
      accessKeyId: e.S3_ACCESS_KEY_ID!,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    },
  };
}

/** Tencent Cloud SMS needs all of these. */
const tencentSmsVariables = ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID'] as const;

function smsConfig(e: z.infer<typeof envSchema>, production: boolean): Config['sms'] {
  const sender = e.SMS_SENDER ?? (production ? undefined : 'log');
  if (sender === undefined) throw new ConfigError('Invalid configuration:\n  SMS_SENDER: must be set to tencent in production (the log sender would write buyers\' login codes to the log)');
  if (sender === 'log') {
    if (production) throw new ConfigError('Invalid configuration:\n  SMS_SENDER: log is for development only; production needs tencent (the log sender would write buyers\' login codes to the log)');
    return { sender: 'log' };
  }
  const missing = tencentSmsVariables.filter((name) => e[name] === undefined);
  if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((n) => `  ${n}: must be set when SMS_SENDER is tencent`).join('\n')}`);
  return {
    sender: 'tencent',
    tencent: {
      secretId: e.TENCENTCLOUD_SECRET_ID!,
      secretKey: e.TENCENTCLOUD_SECRET_KEY!,
      sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
      signName: e.TENCENT_SMS_SIGN_NAME!,
      templateId: e.TENCENT_SMS_TEMPLATE_ID!,
      templateParams: e.TENCENT_SMS_TEMPLATE_PARAMS,
      region: e.TENCENT_SMS_REGION,
      apiBase: e.TENCENT_SMS_API_BASE.replace(/\/$/, ''),
    },
  };
}

function mailConfig(e: z.infer<typeof envSchema>, production: boolean): Config['mail'] {
  if (e.SMTP_URL && e.SMTP_HOST) throw new ConfigError('Invalid configuration:\n  SMTP_HOST: set SMTP_URL or SMTP_HOST, not both');
  if (e.SMTP_PASSWORD && !e.SMTP_USER) throw new ConfigError('Invalid configuration:\n  SMTP_USER: must be set when SMTP_PASSWORD is set');
  if (!e.SMTP_URL && !e.SMTP_HOST) {
    if (e.SMTP_PORT || e.SMTP_USER) throw new ConfigError('Invalid configuration:\n  SMTP_HOST: must be set with SMTP_PORT and SMTP_USER');
    return { delivery: production ? 'off' : 'log', smtp: null };
  }
  if (!e.MAIL_FROM) throw new ConfigError('Invalid configuration:\n  MAIL_FROM: must be set when SMTP_URL or SMTP_HOST is set');
  const smtp: NonNullable<Config['mail']['smtp']> = { from: e.MAIL_FROM };
  if (e.SMTP_URL) smtp.url = e.SMTP_URL;
  if (e.SMTP_HOST) smtp.host = e.SMTP_HOST;
  if (e.SMTP_PORT) smtp.port = e.SMTP_PORT;
  if (e.SMTP_USER) smtp.user = e.SMTP_USER;
  if (e.SMTP_PASSWORD) smtp.password = e.SMTP_PASSWORD;
  return { delivery: 'smtp', smtp };
}

/** Development codes: obviously not real registrations (customs would refuse them), so a demo works out of the box. */
const DEV_EBP = { code: 'DEV0000PAVILION', name: '展馆跨境电商平台（开发）' };

function customsConfig(e: z.infer<typeof envSchema>, env: Env, dataDir: string, production: boolean): Config['customs'] {
  const enabled = e.CUSTOMS_ENABLED ?? !production;
  if (production && enabled) {
    const missing = ['CUSTOMS_EBP_CODE', 'CUSTOMS_EBP_NAME', 'CUSTOMS_EBC', 'CUSTOMS_DXP_ID'].filter((name) => !env[name]);
    if (missing.length > 0) throw new ConfigError(`Invalid configuration:\n${missing.map((n) => `  ${n}: must be set in production when CUSTOMS_ENABLED is true`).join('\n')}`);
  }
  const root = path.join(dataDir, 'customs');
  return {
    enabled,
    ebp: { code: e.CUSTOMS_EBP_CODE ?? DEV_EBP.code, name: e.CUSTOMS_EBP_NAME ?? DEV_EBP.name },
    ebc: e.CUSTOMS_EBC ?? {},
    devDefaults: !production,
    dxpId: e.CUSTOMS_DXP_ID ?? 'DXPDEV0000000001',
    office: e.CUSTOMS_OFFICE,
    outboxDir: fromRoot(e.CUSTOMS_OUTBOX_DIR ?? path.join(root, 'outbox')),
    inboxDir: fromRoot(e.CUSTOMS_INBOX_DIR ?? path.join(root, 'inbox')),
    stateDir: path.join(root, 'state'),
    intervalMs: e.CUSTOMS_INTERVAL_MS,
  };
}

const DEV_IDENTITY_KEY_ID = 'dev';

/**
 * Development and test only (production must set the identity keys): a 32-byte key derived from
 * SECRET_KEY, so identities stored in a development database stay readable across restarts without
 * another secret to keep. Each purpose gets its own key (the lookup key must differ from the
 * encryption key).
 */
function derivedKey(secretKey: string, purpose: string): string {
  return createHmac('sha256', secretKey).update(`pavilion.${purpose}.v1`).digest('base64');
}

function sqliteFile(url: string | undefined, dataDir: string): string {
  if (!url) return path.join(dataDir, 'pavilion.db');
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return file === ':memory:' ? file : fromRoot(file);
}

/** Development only: a random secret created on first start and kept in DATA_DIR/secrets.json. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { secretKey?: unknown };
    if (typeof stored.secretKey === 'string' && stored.secretKey.length >= 32) return stored.secretKey;
  }
  const secretKey = randomBytes(32).toString('base64url');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ secretKey }, null, 2) + '\n', { mode: 0o600 });
  } catch (err) {
    throw dataDirError(dataDir, err);
  }
  return secretKey;
}

/**
 * Makes sure DATA_DIR is a directory Pavilion can write (the SQLite file, uploads, customs
 * folders live there): created when missing, then written and removed once. Anything else stops
 * the start with a ConfigError naming DATA_DIR rather than a stack trace at the first upload.
 */
export function prepareDataDir(dataDir: string): void {
  const probe = path.join(dataDir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw dataDirError(dataDir, err);
  }
}

function dataDirError(dataDir: string, err: unknown): ConfigError {
  const code = (err as { code?: string }).code ?? (err as Error).message;
  return new ConfigError(`DATA_DIR: ${dataDir} cannot be written (${code}): set DATA_DIR to a directory Pavilion may create and write, or fix its permissions`);
}
