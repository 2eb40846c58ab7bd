import { endpoints } from '@pavilion/contracts';
import { useCallback } from 'react';
import { Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { commissionInputSchema, type CommissionInput, type PavilionCommission } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { FormFailure } from '../../console/form-failure.tsx';
import { formatBp, parsePercent } from '../../console/money.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { formatDateTime } from '../../shared/china-time.ts';
import { api } from '../../api/client.ts';
import { useEndpoint, useSetEndpointData } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';

type Values = { percent: string };
type Rate = PavilionCommission['history'][number];

/** The pavilion's commission on exporters' goods: the rate in force, a new one for orders placed from now on, and the rates before. */
export function CommissionCard({ pavilionId }: { pavilionId: string }) {
  const { t } = useTranslation();
  const loaded = useEndpoint(endpoints.operator.getPavilionCommission, { params: { id: pavilionId } });
  const commission = loaded.status === 'done' ? loaded.data : undefined;
  const setCommission = useSetEndpointData(endpoints.operator.getPavilionCommission, { params: { id: pavilionId } });
  const [form] = Form.useForm<Values>();
  const toBody = useCallback(
    (values: Values) => {
      const rateBp = parsePercent(values.percent);
      return { body: { rateBp: rateBp ?? -1 }, issues: rateBp === null ? [{ path: 'percent', message: t('operator.hsRates.percentInvalid') }] : [] };
    },
    [t],
  );
  const save = useCallback(async (body: CommissionInput) => setCommission(await api(endpoints.operator.setPavilionCommission, { params: { id: pavilionId }, body })), [pavilionId, setCommission]);
  const submitter = useConsoleForm({ form, schema: commissionInputSchema, action: save, toBody, toFormPath: (path) => (path === 'rateBp' ? 'percent' : path) });
  if (loaded.status === 'failed') return <ConsoleError error={loaded.error} loginPath={operatorPaths.login} onRetry={loaded.reload} />;
  if (commission === undefined) return <ConsoleLoading />;
  return (
    <Card title={t('operator.pavilion.commission.title')} data-testid="commission-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('operator.pavilion.commission.current')}>
          <Typography.Text strong data-testid="commission-rate" data-rate-bp={commission.rateBp}>{formatBp(commission.rateBp)}</Typography.Text>
          {commission.isDefault && <Tag style={{ marginLeft: 8 }}>{t('operator.pavilion.commission.default')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('operator.pavilion.commission.hint')}</Typography.Paragraph>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<Values> form={form} layout="inline" initialValues={{ percent: formatBp(commission.rateBp).replace('%', '') }} onFieldsChange={submitter.onFieldsChange}>
        <Form.Item name="percent" label={t('operator.pavilion.commission.newRate')}>
          <Input name="percent" suffix="%" inputMode="decimal" style={{ width: 120 }} data-testid="commission-input" />
        </Form.Item>
        <Button type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-commission">{t('console.save')}</Button>
      </Form>
      {commission.history.length > 0 && (
        <Table<Rate>
          style={{ marginTop: 16 }}
          size="small"
          rowKey={(r) => `${r.effectiveFrom}:${r.createdAt}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={commission.history}
          data-testid="commission-history"
          columns={[
            { key: 'from', title: t('operator.pavilion.commission.effectiveFrom'), render: (_, r) => formatDateTime(r.effectiveFrom) },
            { key: 'rate', title: t('operator.pavilion.commission.rate'), align: 'right', render: (_, r) => formatBp(r.rateBp) },
          ]}
        />
      )}
    </Card>
  );
}
