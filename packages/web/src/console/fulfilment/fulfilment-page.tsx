import { useCallback, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  carrierCodes, carriers, customsStatuses, fulfilmentStates, importIssueSchema, trackingEventsInputSchema, trackingStatuses, type bondedShipmentInputSchema, type CarrierCode,
  type CustomsStatus, type directShipmentInputSchema, type endpoints, type FulfilmentItem, type FulfilmentState, type ImportIssue, type ShipmentUploadResult, type TrackingStatus,
} from '@pavilion/contracts';
import { isApiError } from '../../api/client.ts';
import { useEndpoint, useInvalidate } from '../../api/query.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { ConsoleError } from '../console-feedback.tsx';
import { dataAttributes } from '../data-attributes.ts';
import { FormFailure } from '../form-failure.tsx';
import { formatMoney } from '../money.ts';
import { useConsoleForm } from '../use-console-form.ts';

const isCustomsStatus = (value: string): value is CustomsStatus => (customsStatuses as readonly string[]).includes(value);

type ShipSchema = typeof bondedShipmentInputSchema | typeof directShipmentInputSchema;

/** What the ship form sends: the bonded or the direct body (each page checks it against its own schema again). */
export type ShipBody = z.output<ShipSchema>;

type Props = {
  title: string;
  intro: string;
  loginPath: string;
  /** Operators ship bonded orders (and may ship direct ones); exporters their direct parcels. */
  shipSchema: ShipSchema;
  list: typeof endpoints.exporter.getFulfilmentOrders | typeof endpoints.operator.getFulfilment;
  ship: (orderId: string, body: ShipBody) => Promise<unknown>;
  addEvents: (orderId: string, body: z.output<typeof trackingEventsInputSchema>) => Promise<unknown>;
  /** The waybill sheet (operators). */
  upload?: (file: Blob) => Promise<ShipmentUploadResult>;
};

/** A console's shipping queue: orders by state with their age, the ship form, tracking events and (operators) the waybill sheet. */
export function ConsoleFulfilmentPage({ title, intro, loginPath, shipSchema, list, ship, addEvents, upload }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [state, setState] = useState<FulfilmentState>('to_ship');
  const [shipping, setShipping] = useState<FulfilmentItem | null>(null);
  const [tracking, setTracking] = useState<FulfilmentItem | null>(null);
  const items = useEndpoint(list, { query: { state } });
  const invalidate = useInvalidate();
  // A shipment moves the order to another queue (and changes the order itself).
  const changed = () => void invalidate(list);
  const names = (item: FulfilmentItem) => pick(locale, item.order.exporter.nameZh || item.order.exporter.nameEn, item.order.exporter.nameEn || item.order.exporter.nameZh);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{title}</Typography.Title>
      <Alert type="info" showIcon title={intro} />
      {upload && <WaybillUpload upload={upload} onDone={changed} />}
      <Segmented<FulfilmentState>
        value={state}
        onChange={setState}
        data-testid="fulfilment-state"
        options={fulfilmentStates.map((value) => ({ value, label: t(`console.fulfilment.states.${value}`) }))}
      />
      {items.status === 'failed' ? (
        <ConsoleError error={items.error} loginPath={loginPath} onRetry={items.reload} />
      ) : (
        <Table<FulfilmentItem>
          rowKey={(item) => item.order.id}
          loading={items.status === 'loading'}
          dataSource={items.status === 'done' ? items.data.items : []}
          data-testid="fulfilment-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('console.fulfilment.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(item) => dataAttributes({ 'data-testid': 'fulfilment-row', 'data-order-id': item.order.id, 'data-order-number': item.order.number, 'data-status': item.order.status })}
          columns={[
            { key: 'number', title: t('console.orders.number'), render: (_, item) => <Typography.Text copyable>{item.order.number}</Typography.Text> },
            { key: 'exporter', title: t('console.orders.exporter'), render: (_, item) => names(item) },
            {
              key: 'items',
              title: t('console.orders.items'),
              render: (_, item) => item.order.lines.map((l) => <div key={l.sku}>{pick(locale, l.titleZh || l.titleEn, l.titleEn || l.titleZh)} × {l.quantity} <Typography.Text type="secondary">{l.sku}</Typography.Text></div>),
            },
            {
              key: 'consignee',
              title: t('console.fulfilment.consignee'),
              render: (_, item) => (
                <div style={{ maxWidth: 260 }}>
                  {item.order.consignee.name} {item.order.consignee.phone}
                  <div><Typography.Text type="secondary">{item.order.consignee.address}</Typography.Text></div>
                </div>
              ),
            },
            { key: 'mode', title: t('console.orders.customsMode'), render: (_, item) => t(`console.customsModes.${item.order.customsMode}`) },
            {
              key: 'customs',
              title: t('console.fulfilment.customs'),
              render: (_, item) => (
                <Space orientation="vertical" size={2}>
                  <Tag>{isCustomsStatus(item.order.customsStatus) ? t(`console.fulfilment.customsStatus.${item.order.customsStatus}`) : item.order.customsStatus}</Tag>
                  {item.blocker && <Typography.Text type="warning">{t(`console.fulfilment.blockers.${item.blocker}`)}</Typography.Text>}
                </Space>
              ),
            },
            { key: 'total', title: t('console.orders.total'), align: 'right', render: (_, item) => formatMoney(item.order.totalFen, 'CNY') },
            { key: 'age', title: t('console.fulfilment.age'), render: (_, item) => <Age minutes={item.ageMinutes} since={item.since} /> },
            {
              key: 'shipment',
              title: t('console.fulfilment.waybill'),
              render: (_, item) =>
                item.shipment ? (
                  <div>
                    {pick(locale, item.shipment.carrierNameZh, item.shipment.carrierNameEn)} <Typography.Text code>{item.shipment.trackingNumber}</Typography.Text>
                    {item.shipment.events.at(-1) && <div><Typography.Text type="secondary">{formatDateTime(item.shipment.events.at(-1)?.at ?? '')} {pick(locale, item.shipment.events.at(-1)?.text ?? '', item.shipment.events.at(-1)?.textEn || (item.shipment.events.at(-1)?.text ?? ''))}</Typography.Text></div>}
                  </div>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'actions',
              title: t('console.actions'),
              render: (_, item) => (
                <Space>
                  {state === 'to_ship' && <Button type="primary" size="small" data-testid="ship-open" onClick={() => setShipping(item)}>{t('console.fulfilment.ship')}</Button>}
                  {state === 'shipped' && item.shipment && <Button size="small" data-testid="event-open" onClick={() => setTracking(item)}>{t('console.fulfilment.addEvent')}</Button>}
                </Space>
              ),
            },
          ]}
        />
      )}
      {shipping && (
        <ShipModal
          item={shipping}
          schema={shipSchema}
          ship={ship}
          onClose={() => setShipping(null)}
          onDone={() => {
            setShipping(null);
            changed();
          }}
        />
      )}
      {tracking && (
        <EventModal
          item={tracking}
          addEvents={addEvents}
          onClose={() => setTracking(null)}
          onDone={() => {
            setTracking(null);
            changed();
          }}
        />
      )}
    </Space>
  );
}

