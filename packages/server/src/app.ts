import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { validatorCompiler } from './platform/validator.ts';
import type { Database } from './db/database.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';
import { JobConsole, jobConsoleRoutes } from './platform/jobs/job-console.ts';
import { CUSTOMS_SWEEP, registerBackgroundJobs, SEND_REFUNDS } from './background-jobs.ts';
import type { Config } from './platform/config.ts';
import { frameworkErrors, registerErrorHandler } from './platform/error-handler.ts';
import { createLogger } from './platform/logging.ts';
import { registerJsonBodyParser } from './platform/json-body.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { RateLimiter } from './platform/rate-limiter.ts';
import { registerRequestContext, resolveCaller } from './platform/request-context.ts';
import { registerSuspendedExporterGuard } from './platform/access.ts';
import { registerWebApp } from './platform/web-static.ts';
import { registerUploadRateLimit } from './platform/uploads.ts';
import { storefrontShareCards } from './features/catalog/index.ts';
import type { FileStore } from './platform/file-store.ts';
import { fileStoreFromConfig } from './platform/file-store-config.ts';
import { MAX_UPLOAD_BYTES } from './features/media/index.ts';
import { MediaService } from './features/media/index.ts';
import { mediaRoutes } from './features/media/index.ts';
import { RateService } from './features/rates/index.ts';
import { currenciesPricedIn } from './features/catalog/index.ts';
import { refreshListingPrices } from './features/catalog/index.ts';
import { operatorRateRoutes, storeRateRoutes } from './features/rates/index.ts';
import { ProductService } from './features/catalog/index.ts';
import { ProductReviewService } from './features/catalog/index.ts';
import { StockService } from './features/catalog/index.ts';
import { StorefrontSearch, StorefrontService } from './features/catalog/index.ts';
import { exporterCatalogRoutes, operatorCatalogRoutes, storeCatalogRoutes } from './features/catalog/index.ts';
import { ProductImportService } from './features/catalog-import/index.ts';
import { productImportRoutes } from './features/catalog-import/index.ts';
import { ProductImportJobs } from './features/catalog-import/index.ts';
import { AccountService } from './features/accounts/index.ts';
import { adminRoutes } from './features/accounts/index.ts';
import { AuthService } from './features/auth/index.ts';
import { authRoutes } from './features/auth/index.ts';
import { LogSmsSender, type SmsSender } from './features/auth/index.ts';
import { TencentSmsSender } from './features/auth/index.ts';
import { HttpWechatLoginClient, type WechatLoginClient } from './features/auth/index.ts';
import { createExporterFeature, registerExporterRoutes } from './features/exporters/index.ts';
import { healthRoutes } from './features/health/index.ts';
import { PavilionService } from './features/pavilions/index.ts';
import { operatorPavilionRoutes, storePavilionRoutes } from './features/pavilions/index.ts';
import { StoryService } from './features/pavilions/index.ts';
import { CategoryService } from './features/categories/index.ts';
import { operatorCategoryRoutes, storeCategoryRoutes } from './features/categories/index.ts';
import { HsRateService } from './features/hs-rates/index.ts';
import { operatorHsRateRoutes } from './features/hs-rates/index.ts';
import { createTradeFeature, registerTradeRoutes } from './features/trade/index.ts';
import { SearchService } from './features/search/index.ts';
import { CheckoutService } from './features/orders/index.ts';
import { ShippingTemplateService } from './features/shipping/index.ts';
import { exporterShippingTemplateRoutes } from './features/shipping/index.ts';
import { OrderService } from './features/orders/index.ts';
import { exporterOrderRoutes, operatorOrderRoutes, storeOrderRoutes } from './features/orders/index.ts';
import { operatorSearchRoutes, storeSearchRoutes } from './features/search/index.ts';
import { CartService } from './features/cart/index.ts';
import { storeCartRoutes } from './features/cart/index.ts';
import { AddressService } from './features/addresses/index.ts';
import { storeAddressRoutes } from './features/addresses/index.ts';
import { IdentityService } from './features/identities/index.ts';
import { storeIdentityRoutes } from './features/identities/index.ts';
import { parseIdentityKeys } from './features/identities/index.ts';
import { PaymentService } from './features/payments/index.ts';
import { operatorPaymentRoutes, paymentCallbackRoutes, sandboxPaymentRoutes, storePaymentRoutes } from './features/payments/index.ts';
import { SandboxPaymentProvider } from './features/payments/index.ts';
import { WechatPayProvider } from './features/payments/index.ts';
import { SettlementService } from './features/settlement/index.ts';
import { exporterSettlementRoutes, operatorSettlementRoutes } from './features/settlement/index.ts';
import type { ReturnedLineSource } from './features/settlement/index.ts';
import { FulfilmentService } from './features/fulfilment/index.ts';
import { exporterFulfilmentRoutes, operatorFulfilmentRoutes, storeFulfilmentRoutes } from './features/fulfilment/index.ts';
import { ReturnService } from './features/returns/index.ts';
import { staffReturnRoutes, storeReturnRoutes } from './features/returns/index.ts';
import { CustomsService } from './features/customs/index.ts';
import { DirectoryCustomsTransport, type CustomsTransport } from './features/customs/index.ts';
import { operatorCustomsRoutes } from './features/customs/index.ts';
import { LogMailer, SmtpMailer, type Mailer } from './features/notifications/index.ts';
import { NotificationService } from './features/notifications/index.ts';
import { notificationRoutes } from './features/notifications/index.ts';
import { placeCheckoutWorkflow } from './workflows/place-checkout.ts';
import { settlePaymentWorkflow } from './workflows/settle-payment.ts';
import { refundReturnWorkflow } from './workflows/refund-return.ts';
import { issueStatementsWorkflow, refundedReturnLines } from './workflows/issue-statements.ts';
import { declarationIdentities, declareToCustomsWorkflow } from './workflows/declare-to-customs.ts';

