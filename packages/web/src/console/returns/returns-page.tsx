import { useCallback, useState } from 'react';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { returnReasons, returnRefuseInputSchema, returnStages, type endpoints, type Return, type ReturnStage } from '@pavilion/contracts';
import { api } from '../../api/client.ts';
import { useEndpoint, useInvalidate } from '../../api/query.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { pick } from '../../shared/localized.ts';
import { ConsoleError } from '../console-feedback.tsx';
import { dataAttributes } from '../data-attributes.ts';
import { FormFailure } from '../form-failure.tsx';
import { formatMoney } from '../money.ts';
import { useAction } from '../use-action.ts';
import { useConsoleForm } from '../use-console-form.ts';

/** What a console does with returns: the exporter's and the operator's endpoints have the same shape. */
export type ConsoleReturnsEndpoints =
  | { list: typeof endpoints.exporter.getReturns; approve: typeof endpoints.exporter.approveReturn; refuse: typeof endpoints.exporter.refuseReturn; receive: typeof endpoints.exporter.receiveReturn }
  | { list: typeof endpoints.operator.getReturns; approve: typeof endpoints.operator.approveReturn; refuse: typeof endpoints.operator.refuseReturn; receive: typeof endpoints.operator.receiveReturn };

const stageColors = {
  requested: 'gold',
  approved: 'blue',
  in_transit: 'geekblue',
  received: 'cyan',
  refunding: 'orange',
  refunded: 'green',
  refused: 'default',
  refund_failed: 'red',
} as const satisfies Record<ReturnStage, string>;

type Props = { title: string; returnEndpoints: ConsoleReturnsEndpoints; loginPath: string; showExporter: boolean };

/**
 * Returns to handle (exporters) or the after-sale queue (operators): filtered by stage, each with its
 * age, the buyer's reason, words and photos; approve, refuse with a reason, confirm the goods back.
 */
