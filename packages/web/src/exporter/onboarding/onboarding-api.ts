import type { z } from 'zod';
import type { invitationCreatedSchema, invitationListSchema, invitationPreviewSchema} from '@pavilion/contracts';
import type { invitationAcceptRequestSchema } from '@pavilion/contracts';
import { ApiError, isApiError } from '../../api/client.ts';

export type Invitation = z.output<typeof invitationListSchema>['items'][number];
export type InvitationCreated = z.output<typeof invitationCreatedSchema>;
export type InvitationPreview = z.output<typeof invitationPreviewSchema>;
export type InvitationAccept = z.output<typeof invitationAcceptRequestSchema>;

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
