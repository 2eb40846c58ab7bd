import { useCallback } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { exporterSuspendRequestSchema } from '@pavilion/contracts';
import { FormFailure } from './form-failure.tsx';
import { useConsoleForm } from './use-console-form.ts';

type ReasonModalProps = {
  title: string;
  okText: string;
  /** Shown above the reason: who reads it (the exporter does). */
  hint: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
  testId: string;
};

/** Asks for the reason a decision gives (5–500 characters, the contract's rule), then makes it. */
export function ReasonModal({ title, okText, hint, onSubmit, onClose, testId }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useCallback(async (body: { reason: string }) => onSubmit(body.reason), [onSubmit]);
  const submitter = useConsoleForm({ form, schema: exporterSuspendRequestSchema, action });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      data-testid={testId}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="ok" type="primary" danger loading={submitter.busy} onClick={() => void submitter.submit()} data-testid={`${testId}-confirm`}>
          {okText}
        </Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFieldsChange={submitter.onFieldsChange}>
        <Form.Item name="reason" label={t('console.reason')} extra={hint}>
          <Input.TextArea name="reason" rows={4} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