/** What differs by deployment or test: each has a default. */
export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyBaseLogger;
  clock?: Clock;
  sms?: SmsSender;
  wechat?: WechatLoginClient | null;
  /** Where uploaded files live (default: FILE_STORE's, DATA_DIR/files unless it is s3). */
  files?: FileStore;
  /**
   * Payment providers (default: WeChat Pay from WECHATPAY_*, the sandbox unless production) and
   * whether the background worker runs (refunds, late-notification queries; default on).
   */
  payments?: { wechat?: WechatPayProvider | null; sandbox?: SandboxPaymentProvider | null; worker?: boolean };
  /** Where settlement learns of refunded returns (default: the refunded lines of the returns feature) and whether its monthly job runs (default on). */
  settlement?: { returns?: ReturnedLineSource; job?: boolean };
  /**
   * The customs transport (default: the customs client's folders, CUSTOMS_OUTBOX_DIR and
   * CUSTOMS_INBOX_DIR) and whether the customs worker runs (default on when CUSTOMS_ENABLED; tests
   * turn it off and call `customs.runOnce()` themselves).
   */
  customs?: { transport?: CustomsTransport; worker?: boolean };
  /**
   * The notification mailer (default from the configuration: SMTP, the log, or none when email is
   * off) and whether this process runs the notification jobs (events made into notifications, emails
   * sent, the sweep; default on; tests that drive them turn the queue's polling off and call `jobs.runDue()`).
   */
  notifications?: { mailer?: Mailer | null; worker?: boolean };
  /** Whether this process runs the search upkeep jobs (re-index, change-log pruning, query counts; default on). */
  search?: { worker?: boolean };
  /** `run: false`: this process takes no job from the queue (jobs still wait in the table; `app.jobs.runDue()` runs them): for tests that count a request's own queries. */
  jobs?: { run?: boolean };
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
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandler(app);
  registerJsonBodyParser(app);

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
  // Background work: durable jobs in the database, run by every server process (background-jobs.ts lists them).
  const jobs = new JobQueue({ db, clock, log: app.log });
  const rateLimiter = new RateLimiter({ db, clock });
  const wechat =
    options.wechat !== undefined
      ? options.wechat
      : config.wechat
        ? new HttpWechatLoginClient(config.wechat)
        : null;
  const auth = new AuthService({ db, config, clock, rateLimiter, sms: options.sms ?? smsSenderFromConfig(config, logger, clock), wechat });
  const files = options.files ?? fileStoreFromConfig(config.files, { onFailure: (failure) => app.log.warn({ fileStore: failure }, 'file store failed') });
  const media = new MediaService({ db, files });
  const exporters = createExporterFeature({ db, clock, config, files, media, auth, rateLimiter });
  const pavilions = new PavilionService({ db, media });
  const stories = new StoryService({ db, media, pavilions });
  const categories = new CategoryService({ db });
  const rates = new RateService({ db, clock, pricedCurrencies: (filter) => currenciesPricedIn(db, filter), maxAgeDays: config.rateMaxAgeDays, onRatesChanged: (rateService) => refreshListingPrices({ db, rates: rateService, clock }) });
  const catalogDeps = { db, clock, media, rates };
  const products = new ProductService(catalogDeps);
  const review = new ProductReviewService({ ...catalogDeps, products });
  const stock = new StockService(catalogDeps);
  const storefront = new StorefrontService({ db, rates, cacheEntries: config.catalogCacheEntries });
  const search = new SearchService({ db, clock, onError: (err) => app.log.error({ err }, 'search upkeep failed'), onReindexQueued: () => jobs.kick() });
  const fulfilment = new FulfilmentService({ db, clock });
  const orders = new OrderService({ db, clock, shipmentsOf: (ids) => fulfilment.shipmentsOf(ids) });
  const carts = new CartService({ db, clock, rates, rateLimiter });
  const addresses = new AddressService({ db, clock });
  const identities = new IdentityService({ db, clock, keys: parseIdentityKeys(config.identityKeys) });
  const checkout = new CheckoutService({ db, clock, rates, addresses, identities });
  const returns = new ReturnService({ db, clock, media });
  // The flows that cross features, one file each under workflows/. Payments hands the provider's
  // word to two of them: a payment confirmed (settle-payment) and a refund ended (refund-return).
  const wakeRefundSender = () => jobs.triggerSweep(SEND_REFUNDS);
  const settlePayment = settlePaymentWorkflow({ db, onRefundsRequested: wakeRefundSender });
  const refundReturn = refundReturnWorkflow({ db, clock, returns, onRefundsRequested: wakeRefundSender });
  const payments = new PaymentService({
    db,
    clock,
    publicUrl: config.publicUrl,
    log: app.log,
    providers: {
      wechat: options.payments?.wechat !== undefined ? options.payments.wechat : wechatPayFromConfig(config, clock),
      sandbox:
        options.payments?.sandbox !== undefined
          ? options.payments.sandbox
          : config.sandboxPayments
            ? new SandboxPaymentProvider({ secretKey: config.secretKey, publicUrl: config.publicUrl, now: () => clock().getTime() })
            : null,
    },
    settlePayment,
    settleRefund: refundReturn.refundEnded,
  });
  const placeCheckout = placeCheckoutWorkflow({ db, clock, checkout, carts, payments });
  const customs = new CustomsService({
    db,
    clock,
    customs: config.customs,
    identities: declarationIdentities(parseIdentityKeys(config.identityKeys).keyRing),
    transport: options.customs?.transport ?? new DirectoryCustomsTransport(config.customs),
    log: app.log,
  });
  const declareToCustoms = declareToCustomsWorkflow({ db, clock, log: app.log, customs, payments, onQueued: () => jobs.triggerSweep(CUSTOMS_SWEEP) });
  app.decorate('customs', declareToCustoms);

  registerRequestContext(app, { db, clock, allowedOrigins: [new URL(config.publicUrl).origin] });
  registerSuspendedExporterGuard(app, { isSuspended: (exporterId) => exporters.exporters.isSuspended(exporterId) });
  registerUploadRateLimit(app, rateLimiter);
  await registerOpenApi(app, { version: config.version });

  await app.register(healthRoutes({ database, files, version: config.version }), { prefix: '/api' });
  await app.register(authRoutes({ auth, config, db, clock }), { prefix: '/api/auth' });
  await app.register(storePavilionRoutes(pavilions, stories), { prefix: '/api/store' });
  await app.register(storeCategoryRoutes(categories), { prefix: '/api/store' });
  await registerExporterRoutes(app, exporters, config);
  await app.register(operatorPavilionRoutes(pavilions, stories), { prefix: '/api/operator' });
  await app.register(operatorCategoryRoutes(categories), { prefix: '/api/operator' });
  await app.register(operatorHsRateRoutes(new HsRateService({ db })), { prefix: '/api/operator' });
  await app.register(adminRoutes(new AccountService({ db })), { prefix: '/api/admin' });
  await app.register(jobConsoleRoutes(new JobConsole(jobs)), { prefix: '/api/admin' });
  await app.register(storeCatalogRoutes({ storefront, search: new StorefrontSearch({ db, search }) }), { prefix: '/api/store' });
  await app.register(exporterCatalogRoutes({ products, stock, media }), { prefix: '/api/exporter' });
  const imports = new ProductImportService({ db, clock, products });
  await app.register(productImportRoutes(imports, new ProductImportJobs({ queue: jobs, files, imports })), { prefix: '/api/exporter' });
  await app.register(operatorCatalogRoutes(review), { prefix: '/api/operator' });
  await app.register(operatorRateRoutes(rates), { prefix: '/api/operator' });
  await app.register(storeRateRoutes(rates), { prefix: '/api/store' });
  await app.register(storeSearchRoutes(search), { prefix: '/api/store' });
  await app.register(storeCartRoutes(carts), { prefix: '/api/store' });
  await app.register(storeAddressRoutes(addresses), { prefix: '/api/store' });
  await app.register(storeIdentityRoutes(identities), { prefix: '/api/store' });
  await app.register(operatorSearchRoutes(search), { prefix: '/api/operator' });
  await app.register(storeOrderRoutes(checkout, orders, placeCheckout), { prefix: '/api/store' });
  await app.register(exporterOrderRoutes(orders), { prefix: '/api/exporter' });
  await app.register(exporterShippingTemplateRoutes(new ShippingTemplateService({ db, clock })), { prefix: '/api/exporter' });
  await app.register(operatorOrderRoutes(orders), { prefix: '/api/operator' });
  await app.register(paymentCallbackRoutes(payments), { prefix: '/api/payments' });
  if (payments.sandbox) await app.register(sandboxPaymentRoutes(payments), { prefix: '/api/payments' });
  await app.register(storePaymentRoutes(payments), { prefix: '/api/store' });
  await app.register(operatorPaymentRoutes(payments), { prefix: '/api/operator' });
  const settlement = new SettlementService({ db, clock, pavilions, returns: options.settlement?.returns ?? refundedReturnLines });
  await app.register(exporterSettlementRoutes(settlement), { prefix: '/api/exporter' });
  await app.register(operatorSettlementRoutes(settlement), { prefix: '/api/operator' });
  await app.register(exporterFulfilmentRoutes(fulfilment), { prefix: '/api/exporter' });
  await app.register(operatorFulfilmentRoutes(fulfilment), { prefix: '/api/operator' });
  await app.register(storeFulfilmentRoutes(fulfilment, orders), { prefix: '/api/store' });
  await app.register(storeReturnRoutes(returns), { prefix: '/api/store' });
  await app.register(staffReturnRoutes(returns, 'exporter', refundReturn.receive), { prefix: '/api/exporter' });
  await app.register(staffReturnRoutes(returns, 'operator', refundReturn.receive), { prefix: '/api/operator' });
  await app.register(operatorCustomsRoutes(customs, declareToCustoms), { prefix: '/api/operator' });
  await app.register(mediaRoutes({ media, callerOf: (request) => resolveCaller(request, { db, clock }), mayViewPrivate: (caller, id, owner) => returns.mayViewPhoto(caller, id, owner) }));
  const trade = createTradeFeature({ db, clock, files, rates });
  await registerTradeRoutes(app, trade);
  const mailer = options.notifications?.mailer !== undefined ? options.notifications.mailer : mailerFromConfig(config, logger);
  const notifications = new NotificationService({ db, clock, mailer, publicUrl: config.publicUrl, log: app.log });
  app.decorate('notifications', notifications);
  await app.register(notificationRoutes(notifications), { prefix: '/api' });
  app.addHook('onClose', async () => {
    if (mailer instanceof SmtpMailer) mailer.close();
  });
  await registerWebApp(app, { distDir: config.webDistDir, publicUrl: config.publicUrl, shareMeta: storefrontShareCards({ storefront, pavilions }) });

  registerBackgroundJobs(jobs, { db, clock, rates, declareToCustoms, notifications, payments, rfqs: trade.rfqs, issueStatements: issueStatementsWorkflow({ settlement }), search }, {
    customs: config.customs.enabled && options.customs?.worker !== false,
    customsIntervalMs: config.customs.intervalMs,
    notifications: options.notifications?.worker !== false,
    payments: options.payments?.worker !== false,
    statements: options.settlement?.job !== false,
    search: options.search?.worker !== false,
  });
  app.decorate('jobs', jobs);
  app.addHook('onReady', async () => {
    // Rates take effect by date: yuan prices are brought up to today's before the first answer. A
    // database that is down at start must not keep the server from answering (health says 503).
    await refreshListingPrices({ db, rates, clock }).catch((err: unknown) => app.log.error({ err }, 'could not refresh listing prices at start'));
    // Products segmented with an older word list (a restart during a re-index) are picked up again by the re-index job at start.
    if (options.jobs?.run !== false) await jobs.start();
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
    await search.close();
    await database.destroy();
  });
  return app;
}

