import {
  validationMessages as m,
  type ExporterApplication,
  type ExporterApplicationRequest,
  type ExporterApplicationUpdate,
  type ValidationIssue,
} from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import type { Updateable } from 'kysely';
import type { ExportersTable } from './exporter.table.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../../platform/password.ts';
import type { RateLimit, RateLimiter } from '../../platform/rate-limiter.ts';
import { sanitizeRichText } from '../../platform/rich-text.ts';
import type { Caller, SessionTransport } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { findUserByEmail, insertRole, insertUser } from '../accounts/index.ts';
import type { NewSession } from '../auth/index.ts';
import { applicationIssues, editMode, lockedChangeIssues, type ApplicationValues } from './exporter-application.rules.ts';
import { toApplication, toApplicationValues } from './exporter-application.mapper.ts';
import { nextExporterStatus } from './exporter-review.rules.ts';
import {
  findApplicationRow,
  findCategories,
  findExporterCategoryIds,
  findPavilionCountries,
  replaceExporterCategories,
  type ApplicationRow,
  type CategoryRow,
} from './exporter.repository.ts';

/**
 * Applications from one address: generous, because exporters often apply together at a pavilion
 * workshop on one network, but enough to stop a script from creating accounts by the thousand.
 */
export const applicationLimit = { name: 'exporter-application:ip', max: 30, windowSeconds: 3600 } as const satisfies RateLimit;

/** Starts a session for an account just created (AuthService does it). */
export type SessionStarter = (userId: string, transport: SessionTransport) => Promise<NewSession>;

const invalid = (issues: ValidationIssue[]): AppError => new AppError('VALIDATION_FAILED', { details: issues });

export interface LoadedApplication {
  row: ApplicationRow;
  values: ApplicationValues;
  application: ExporterApplication;
}

/** An exporter's whole application (row, values and the contract's view), or undefined. */
export async function loadApplication(db: Db, exporterId: string): Promise<LoadedApplication | undefined> {
  const row = await findApplicationRow(db, exporterId);
  if (!row) return undefined;
  const [countries, categoryIds] = await Promise.all([findPavilionCountries(db, row.pavilion_id), findExporterCategoryIds(db, exporterId)]);
  const categories = await findCategories(db, categoryIds);
  return { row, values: toApplicationValues(row, categoryIds), application: toApplication(row, countries, categories) };
}

