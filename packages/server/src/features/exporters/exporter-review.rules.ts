import type { ExporterStatus } from '@pavilion/contracts';

/**
 * What can happen to an exporter's application. Operators approve or reject a pending one (a
 * rejection carries the reason the exporter reads), suspend an approved one (with a reason) and
 * reinstate a suspended one; the exporter resubmits a rejected one by editing it.
 */
export type ExporterAction = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'resubmit';

/** The status after each action, by status; a missing entry is an illegal transition. */
export const exporterTransitions: Record<ExporterStatus, Partial<Record<ExporterAction, ExporterStatus>>> = {
  pending: { approve: 'approved', reject: 'rejected' },
  rejected: { resubmit: 'pending' },
  approved: { suspend: 'suspended' },
  suspended: { reinstate: 'approved' },
};

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextExporterStatus(from: ExporterStatus, action: ExporterAction): ExporterStatus | null {
  return exporterTransitions[from][action] ?? null;
}

/** Actions whose reason is stored for the exporter to read; the others clear it. */
export const actionsWithReason: ReadonlySet<ExporterAction> = new Set(['reject', 'suspend']);

/** Buyers see an exporter (its page, brands and products) only while it is approved. */
export const isPublic = (status: ExporterStatus): boolean => status === 'approved';