/** Tencent Cloud SMS when configured; the log only outside production (loadConfig refuses it in production). */
function smsSenderFromConfig(config: Config, logger: FastifyBaseLogger, clock: Clock): SmsSender {
  if (config.sms.sender === 'tencent') return new TencentSmsSender({ ...config.sms.tencent, log: logger, now: () => clock().getTime() });
  if (config.env === 'production') throw new Error('the log SMS sender is not allowed in production');
  return new LogSmsSender(logger);
}

/** SMTP when configured, the log outside production, none when email is off. */
function mailerFromConfig(config: Config, logger: FastifyBaseLogger): Mailer | null {
  if (config.mail.smtp) return new SmtpMailer(config.mail.smtp);
  return config.mail.delivery === 'log' ? new LogMailer(logger) : null;
}

/** WeChat Pay when WECHATPAY_* is set: the key files are read now, so a bad key stops the start, not a buyer's payment. */
function wechatPayFromConfig(config: Config, clock: Clock): WechatPayProvider | null {
  const c = config.wechatPay;
  if (!c) return null;
  return new WechatPayProvider({
    mchid: c.mchid,
    appid: c.appId,
    merchantSerialNo: c.merchantSerialNo,
    merchantPrivateKeyPem: readFileSync(c.privateKeyFile, 'utf8'),
    apiV3Key: c.apiV3Key,
    platformKeys: { [c.platformKeyId]: readFileSync(c.platformKeyFile, 'utf8') },
    apiBase: c.apiBase,
    now: () => clock().getTime(),
  });
}
