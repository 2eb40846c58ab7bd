import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FileStore } from '../../platform/file-store.ts';
import type { RateLimiter } from '../../platform/rate-limiter.ts';
import type { AuthService } from '../auth/index.ts';
import type { MediaService } from '../media/index.ts';
import { exporterBrandRoutes, storeExporterRoutes } from './brands.routes.ts';
import { BrandService } from './brands.service.ts';
import { exporterApplicationRoutes } from './exporter-application.routes.ts';
import { ExporterApplicationService } from './exporter-application.service.ts';
import { exporterDocumentRoutes } from './exporter-documents.routes.ts';
import { ExporterDocumentService } from './exporter-documents.service.ts';
import { operatorExporterRoutes } from './exporter-review.routes.ts';
import { ExporterReviewService } from './exporter-review.service.ts';
import { exporterRoutes } from './exporter.routes.ts';
import { ExporterService } from './exporter.service.ts';
import { exporterInvitationRoutes, invitationAuthRoutes } from './invitations.routes.ts';
import { InvitationService } from './invitations.service.ts';

export interface ExporterFeatureDeps {
  db: Db;
  clock: Clock;
  config: Config;
  files: FileStore;
  media: MediaService;
  auth: AuthService;
  rateLimiter: RateLimiter;
}

export interface ExporterFeature {
  exporters: ExporterService;
  applications: ExporterApplicationService;
  documents: ExporterDocumentService;
  review: ExporterReviewService;
  invitations: InvitationService;
  brands: BrandService;
}

/** The exporters feature's services, for buildApp and for features that lean on them (products check brands and documents). */
export function createExporterFeature(deps: ExporterFeatureDeps): ExporterFeature {
  const { db, clock, config, files, media, auth, rateLimiter } = deps;
  const startSession = auth.startSessionFor.bind(auth);
  const documents = new ExporterDocumentService({ db, files, clock });
  return {
    exporters: new ExporterService({ db }),
    applications: new ExporterApplicationService({ db, clock, rateLimiter, startSession }),
    documents,
    review: new ExporterReviewService({ db, clock, documents }),
    invitations: new InvitationService({ db, clock, config, startSession }),
    brands: new BrandService({ db, media, clock }),
  };
}

/** Registers onboarding, documents, review, invitations and brands under their audiences' prefixes. */
export async function registerExporterRoutes(app: FastifyInstance, feature: ExporterFeature, config: Config): Promise<void> {
  await app.register(async (exporter) => {
    await exporter.register(exporterRoutes(feature.exporters));
    await exporter.register(exporterApplicationRoutes({ applications: feature.applications, config }));
    await exporter.register(exporterDocumentRoutes(feature.documents));
    await exporter.register(exporterInvitationRoutes(feature.invitations));
    await exporter.register(exporterBrandRoutes(feature.brands));
  }, { prefix: '/api/exporter' });
  await app.register(operatorExporterRoutes({ review: feature.review, documents: feature.documents }), { prefix: '/api/operator' });
  await app.register(invitationAuthRoutes({ invitations: feature.invitations, config }), { prefix: '/api/auth' });
  await app.register(storeExporterRoutes(feature.brands), { prefix: '/api/store' });
}
