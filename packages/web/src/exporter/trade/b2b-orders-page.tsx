import { endpoints } from '@pavilion/contracts';
import { useCallback, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  b2bCancelInputSchema,
  b2bNoteInputSchema,
  b2bPaymentInputSchema,
  b2bShipmentInputSchema,
  bankDetailsInputSchema,
  type B2bOrder,
  type B2bOrderAction,
  type BankDetails,
} from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { formatMoney } from '../../console/money.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { b2bOrdersApi } from './b2b-orders-api.ts';

const statusColor = { proforma_issued: 'blue', deposit_paid: 'blue', in_production: 'orange', shipped: 'orange', balance_paid: 'green', completed: 'green', cancelled: 'default' } as const;
const stepSchemas: Record<B2bOrderAction, z.ZodType> = {
  deposit: b2bPaymentInputSchema,
  balance: b2bPaymentInputSchema,
  production: b2bNoteInputSchema,
  complete: b2bNoteInputSchema,
  shipment: b2bShipmentInputSchema,
  cancel: b2bCancelInputSchema,
};

/** B2B orders from accepted quotes: the steps the exporter records, the proforma, and the bank details it prints. */
export function B2bOrdersPage() {
  const { t } = useTranslation();
  const orders = useEndpoint(endpoints.exporter.getB2bOrders, {});
  const [step, setStep] = useState<{ order: B2bOrder; action: B2bOrderAction } | null>(null);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.b2b.title')}</Typography.Title>
      <BankDetailsCard />
      {orders.status === 'loading' && <ConsoleLoading />}
      {orders.status === 'failed' && <ConsoleError error={orders.error} loginPath={exporterPaths.login} onRetry={orders.reload} />}
      {orders.status === 'done' && (
        <Table<B2bOrder>
          rowKey="id"
          dataSource={orders.data.items}
          pagination={false}
          data-testid="b2b-orders"
          locale={{ emptyText: t('exporter.b2b.none') }}
          onRow={(order) => dataAttributes({ 'data-testid': 'b2b-order-row', 'data-id': order.id, 'data-status': order.status })}
          expandable={{
            expandedRowRender: (order) => (
              <Timeline
                data-testid="b2b-timeline"
                items={order.events.map((e) => ({ children: `${new Date(e.at).toLocaleString()} · ${t(`exporter.b2b.status.${e.status}`)}${e.note ? ` · ${e.note}` : ''}` }))}
              />
            ),
          }}
          columns={[
            { key: 'number', title: t('exporter.b2b.number'), render: (_, o) => <span data-testid="b2b-order-number">{o.number}</span> },
            { key: 'buyer', title: t('exporter.b2b.buyer'), render: (_, o) => o.parties.importer.nameEn ?? o.parties.importer.nameZh },
            { key: 'kind', title: t('exporter.b2b.kind'), render: (_, o) => t(`exporter.b2b.kinds.${o.kind}`) },
            { key: 'total', title: t('exporter.b2b.total'), render: (_, o) => formatMoney(o.totalMinor, o.currency) },
            { key: 'deposit', title: t('exporter.b2b.deposit'), render: (_, o) => (o.paymentTerms === 'lc' ? 'L/C' : `${o.depositPercent ?? 0}% · ${formatMoney(o.depositMinor, o.currency)}`) },
            { key: 'status', title: t('exporter.b2b.statusTitle'), render: (_, o) => <Tag color={statusColor[o.status]}>{t(`exporter.b2b.status.${o.status}`)}</Tag> },
            {
              key: 'actions',
              title: '',
              render: (_, o) => (
                <Space wrap>
                  <a href={b2bOrdersApi.proformaUrl(o.id)} download data-testid="proforma-download">{t('exporter.b2b.proforma')}</a>
                  {o.nextActions.map((action) => (
                    <Button key={action} size="small" danger={action === 'cancel'} onClick={() => setStep({ order: o, action })} data-testid={`b2b-step-${action}`}>
                      {t(`exporter.b2b.actions.${action}`)}
                    </Button>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {step !== null && (
        <StepModal
          order={step.order}
          action={step.action}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null);
            orders.reload();
          }}
        />
      )}
    </Space>
  );
}

type StepValues = Record<string, unknown>;

/** One step's form: the transfer reference for a payment (its amount is the one due), the B/L or AWB for the shipment, the reason to cancel. */
function StepModal({ order, action, onClose, onDone }: { order: B2bOrder; action: B2bOrderAction; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepValues>();
  const save = useCallback(async (body: unknown) => {
    await b2bOrdersApi.step(order.id, action, body);
    onDone();
  }, [order.id, action, onDone]);
  const due = action === 'deposit' ? order.depositMinor : order.balanceMinor;
  const submitter = useConsoleForm({
    form,
    schema: stepSchemas[action],
    action: save,
    toBody: (values: StepValues) => ({ body: action === 'deposit' || action === 'balance' ? { ...values, amountMinor: due } : values, issues: [] }),
  });
  return (
    <Modal
      open
      title={`${t(`exporter.b2b.actions.${action}`)} · ${order.number}`}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="save" type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-b2b-step">{t('exporter.b2b.confirm')}</Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<StepValues> form={form} layout="vertical" initialValues={action === 'shipment' ? { documentKind: 'bl', vessel: '' } : {}} onFieldsChange={submitter.onFieldsChange} data-testid="b2b-step-form">
        {(action === 'deposit' || action === 'balance') && (
          <>
            <Typography.Paragraph>{t('exporter.b2b.amountDue', { amount: formatMoney(due, order.currency) })}</Typography.Paragraph>
            <Form.Item name="reference" label={t('exporter.b2b.reference')} required><Input maxLength={100} data-testid="b2b-reference" /></Form.Item>
          </>
        )}
        {action === 'shipment' && (
          <>
            <Form.Item name="documentKind" label={t('exporter.b2b.documentKind')} required>
              <Select options={[{ value: 'bl', label: t('exporter.b2b.bl') }, { value: 'awb', label: t('exporter.b2b.awb') }]} />
            </Form.Item>
            <Form.Item name="documentNumber" label={t('exporter.b2b.documentNumber')} required><Input maxLength={60} data-testid="b2b-document-number" /></Form.Item>
            <Form.Item name="carrier" label={t('exporter.b2b.carrier')} required><Input maxLength={200} data-testid="b2b-carrier" /></Form.Item>
            <Form.Item name="vessel" label={t('exporter.b2b.vessel')}><Input maxLength={200} /></Form.Item>
          </>
        )}
        {(action === 'production' || action === 'complete') && (
          <Form.Item name="note" label={t('exporter.b2b.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        )}
        {action === 'cancel' && (
          <Form.Item name="reason" label={t('exporter.b2b.reason')} required><Input.TextArea rows={3} maxLength={1000} data-testid="b2b-cancel-reason" /></Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The bank account printed on each new proforma; one already issued keeps the details it was issued with. */
function BankDetailsCard() {
  const { t } = useTranslation();
  const current = useEndpoint(endpoints.exporter.getBankDetails, {});
  const [form] = Form.useForm<BankDetails>();
  const save = useCallback(async (body: BankDetails) => {
    await b2bOrdersApi.setBankDetails(body);
    current.reload();
  }, [current]);
  const submitter = useConsoleForm({ form, schema: bankDetailsInputSchema, action: save });
  if (current.status !== 'done') return current.status === 'failed' ? <ConsoleError error={current.error} loginPath={exporterPaths.login} onRetry={current.reload} /> : <ConsoleLoading />;
  return (
    <Card title={t('exporter.b2b.bankTitle')} data-testid="bank-details">
      <Typography.Paragraph type="secondary">{t('exporter.b2b.bankHint')}</Typography.Paragraph>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<BankDetails> form={form} layout="vertical" initialValues={current.data.bankDetails ?? {}} onFieldsChange={submitter.onFieldsChange} data-testid="bank-details-form">
        <Form.Item name="accountName" label={t('exporter.b2b.accountName')} required><Input maxLength={200} data-testid="bank-account-name" /></Form.Item>
        <Form.Item name="bankName" label={t('exporter.b2b.bankName')} required><Input maxLength={200} data-testid="bank-name" /></Form.Item>
        <Form.Item name="swiftBic" label="SWIFT/BIC" required><Input maxLength={14} data-testid="bank-swift" /></Form.Item>
        <Form.Item name="accountNumber" label={t('exporter.b2b.accountNumber')} required><Input maxLength={64} data-testid="bank-account-number" /></Form.Item>
        <Form.Item name="bankAddress" label={t('exporter.b2b.bankAddress')} required><Input maxLength={500} data-testid="bank-address" /></Form.Item>
        <Button type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-bank-details">{t('exporter.b2b.saveBank')}</Button>
      </Form>
    </Card>
  );
}