export class ExporterApplicationService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly rateLimiter: RateLimiter;
  private readonly startSession: SessionStarter;

  constructor(options: { db: Db; clock: Clock; rateLimiter: RateLimiter; startSession: SessionStarter }) {
    this.db = options.db;
    this.clock = options.clock;
    this.rateLimiter = options.rateLimiter;
    this.startSession = options.startSession;
  }

  /**
   * An exporter applies: its applicant's account and the exporter (pending, submitted now) are
   * created in one transaction, then the applicant is signed in to follow the review.
   */
  async apply(input: ExporterApplicationRequest, ip: string): Promise<NewSession> {
    const pavilion = await this.db.selectFrom('pavilions').select('id').where('slug', '=', input.pavilionSlug).executeTakeFirst();
    if (!pavilion) throw invalid([{ field: 'body.pavilionSlug', rule: 'unknown_pavilion', message: m.unknownPavilion.en }]);
    const values: ApplicationValues = { ...input, categories: [...new Set(input.categories)], storyEn: '', storyZh: '' };
    const { issues, categories } = await this.checkAgainstCatalog(pavilion.id, { country: values.country, categoryIds: input.categories });
    issues.push(...applicationIssues(values, { requiresGacc: categories.some((c) => c.is_food) }));
    if (issues.length > 0) throw invalid(issues);
    if (await findUserByEmail(this.db, input.email)) throw emailTaken();

    await this.rateLimiter.hit(applicationLimit, ip);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const userId = await this.db
      .transaction()
      .execute(async (trx) => {
        if (await findUserByEmail(trx, input.email)) throw emailTaken();
        const exporterId = newId();
        await trx
          .insertInto('exporters')
          .values({
            id: exporterId,
            pavilion_id: pavilion.id,
            status: 'pending',
            ...toColumns(values),
            submitted_at: now,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await replaceExporterCategories(trx, exporterId, values.categories);
        const user = await insertUser(trx, { email: input.email, phone: null, password_hash: passwordHash, display_name: input.displayName, locale: 'en' });
        await insertRole(trx, user.id, { role: 'exporter_member', exporter_id: exporterId });
        return user.id;
      })
      .catch((error: unknown) => {
        // Two applications with one email raced past the check: the unique email decides.
        throw isUniqueViolation(error) ? emailTaken() : error;
      });
    return this.startSession(userId, input.session);
  }

  async getOwn(caller: Caller | null): Promise<ExporterApplication> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const loaded = await loadApplication(this.db, exporterId);
    if (!loaded) throw notFound();
    return loaded.application;
  }

  /**
   * Edits the application. Pending: any field, still pending. Rejected: any field, and it goes back
   * to pending for review with its reason cleared. Approved or suspended: contact, address and story
   * only (a changed locked field answers 400 naming it), no new review.
   */
  async update(caller: Caller | null, update: ExporterApplicationUpdate): Promise<ExporterApplication> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const loaded = await loadApplication(this.db, exporterId);
    if (!loaded) throw notFound();
    const { row, values } = loaded;
    const mode = editMode(row.status);

    const changes: Partial<ApplicationValues> = Object.fromEntries(Object.entries(update).filter(([, v]) => v !== undefined));
    if (changes.categories) changes.categories = [...new Set(changes.categories)];
    if (changes.storyEn !== undefined) changes.storyEn = sanitizeRichText(changes.storyEn);
    if (changes.storyZh !== undefined) changes.storyZh = sanitizeRichText(changes.storyZh);
    const merged: ApplicationValues = { ...values, ...changes };

    if (mode === 'contact') {
      const locked = lockedChangeIssues(row.status, values, changes);
      if (locked.length > 0) throw invalid(locked);
    } else {
      const { issues, categories } = await this.checkAgainstCatalog(row.pavilion_id, { country: merged.country, categoryIds: update.categories ?? merged.categories });
      issues.push(...applicationIssues(merged, { requiresGacc: categories.some((c) => c.is_food) }));
      if (issues.length > 0) throw invalid(issues);
    }

    const now = this.clock().toISOString();
    const resubmitted = row.status === 'rejected' ? nextExporterStatus('rejected', 'resubmit') : null;
    await this.db.transaction().execute(async (trx) => {
      const set: Updateable<ExportersTable> = {
        ...toColumns(merged),
        updated_at: now,
        ...(resubmitted ? { status: resubmitted, review_reason: null, submitted_at: now } : {}),
      };
      // Conditional on the status read above, so an edit never lands on top of a review that
      // happened meanwhile (a pending edit after approval would change locked fields).
      const expected = mode === 'contact' ? (['approved', 'suspended'] as const) : [row.status];
      const result = await trx.updateTable('exporters').set(set).where('id', '=', exporterId).where('status', 'in', expected).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new AppError('INVALID_TRANSITION', { details: { status: row.status } });
      if (mode === 'full' && changes.categories) await replaceExporterCategories(trx, exporterId, merged.categories);
    });
    return this.getOwn(caller);
  }

  /** The country must be one of the pavilion's; the categories must exist. */
  private async checkAgainstCatalog(
    pavilionId: string,
    input: { country: string; categoryIds: string[] },
  ): Promise<{ issues: ValidationIssue[]; categories: CategoryRow[] }> {
    const [countries, categories] = await Promise.all([findPavilionCountries(this.db, pavilionId), findCategories(this.db, input.categoryIds)]);
    const issues: ValidationIssue[] = [];
    if (!countries.includes(input.country)) issues.push({ field: 'body.country', rule: 'not_in_pavilion', message: m.countryNotInPavilion.en });
    const known = new Set(categories.map((c) => c.id));
    input.categoryIds.forEach((id, i) => {
      if (!known.has(id)) issues.push({ field: `body.categories.${i}`, rule: 'unknown_category', message: m.unknownCategory.en });
    });
    return { issues, categories };
  }
}

const emailTaken = (): AppError =>
  new AppError('ALREADY_EXISTS', { message: 'email already registered', details: [{ field: 'body.email', rule: 'already_registered' }] });

/** The exporter's columns from the application's values (categories live in their own table). */
function toColumns(v: ApplicationValues) {
  return {
    legal_name: v.legalName,
    trading_name_en: v.tradingNameEn,
    trading_name_zh: v.tradingNameZh,
    country_code: v.country,
    city: v.city,
    address: v.address,
    contact_name: v.contactName,
    contact_email: v.contactEmail,
    contact_phone: v.contactPhone,
    registration_number: v.registrationNumber,
    gacc_registration_number: v.gaccRegistrationNumber,
    manufacturer_name: v.manufacturerName,
    manufacturer_address: v.manufacturerAddress,
    story_en: v.storyEn,
    story_zh: v.storyZh,
  };
}
