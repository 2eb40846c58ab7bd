import type { z } from 'zod';
import {
  invitationCreatedSchema,
  invitationListSchema,
  invitationPreviewSchema,
  sessionResponseSchema,
  type ExporterApplicationRequest,
  type invitationAcceptRequestSchema,
} from '@pavilion/contracts';
import { ApiError, isApiError } from '../../api/client.ts';
import { call, callNoContent, seg } from '../../console/console-api.ts';

export type Invitation = z.output<typeof invitationListSchema>['items'][number];
export type InvitationCreated = z.output<typeof invitationCreatedSchema>;
export type InvitationPreview = z.output<typeof invitationPreviewSchema>;
export type InvitationAccept = z.output<typeof invitationAcceptRequestSchema>;

/** Joining an exporter: applying to a pavilion, inviting colleagues, accepting an invitation. */
export const onboardingApi = {
  apply: (body: ExporterApplicationRequest) => call('POST', '/api/exporter/applications', sessionResponseSchema, body),

  listInvitations: () => call('GET', '/api/exporter/invitations', invitationListSchema),
  invite: (email: string) => call('POST', '/api/exporter/invitations', invitationCreatedSchema, { email }),
  revokeInvitation: (id: string) => callNoContent('DELETE', `/api/exporter/invitations/${seg(id)}`),

  previewInvitation: (token: string) => call('GET', `/api/auth/invitations/${seg(token)}`, invitationPreviewSchema),
  acceptInvitation: (token: string, body: InvitationAccept) =>
    call('POST', `/api/auth/invitations/${seg(token)}/accept`, sessionResponseSchema, body),
};

/**
 * An ALREADY_EXISTS answer names its field and rule (`already_registered`, `already_member`…) but
 * no message a person reads: give each known rule its sentence, so the field says what is wrong.
 */
export function withRuleMessages(error: unknown, messages: Partial<Record<string, string>>): unknown {
  if (!isApiError(error, 'ALREADY_EXISTS') || !Array.isArray(error.details)) return error;
  const details = error.details.map((detail: unknown) => {
    if (typeof detail !== 'object' || detail === null || !('rule' in detail) || typeof detail.rule !== 'string') return detail;
    const message = messages[detail.rule];
    return message === undefined ? detail : { ...detail, message };
  });
  return new ApiError({ status: error.status, code: error.code, message: error.message, details });
}
