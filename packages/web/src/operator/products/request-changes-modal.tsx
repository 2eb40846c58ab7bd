import { useCallback } from 'react';
import { AutoComplete, Button, Flex, Form, Input, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, requestChangesBodySchema, type ReviewReason } from '@pavilion/contracts';
import { useFieldLabel } from '../../console/field-label.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import type { OperatorProductView } from '../operator-api.ts';
import { api } from '../../api/client.ts';

export type ReasonsValues = { reasons: ReviewReason[] };

/** The fields a reviewer most often sends back, offered in the field box (any content path is accepted). */
export const commonFields = [
  'titleEn', 'titleZh', 'subtitleEn', 'subtitleZh', 'descriptionEn', 'descriptionZh', 'originStoryEn', 'originStoryZh',
  'categoryId', 'brandId', 'tags', 'imageIds', 'currency', 'options', 'variants', 'b2b', 'compliance.hsCode',
  'compliance.customsModes', 'compliance.certifications', 'eLabel.nameZh', 'eLabel.ingredientsZh', 'eLabel.originZh',
  'eLabel.netContentZh', 'eLabel.shelfLifeZh', 'eLabel.storageZh', 'eLabel.importerZh',
] as const;

type RequestChangesModalProps = {
  open: boolean;
  form: FormInstance<ReasonsValues>;
  view: OperatorProductView;
  revisionId: string;
  onClose: () => void;
  onDone: (view: OperatorProductView) => void;
};

/** A reason per field, sent back to the exporter, who sees each beside its field. */
export function RequestChangesModal({ open, form, view, revisionId, onClose, onDone }: RequestChangesModalProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const send = useCallback(
    async (body: { revisionId: string; reasons: ReviewReason[] }) => onDone(await api(endpoints.operator.requestProductChanges, { params: { id: view.product.id }, body })),
    [view.product.id, onDone],
  );
  const toBody = useCallback((values: ReasonsValues) => ({ body: { revisionId, reasons: values.reasons ?? [] }, issues: [] }), [revisionId]);
  const submitter = useConsoleForm({ form, schema: requestChangesBodySchema, action: send, toBody });
  const fieldOptions = [...new Set([...view.product.publicationIssues.map((issue) => issue.field), ...commonFields])].map((value) => ({ value, label: `${fieldLabel(value)} · ${value}` }));
  return (
    <Modal
      open={open}
      forceRender
      width={760}
      title={t('operator.review.requestChangesTitle')}
      onCancel={onClose}
      data-testid="request-changes-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="send" type="primary" danger loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="send-changes">
          {t('operator.review.sendChanges')}
        </Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} label={fieldLabel} />
      <Form<ReasonsValues> form={form} layout="vertical" initialValues={{ reasons: [] }} onFieldsChange={submitter.onFieldsChange}>
        <Form.List name="reasons">
          {(rows, { add, remove }, { errors }) => (
            <>
              <Form.ErrorList errors={errors} />
              {rows.map((row) => (
                <Flex key={row.key} gap={8} align="start" data-testid="reason-row">
                  <Form.Item name={[row.name, 'field']} label={t('operator.review.field')} style={{ width: 260 }}>
                    <AutoComplete options={fieldOptions} showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'reason']} label={t('console.reason')} style={{ flex: 1 }}>
                    <Input.TextArea name={`reasons.${row.name}.reason`} rows={2} maxLength={500} />
                  </Form.Item>
                  <Button style={{ marginTop: 30 }} onClick={() => remove(row.name)} aria-label={t('console.remove')}>✕</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ field: '', reason: '' })} data-testid="add-reason">{t('operator.review.addReason')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
