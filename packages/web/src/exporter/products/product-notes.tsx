import { createContext, use } from 'react';
import { Form, Typography, type FormItemProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationIssue, ReviewReason } from '@pavilion/contracts';
import { pathOf } from '../../console/form-errors.ts';
import { formPathOf } from './product-form-values.ts';

/** What the editor shows beside the fields: the operators' reasons and the failing publication rules. */
export type ProductNotes = { reasons: readonly ReviewReason[]; issues: readonly PublicationIssue[] };

export const ProductNotesContext = createContext<ProductNotes>({ reasons: [], issues: [] });

/** The reasons and failing rules about one field (content path), or nothing. */
function useFieldNotes(path: string) {
  const { reasons, issues } = use(ProductNotesContext);
  return {
    reasons: reasons.filter((reason) => formPathOf(reason.field) === path),
    issues: issues.filter((issue) => formPathOf(issue.field) === path),
  };
}

export function FieldNotes({ path }: { path: string }) {
  const { t } = useTranslation();
  const notes = useFieldNotes(path);
  const rules: Partial<Record<string, string>> = t('console.rules', { returnObjects: true });
  if (notes.reasons.length === 0 && notes.issues.length === 0) return null;
  return (
    <>
      {notes.reasons.map((reason) => (
        <div key={`r:${reason.reason}`} data-testid="review-note" data-field={reason.field}>
          <Typography.Text type="warning">{t('exporter.product.reviewerSays', { reason: reason.reason })}</Typography.Text>
        </div>
      ))}
      {notes.issues.map((issue) => (
        <div key={`i:${issue.rule}`} data-testid="field-rule" data-rule={issue.rule}>
          <Typography.Text type="danger">✗ {rules[issue.rule] ?? issue.message}</Typography.Text>
        </div>
      ))}
    </>
  );
}

type ProductFieldProps = FormItemProps & {
  /** The field's full content path when `name` is relative to a Form.List (`variants.0.sku`). */
  notePath?: string;
};

/** A Form.Item that shows the reviewer's reasons and the failing rules for its field below it. */
export function ProductField({ notePath, extra, ...props }: ProductFieldProps) {
  const name = props.name;
  const path = notePath ?? (Array.isArray(name) ? pathOf(name) : String(name ?? ''));
  const notes = useFieldNotes(path);
  const noted = notes.reasons.length > 0 || notes.issues.length > 0;
  return (
    <Form.Item
      {...props}
      extra={
        extra === undefined && !noted ? undefined : (
          <>
            {extra}
            <FieldNotes path={path} />
          </>
        )
      }
    />
  );
}
