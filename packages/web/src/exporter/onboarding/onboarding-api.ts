import type { z } from 'zod';
import type { invitationCreatedSchema, invitationListSchema, invitationPreviewSchema} from '@pavilion/contracts';
import { type ExporterApplicationRequest, type invitationAcceptRequestSchema, endpoints } from '@pavilion/contracts';
import { ApiError, isApiError, api } from '../../api/client.ts';

export type Invitation = z.output<typeof invitationListSchema>['items'][number];
export type InvitationCreated = z.output<typeof invitationCreatedSchema>;
export type InvitationPreview = z.output<typeof invitationPreviewSchema>;
export type InvitationAccept = z.output<typeof invitationAcceptRequestSchema>;

/** Joining an exporter: applying to a pavilion, inviting colleagues, accepting an invitation. */
export const onboardingApi = {
  apply: (body: ExporterApplicationRequest) => api(endpoints.exporter.createApplication, { body: body }),

  listInvitations: () => api(endpoints.exporter.getInvitations),
  invite: (email: string) => api(endpoints.exporter.createInvitation, { body: { email } }),
  revokeInvitation: (id: string) => api(endpoints.exporter.deleteInvitation, { params: { id } }),

  previewInvitation: (token: string) => api(endpoints.auth.getInvitation, { params: { token } }),
  acceptInvitation: (token: string, body: InvitationAccept) =>
    api(endpoints.auth.acceptInvitation, { params: { token }, body: body }),
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
