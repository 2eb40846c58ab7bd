import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/database.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { registerErrorHandler } from './platform/error-handler.ts';
import { createLogger } from './platform/logging.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { RateLimiter } from './platform/rate-limiter.ts';
import { registerRequestContext } from './platform/request-context.ts';
import { registerWebApp } from './platform/web-static.ts';
import { DirectoryFileStore, type FileStore } from './platform/file-store.ts';
import { MAX_UPLOAD_BYTES } from './features/media/media.rules.ts';
import { MediaService } from './features/media/media.service.ts';
import { mediaRoutes } from './features/media/media.routes.ts';
import { AccountService } from './features/accounts/account.service.ts';
import { adminRoutes } from './features/accounts/admin.routes.ts';
import { AuthService } from './features/auth/auth.service.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { LogSmsSender, type SmsSender } from './features/auth/sms-sender.ts';
import { HttpWechatLoginClient, type WechatLoginClient } from './features/auth/wechat-login.ts';
import { ExporterService } from './features/exporters/exporter.service.ts';
import { exporterRoutes } from './features/exporters/exporter.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { PavilionService } from './features/pavilions/pavilion.service.ts';
import { operatorPavilionRoutes, storePavilionRoutes } from './features/pavilions/pavilion.routes.ts';
import { CompanyService } from './features/trade/company.service.ts';
import { tradeRoutes } from './features/trade/company.routes.ts';

/** What differs by deployment or test: each has a default. */
export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyBaseLogger;
  clock?: Clock;
  sms?: SmsSender;
  wechat?: WechatLoginClient | null;
  /** Where uploaded files live (default: DATA_DIR/files). */
  files?: FileStore;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the whole HTTP application without listening: what main and the tests use. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config);

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // x-request-id is accepted when it looks like an id, and echoed on every answer.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and antd-mobile write their styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.env === 'production',
  });
  await app.register(fastifyCookie);
  // Uploads: one file of at most 10 MB per request, read whole before anything is stored.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });

  const db = database.db;
  const rateLimiter = new RateLimiter({ db, clock });
  const wechat =
    options.wechat !== undefined
      ? options.wechat
      : config.wechat
        ? new HttpWechatLoginClient(config.wechat)
        : null;
  const auth = new AuthService({ db, config, clock, rateLimiter, sms: options.sms ?? new LogSmsSender(logger), wechat });
  const pavilions = new PavilionService({ db });
  const files = options.files ?? new DirectoryFileStore(`${config.dataDir}/files`);
  const media = new MediaService({ db, files });

  registerRequestContext(app, { db, clock, allowedOrigins: [new URL(config.publicUrl).origin] });
  await registerOpenApi(app, { version: config.version });

  await app.register(healthRoutes({ database, version: config.version }), { prefix: '/api' });
  await app.register(authRoutes({ auth, config, db, clock }), { prefix: '/api/auth' });
  await app.register(storePavilionRoutes(pavilions), { prefix: '/api/store' });
  await app.register(tradeRoutes(new CompanyService({ db })), { prefix: '/api/trade' });
  await app.register(exporterRoutes(new ExporterService({ db })), { prefix: '/api/exporter' });
  await app.register(operatorPavilionRoutes(pavilions), { prefix: '/api/operator' });
  await app.register(adminRoutes(new AccountService({ db })), { prefix: '/api/admin' });
  await app.register(mediaRoutes(media));
  await registerWebApp(app, { distDir: config.webDistDir });

  app.addHook('onClose', async () => {
    await database.destroy();
  });
  return app;
}
