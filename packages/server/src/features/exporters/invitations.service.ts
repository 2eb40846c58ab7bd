import type { z } from 'zod';
import type { invitationCreatedSchema, invitationPreviewSchema, invitationSchema } from '@pavilion/contracts';
import type { Db } from '../../db/database.ts';
import { exporterScope, requireRole } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../../platform/password.ts';
import type { Caller, SessionTransport } from '../../platform/sessions.ts';
import { isUniqueViolation } from '../../platform/unique-violation.ts';
import { findUserByEmail, insertRole, insertUser } from '../accounts/index.ts';
import type { NewSession } from '../auth/index.ts';
import type { SessionStarter } from './exporter-application.service.ts';
import { hashInvitationToken, INVITATION_TTL_MS, invitationState, looksLikeInvitationToken, newInvitationToken } from './invitations.rules.ts';

type Invitation = z.infer<typeof invitationSchema>;

/** Exporters invite their team by email; the link's token creates the member's account once. */
export class InvitationService {
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly config: Pick<Config, 'publicUrl'>;
  private readonly startSession: SessionStarter;

  constructor(options: { db: Db; clock: Clock; config: Pick<Config, 'publicUrl'>; startSession: SessionStarter }) {
    this.db = options.db;
    this.clock = options.clock;
    this.config = options.config;
    this.startSession = options.startSession;
  }

  /**
   * Invites someone to the caller's exporter (approved exporters only). The answer carries the
   * link once; the database keeps only the token's hash. There is no mail sender yet: the member
   * passes the link on.
   */
  async create(caller: Caller | null, email: string): Promise<z.infer<typeof invitationCreatedSchema>> {
    const signedIn = requireRole(caller, 'exporter_member');
    const exporterId = exporterScope(signedIn);
    const now = this.clock();
    const token = newInvitationToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS).toISOString();
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const exporter = await trx.selectFrom('exporters').select('status').where('id', '=', exporterId).executeTakeFirst();
      if (!exporter) throw notFound();
      if (exporter.status !== 'approved') throw new AppError('EXPORTER_NOT_APPROVED', { details: { status: exporter.status } });
      const member = await trx
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('u.id')
        .where('r.role', '=', 'exporter_member')
        .where('r.exporter_id', '=', exporterId)
        .where('u.email', '=', email)
        .executeTakeFirst();
      if (member) throw new AppError('ALREADY_EXISTS', { details: [{ field: 'body.email', rule: 'already_member' }] });
      const open = await trx
        .selectFrom('invitations')
        .select('id')
        .where('exporter_id', '=', exporterId)
        .where('email', '=', email)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      if (open) throw new AppError('ALREADY_EXISTS', { details: [{ field: 'body.email', rule: 'already_invited' }] });
      await trx
        .insertInto('invitations')
        .values({
          id,
          exporter_id: exporterId,
          email,
          token_hash: hashInvitationToken(token),
          invited_by: signedIn.userId,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          accepted_at: null,
        })
        .execute();
    });
    return { id, email, expiresAt, acceptUrl: `${this.config.publicUrl}/exporter/invitations/${token}` };
  }

  /** The caller's exporter's open invitations (not accepted, not expired), newest first. */
  async list(caller: Caller | null): Promise<Invitation[]> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const rows = await this.db
      .selectFrom('invitations as i')
      .leftJoin('users as u', 'u.id', 'i.invited_by')
      .select(['i.id', 'i.email', 'i.created_at', 'i.expires_at', 'u.display_name'])
      .where('i.exporter_id', '=', exporterId)
      .where('i.accepted_at', 'is', null)
      .where('i.expires_at', '>', this.clock().toISOString())
      .orderBy('i.created_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at, invitedBy: r.display_name }));
  }

  /** Revokes an open invitation of the caller's exporter: the row goes, so its link answers 404. */
  async revoke(caller: Caller | null, invitationId: string): Promise<void> {
    const exporterId = exporterScope(requireRole(caller, 'exporter_member'));
    const result = await this.db
      .deleteFrom('invitations')
      .where('id', '=', invitationId)
      .where('exporter_id', '=', exporterId)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound();
  }

  /** What the link leads to; 404 when unknown, expired, used, revoked, or the exporter is no longer approved. */
  async preview(token: string): Promise<z.infer<typeof invitationPreviewSchema>> {
    const found = await this.findOpen(token);
    return {
      email: found.email,
      exporter: { tradingNameEn: found.trading_name_en, tradingNameZh: found.trading_name_zh },
      pavilion: { nameEn: found.pavilion_name_en, nameZh: found.pavilion_name_zh },
      expiresAt: found.expires_at,
    };
  }

  /**
   * Creates the invitee's account (the invitation's email, the exporter_member role) and signs it
   * in. The invitation is claimed by a conditional update inside the same transaction, so a token
   * works once even when two accepts race; an email that already has an account answers 409.
   */
  async accept(token: string, input: { displayName: string; password: string; session: SessionTransport }): Promise<NewSession> {
    const found = await this.findOpen(token);
    if (await findUserByEmail(this.db, found.email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    const userId = await this.db
      .transaction()
      .execute(async (trx) => {
        const claimed = await trx
          .updateTable('invitations')
          .set({ accepted_at: now })
          .where('id', '=', found.id)
          .where('accepted_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 0n) throw notFound();
        if (await findUserByEmail(trx, found.email)) throw emailTaken();
        const user = await insertUser(trx, { email: found.email, phone: null, password_hash: passwordHash, display_name: input.displayName, locale: 'en' });
        await insertRole(trx, user.id, { role: 'exporter_member', exporter_id: found.exporter_id });
        return user.id;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? emailTaken() : error;
      });
    return this.startSession(userId, input.session);
  }

  private async findOpen(token: string) {
    if (!looksLikeInvitationToken(token)) throw notFound();
    const found = await this.db
      .selectFrom('invitations as i')
      .innerJoin('exporters as e', 'e.id', 'i.exporter_id')
      .innerJoin('pavilions as p', 'p.id', 'e.pavilion_id')
      .select([
        'i.id', 'i.email', 'i.exporter_id', 'i.expires_at', 'i.accepted_at', 'e.status', 'e.trading_name_en', 'e.trading_name_zh',
        'p.name_en as pavilion_name_en', 'p.name_zh as pavilion_name_zh',
      ])
      .where('i.token_hash', '=', hashInvitationToken(token))
      .executeTakeFirst();
    if (!found || invitationState(found, this.clock()) !== 'open' || found.status !== 'approved') throw notFound();
    return found;
  }
}

const emailTaken = (): AppError =>
  new AppError('ALREADY_EXISTS', { message: 'email already registered', details: [{ field: 'email', rule: 'already_registered' }] });