export function ConsoleReturnsPage({ title, returnEndpoints, loginPath, showExporter }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [stage, setStage] = useState<ReturnStage | undefined>(undefined);
  const [late, setLate] = useState<boolean | undefined>(undefined);
  const [refusing, setRefusing] = useState<Return | null>(null);
  // `late`: true for late returns only (goods back after the 45th day: no tax refund), false for the others.
  const returns = useEndpoint(returnEndpoints.list, { query: { stage, late: late === undefined ? undefined : late ? 'true' : 'false' } });
  const invalidate = useInvalidate();
  const changed = () => void invalidate(returnEndpoints.list);
  const { run, running } = useAction();
  const done = t('console.returns.done');

  const [receiving, setReceiving] = useState<Return | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      <Flex wrap gap={12}>
        <Select<ReturnStage>
          allowClear
          placeholder={t('console.returns.allStages')}
          style={{ width: 200 }}
          value={stage}
          onChange={setStage}
          data-testid="return-filter-stage"
          options={returnStages.map((s) => ({ value: s, label: t(`console.returns.stage.${s}`) }))}
        />
        <Select<'late' | 'on_time'>
          allowClear
          placeholder={t('console.returns.allArrivals')}
          style={{ width: 200 }}
          value={late === undefined ? undefined : late ? 'late' : 'on_time'}
          onChange={(value) => setLate(value === undefined ? undefined : value === 'late')}
          data-testid="return-filter-late"
          options={[
            { value: 'late', label: t('console.returns.lateOnly') },
            { value: 'on_time', label: t('console.returns.onTimeOnly') },
          ]}
        />
      </Flex>
      {returns.status === 'failed' ? (
        <ConsoleError error={returns.error} loginPath={loginPath} onRetry={returns.reload} />
      ) : (
        <Table<Return>
          rowKey="id"
          loading={returns.status === 'loading'}
          dataSource={returns.status === 'done' ? returns.data.items : []}
          data-testid="returns-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('console.returns.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(ret) => dataAttributes({ 'data-testid': 'return-row', 'data-return-id': ret.id, 'data-stage': ret.stage })}
          expandable={{
            expandedRowRender: (ret) => (
              <Space orientation="vertical" size="small" data-testid="return-details">
                <Typography.Text>
                  <Typography.Text type="secondary">{t('console.returns.description')}: </Typography.Text>
                  {ret.description === '' ? '—' : ret.description}
                </Typography.Text>
                {ret.photos.length > 0 && (
                  <Flex gap={8} wrap>
                    {ret.photos.map((photo) => (
                      <a key={photo.id} href={photo.urls.display} target="_blank" rel="noreferrer">
                        <img src={photo.urls.thumb} alt="" width={80} height={80} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="return-photo" />
                      </a>
                    ))}
                  </Flex>
                )}
                {ret.lines.map((line) => (
                  <Typography.Text key={line.orderLineId}>
                    {line.sku} · {pick(locale, line.titleZh || line.titleEn, line.titleEn || line.titleZh)} × {line.quantity} · {formatMoney(line.goodsFen + line.taxFen, 'CNY')}
                  </Typography.Text>
                ))}
                {ret.decisionNote !== '' && (
                  <Typography.Text>
                    <Typography.Text type="secondary">{t('console.returns.decisionNote')}: </Typography.Text>
                    {ret.decisionNote}
                  </Typography.Text>
                )}
                {ret.arriveBy !== '' && <Typography.Text type="secondary">{t('console.returns.arriveBy', { day: ret.arriveBy })}</Typography.Text>}
              </Space>
            ),
          }}
          columns={[
            { key: 'number', title: t('console.returns.number'), render: (_, ret) => <span data-testid="return-number">{ret.number}</span> },
            { key: 'order', title: t('console.returns.order'), render: (_, ret) => ret.order.number },
            ...(showExporter
              ? [{ key: 'exporter', title: t('console.returns.exporter'), render: (_: unknown, ret: Return) => pick(locale, ret.order.exporter.nameZh || ret.order.exporter.nameEn, ret.order.exporter.nameEn || ret.order.exporter.nameZh) }]
              : []),
            { key: 'reason', title: t('console.returns.reason'), render: (_, ret) => pick(locale, returnReasons[ret.reason].zh, returnReasons[ret.reason].en) },
            { key: 'items', title: t('console.returns.items'), render: (_, ret) => ret.lines.reduce((n, l) => n + l.quantity, 0) },
            {
              key: 'stage',
              title: t('console.returns.stageLabel'),
              render: (_, ret) => (
                <Space size={4}>
                  <Tag color={stageColors[ret.stage]} data-testid="return-stage" data-stage={ret.stage}>
                    {t(`console.returns.stage.${ret.stage}`)}
                  </Tag>
                  {ret.late && (
                    <Tag color="red" data-testid="return-late" title={t('console.returns.lateHint', { day: ret.arriveBy })}>
                      {t('console.returns.late')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'age', title: t('console.returns.age'), render: (_, ret) => <span title={formatDateTime(ret.stageSince)}>{t('console.returns.ageHours', { hours: ret.ageHours })}</span> },
            { key: 'parcel', title: t('console.returns.parcel'), render: (_, ret) => (ret.trackingNumber === null ? '—' : `${ret.carrier ?? ''} ${ret.trackingNumber}`) },
            { key: 'refund', title: t('console.returns.refund'), align: 'right', render: (_, ret) => formatMoney(ret.refundFen, 'CNY') },
            {
              key: 'actions',
              title: '',
              render: (_, ret) => (
                <Space>
                  {ret.status === 'requested' && (
                    <>
                      <Button
                        size="small"
                        type="primary"
                        loading={running === `approve-${ret.id}`}
                        data-testid="return-approve"
                        onClick={() => void run(`approve-${ret.id}`, () => api(returnEndpoints.approve, { params: { id: ret.id }, body: {} }), done).then((ok) => ok && changed())}
                      >
                        {t('console.returns.approve')}
                      </Button>
                      <Button size="small" danger data-testid="return-refuse" onClick={() => setRefusing(ret)}>
                        {t('console.returns.refuse')}
                      </Button>
                    </>
                  )}
                  {ret.status === 'return_shipped' && (
                    <Button size="small" type="primary" loading={running === `received-${ret.id}`} data-testid="return-received" onClick={() => setReceiving(ret)}>
                      {t('console.returns.received')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {receiving !== null && (
        <Modal
          open
          title={t('console.returns.received')}
          onCancel={() => setReceiving(null)}
          data-testid="return-received-modal"
          footer={[
            <Button key="cancel" onClick={() => setReceiving(null)}>{t('console.cancel')}</Button>,
            <Button
              key="ok"
              type="primary"
              loading={running === `received-${receiving.id}`}
              data-testid="return-received-confirm"
              onClick={() =>
                void run(`received-${receiving.id}`, () => api(returnEndpoints.receive, { params: { id: receiving.id }, body: {} }), done).then((ok) => {
                  setReceiving(null);
                  if (ok) changed();
                })
              }
            >
              {t('console.returns.received')}
            </Button>,
          ]}
        >
          {t('console.returns.receivedConfirm', { amount: formatMoney(receiving.refundFen, 'CNY') })}
        </Modal>
      )}
      {refusing !== null && (
        <RefuseModal
          onClose={() => setRefusing(null)}
          onSubmit={async (reason) => {
            await api(returnEndpoints.refuse, { params: { id: refusing.id }, body: { reason } });
            setRefusing(null);
            changed();
          }}
        />
      )}
    </Space>
  );
}

/** The reason the buyer reads, checked by the contract's rule before sending. */
function RefuseModal({ onSubmit, onClose }: { onSubmit: (reason: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useCallback(async (body: { reason: string }) => onSubmit(body.reason), [onSubmit]);
  const submitter = useConsoleForm({ form, schema: returnRefuseInputSchema, action });
  return (
    <Modal
      open
      title={t('console.returns.refuseTitle')}
      onCancel={onClose}
      data-testid="return-refuse-modal"
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="ok" type="primary" danger loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="return-refuse-confirm">
          {t('console.returns.refuse')}
        </Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form form={form} layout="vertical" initialValues={{ reason: '' }} onFieldsChange={submitter.onFieldsChange}>
        <Form.Item name="reason" label={t('console.reason')} extra={t('console.returns.refuseHint')}>
          <Input.TextArea name="reason" rows={4} maxLength={500} showCount data-testid="return-refuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