/** How long the order has waited in its queue: minutes, then hours, then days. */
function Age({ minutes, since }: { minutes: number; since: string }) {
  const { t } = useTranslation();
  const text =
    minutes < 60 ? t('console.fulfilment.ageMinutes', { count: minutes })
    : minutes < 48 * 60 ? t('console.fulfilment.ageHours', { count: Math.floor(minutes / 60) })
    : t('console.fulfilment.ageDays', { count: Math.floor(minutes / 1440) });
  return <span title={formatDateTime(since)}>{text}</span>;
}

type ShipValues = { carrier: CarrierCode; carrierName: string; trackingNumber: string; weightGrams: number | null };

function ShipModal({ item, schema, ship, onClose, onDone }: { item: FulfilmentItem; schema: ShipSchema; ship: Props['ship']; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<ShipValues>();
  const carrier = Form.useWatch('carrier', form);
  const direct = item.order.customsMode === '9610';
  const fits = carrierCodes.filter((code) => (direct ? carriers[code].international : carriers[code].domestic));
  const action = useCallback(
    async (body: ShipBody) => {
      await ship(item.order.id, body);
      onDone();
    },
    [ship, item.order.id, onDone],
  );
  const submitter = useConsoleForm({
    form,
    schema,
    action,
    toBody: (v: ShipValues) => ({
      body: { carrier: v.carrier, trackingNumber: v.trackingNumber, ...(v.carrier === 'other' ? { carrierName: v.carrierName } : {}), ...(v.weightGrams === null ? {} : { weightGrams: v.weightGrams }) },
      issues: [],
    }),
  });
  return (
    <Modal open title={t('console.fulfilment.shipTitle', { number: item.order.number })} onCancel={onClose} footer={null} destroyOnHidden>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<ShipValues>
        form={form}
        layout="vertical"
        data-testid="ship-form"
        initialValues={{ carrier: fits[0] ?? 'other', carrierName: '', trackingNumber: '', weightGrams: null }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
      >
        <Form.Item name="carrier" label={t('console.fulfilment.carrier')}>
          <Select data-testid="ship-carrier" options={fits.map((code) => ({ value: code, label: pick(locale, carriers[code].zh, carriers[code].en) }))} />
        </Form.Item>
        {carrier === 'other' && (
          <Form.Item name="carrierName" label={t('console.fulfilment.carrierName')}>
            <Input maxLength={60} data-testid="ship-carrier-name" />
          </Form.Item>
        )}
        <Form.Item name="trackingNumber" label={t('console.fulfilment.trackingNumber')} extra={t('console.fulfilment.trackingHint')}>
          <Input maxLength={40} autoComplete="off" data-testid="ship-tracking-number" />
        </Form.Item>
        <Form.Item name="weightGrams" label={t('console.fulfilment.weight')} extra={direct ? t('console.fulfilment.weightHint') : t('console.fulfilment.weightOptional')}>
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="ship-weight" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="ship-submit">{t('console.fulfilment.shipSubmit')}</Button>
      </Form>
    </Modal>
  );
}

type EventValues = { at: string; status: TrackingStatus; placeZh: string; placeEn: string; textZh: string; textEn: string };

/** "2026-12-01T10:30" as typed (China time) → an ISO time with its offset. */
const chinaInput = (value: string) => (value === '' ? '' : `${value}:00+08:00`);
const chinaNowInput = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

function EventModal({ item, addEvents, onClose, onDone }: { item: FulfilmentItem; addEvents: Props['addEvents']; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventValues>();
  const action = useCallback(
    async (body: z.output<typeof trackingEventsInputSchema>) => {
      await addEvents(item.order.id, body);
      onDone();
    },
    [addEvents, item.order.id, onDone],
  );
  const submitter = useConsoleForm({
    form,
    schema: trackingEventsInputSchema,
    action,
    toBody: (v: EventValues) => ({ body: { events: [{ ...v, at: chinaInput(v.at) }] }, issues: [] }),
    toFormPath: (path) => path.replace(/^events\.0\./, ''),
  });
  return (
    <Modal open title={t('console.fulfilment.eventTitle', { number: item.order.number })} onCancel={onClose} footer={null} destroyOnHidden>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<EventValues>
        form={form}
        layout="vertical"
        data-testid="event-form"
        initialValues={{ at: chinaNowInput(), status: 'in_transit', placeZh: '', placeEn: '', textZh: '', textEn: '' }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
      >
        <Form.Item name="at" label={t('console.fulfilment.eventAt')}>
          <Input type="datetime-local" data-testid="event-at" />
        </Form.Item>
        <Form.Item name="status" label={t('console.fulfilment.eventStatus')}>
          <Select data-testid="event-status" options={trackingStatuses.map((s) => ({ value: s, label: t(`console.fulfilment.trackingStatus.${s}`) }))} />
        </Form.Item>
        <Form.Item name="placeZh" label={t('console.fulfilment.placeZh')}>
          <Input maxLength={100} data-testid="event-place" />
        </Form.Item>
        <Form.Item name="placeEn" label={t('console.fulfilment.placeEn')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="textZh" label={t('console.fulfilment.textZh')}>
          <Input maxLength={200} data-testid="event-text" />
        </Form.Item>
        <Form.Item name="textEn" label={t('console.fulfilment.textEn')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="event-submit">{t('console.fulfilment.eventSubmit')}</Button>
      </Form>
    </Modal>
  );
}

/** The bonded warehouse's sheet of waybills: all or nothing, every problem by row and column. */
function WaybillUpload({ upload, onDone }: { upload: (file: Blob) => Promise<ShipmentUploadResult>; onDone: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ShipmentUploadResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const none = t('common.none');
  const send = async (file: Blob) => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await upload(file));
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const rows: ImportIssue[] = isApiError(failure, 'VALIDATION_FAILED') && Array.isArray(failure.details) ? failure.details.flatMap((d: unknown) => { const parsed = importIssueSchema.safeParse(d); return parsed.success ? [parsed.data] : []; }) : [];
  return (
    <Card size="small" title={t('console.fulfilment.uploadTitle')} data-testid="waybill-upload-card">
      <Typography.Paragraph type="secondary">{t('console.fulfilment.uploadHint')}</Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        disabled={busy}
        customRequest={({ file }) => {
          if (file instanceof Blob) void send(file);
        }}
      >
        <Button loading={busy} data-testid="waybill-upload">{t('console.fulfilment.uploadChoose')}</Button>
      </Upload>
      {result && <Alert style={{ marginTop: 12 }} type="success" showIcon data-testid="waybill-result" title={t('console.fulfilment.uploadDone', { shipped: result.shipped, unchanged: result.unchanged })} />}
      {failure !== null && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Alert type="error" showIcon title={errorText(failure, locale)} />
          {rows.length > 0 && (
            <Table<ImportIssue>
              rowKey={(issue) => `${issue.row ?? ''}:${issue.column ?? ''}:${issue.rule}`}
              size="small"
              bordered
              data-testid="waybill-errors"
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { key: 'row', title: t('console.fulfilment.row'), width: 80, render: (_, issue) => issue.row ?? none },
                { key: 'column', title: t('console.fulfilment.column'), width: 200, render: (_, issue) => (issue.column ? <Typography.Text code>{issue.column}</Typography.Text> : none) },
                { key: 'message', title: t('console.fulfilment.message'), render: (_, issue) => issue.message },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
