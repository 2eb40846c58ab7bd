import { useState } from 'react';
import { Alert, App, Button, Collapse, Descriptions, Drawer, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { endpoints, customsProblemSchema, type CustomsCorrections, type CustomsDetail, type CustomsProblem, type CustomsQueueItem } from '@pavilion/contracts';
import { isApiError, api } from '../../api/client.ts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { formatMoney } from '../../console/money.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { errorText } from '../../shared/errors.ts';
import { useEndpoint } from '../../api/query.ts';
import type { CustomsFilter } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';

const filters = ['all', 'pending', 'invalid', 'submitted', 'accepted', 'rejected', 'released', 'held'] as const;
type FilterChoice = (typeof filters)[number];

const statusColors: Record<CustomsQueueItem['customsStatus'], string> = { pending: 'default', submitted: 'processing', accepted: 'blue', rejected: 'red', released: 'green' };
const checkColors = { SAME: 'green', DIFFERENT: 'red', UNCHECKED: 'orange' } as const;
const problemList = z.array(customsProblemSchema);

function Problems({ problems, locale }: { problems: CustomsProblem[]; locale: string }) {
  if (problems.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }} data-testid="customs-problems">
      {problems.map((p) => (
        <li key={`${p.field}:${p.rule}`} data-field={p.field}>
          <Typography.Text code>{p.field}</Typography.Text> {locale === 'zh-CN' ? p.message.zh : p.message.en}
        </li>
      ))}
    </ul>
  );
}

/**
 * 海关申报: every paid cross-border order with where it stands with customs. Filter by status; a
 * row opens the order's messages, receipts and payment declaration, the corrections form and the
 * resend and lift-hold buttons.
 */
export function CustomsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [filter, setFilter] = useState<FilterChoice>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const queue = useEndpoint(endpoints.operator.getCustomsDeclarations, { query: { status: filter === 'all' ? undefined : (filter satisfies CustomsFilter) } });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.customs.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('operator.customs.intro')} />
      <Segmented<FilterChoice>
        value={filter}
        onChange={setFilter}
        data-testid="customs-filter"
        options={filters.map((value) => ({ value, label: t(`operator.customs.filter.${value}`) }))}
      />
      {queue.status === 'failed' ? (
        <ConsoleError error={queue.error} loginPath={operatorPaths.login} onRetry={queue.reload} />
      ) : (
        <Table<CustomsQueueItem>
          rowKey="orderId"
          loading={queue.status === 'loading'}
          dataSource={queue.status === 'done' ? queue.data.items : []}
          data-testid="customs-queue"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('operator.customs.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(item) => dataAttributes({ 'data-testid': 'customs-row', 'data-order-number': item.number, 'data-customs-status': item.customsStatus })}
          columns={[
            { key: 'number', title: t('operator.customs.number'), render: (_, item) => <Typography.Text code>{item.number}</Typography.Text> },
            { key: 'mode', title: t('operator.customs.mode'), dataIndex: 'customsMode' },
            { key: 'paidAt', title: t('operator.customs.paidAt'), render: (_, item) => (item.paidAt ? formatDateTime(item.paidAt) : '') },
            { key: 'status', title: t('operator.customs.customsStatus'), render: (_, item) => <Tag color={statusColors[item.customsStatus]} data-testid="customs-status">{t(`operator.customs.statuses.${item.customsStatus}`)}</Tag> },
            { key: 'hold', title: t('operator.customs.hold'), render: (_, item) => (item.hold ? <Tag color="red" data-testid="customs-hold">{t(`operator.customs.holds.${item.hold}`)}</Tag> : null) },
            {
              key: 'latest',
              title: t('operator.customs.latest'),
              render: (_, item) => (item.latest ? `${t(`operator.customs.appTypes.${item.latest.appType}`)} · ${t(`operator.customs.declarationStatuses.${item.latest.status}`)}` : ''),
            },
            {
              key: 'receipt',
              title: t('operator.customs.lastReceipt'),
              render: (_, item) =>
                item.lastReceipt ? (
                  <span data-testid="customs-receipt">
                    {item.lastReceipt.returnStatus} {item.lastReceipt.label ? (locale === 'zh-CN' ? item.lastReceipt.label.zh : item.lastReceipt.label.en) : ''} {item.lastReceipt.returnInfo}
                  </span>
                ) : null,
            },
            { key: 'errors', title: t('operator.customs.errors'), render: (_, item) => <Problems problems={item.errors} locale={locale} /> },
            { key: 'check', title: t('operator.customs.identityCheck'), render: (_, item) => (item.identityCheck ? <Tag color={checkColors[item.identityCheck]}>{item.identityCheck}</Tag> : null) },
            { key: 'open', title: '', render: (_, item) => <Button size="small" data-testid="customs-open" onClick={() => setOpenId(item.orderId)}>{t('operator.customs.open')}</Button> },
          ]}
        />
      )}
      {openId && <CustomsDrawer orderId={openId} onClose={() => setOpenId(null)} onChanged={queue.reload} />}
    </Space>
  );
}

function CustomsDrawer({ orderId, onClose, onChanged }: { orderId: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const detail = useEndpoint(endpoints.operator.getCustomsDeclaration, { params: { orderId } });
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<CustomsProblem[]>([]);

  const act = async (action: () => Promise<CustomsDetail>, done: string) => {
    setBusy(true);
    setProblems([]);
    try {
      await action();
      void message.success(done);
      detail.reload();
      onChanged();
    } catch (error) {
      const listed = isApiError(error, 'CUSTOMS_MESSAGE_INVALID') ? problemList.safeParse(error.details) : null;
      if (listed?.success) setProblems(listed.data);
      else void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const data = detail.status === 'done' ? detail.data : null;
  const latest = data?.declarations.at(-1);
  const canResend = latest?.status === 'invalid' || latest?.status === 'rejected';
  return (
    <Drawer open width={880} onClose={onClose} title={data ? t('operator.customs.detail.title', { number: data.order.number }) : ''} data-testid="customs-drawer">
      {detail.status === 'failed' && <ConsoleError error={detail.error} loginPath={operatorPaths.login} onRetry={detail.reload} />}
      {data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('operator.customs.customsStatus')}>{t(`operator.customs.statuses.${data.order.customsStatus}`)}</Descriptions.Item>
            <Descriptions.Item label={t('operator.customs.hold')}>{data.order.hold ? t(`operator.customs.holds.${data.order.hold}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('operator.customs.mode')}>{data.order.customsMode}</Descriptions.Item>
            <Descriptions.Item label={t('operator.customs.total')}>{formatMoney(data.order.totalFen, 'CNY')}</Descriptions.Item>
            <Descriptions.Item label={t('operator.customs.taxTotal')}>
              <span data-testid="customs-tax" data-regime={data.order.regime}>
                {formatMoney(data.order.taxFen, 'CNY')}
                {data.order.taxParts !== null &&
                  ` (${t('console.orders.taxParts', { tariff: formatMoney(data.order.taxParts.tariffFen, 'CNY'), consumptionTax: formatMoney(data.order.taxParts.consumptionTaxFen, 'CNY'), vat: formatMoney(data.order.taxParts.vatFen, 'CNY') })})`}
                {data.order.regime === 'general' && <Tag color="orange" style={{ marginLeft: 8 }}>{t('console.orders.generalRegime')}</Tag>}
              </span>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5}>{t('operator.customs.detail.declarations')}</Typography.Title>
          <Collapse
            data-testid="customs-declarations"
            items={data.declarations.map((d) => ({
              key: d.guid,
              label: `${t(`operator.customs.appTypes.${d.appType}`)} · ${t(`operator.customs.declarationStatuses.${d.status}`)} · ${formatDateTime(d.createdAt)}${d.returnInfo ? ` · ${d.returnInfo}` : ''}`,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text>
                    {t('operator.customs.detail.guid')}: <Typography.Text code copyable>{d.guid}</Typography.Text>
                    {d.sentAt ? ` · ${t('operator.customs.detail.sentAt')} ${formatDateTime(d.sentAt)}` : ''}
                  </Typography.Text>
                  <Problems problems={d.errors} locale={locale} />
                  <Typography.Text type="secondary">{t('operator.customs.detail.showXml')}</Typography.Text>
                  <pre style={{ maxHeight: 320, overflow: 'auto', fontSize: 12, margin: 0 }}>{d.messageXml}</pre>
                </Space>
              ),
            }))}
          />

          <Typography.Title level={5}>{t('operator.customs.detail.receipts')}</Typography.Title>
          <Table
            size="small"
            rowKey={(r) => `${r.guid}:${r.returnStatus}`}
            pagination={false}
            dataSource={data.receipts}
            data-testid="customs-receipts"
            columns={[
              { key: 'status', title: t('operator.customs.detail.returnStatus'), render: (_, r) => `${r.returnStatus} ${r.label ? (locale === 'zh-CN' ? r.label.zh : r.label.en) : ''}` },
              { key: 'info', title: t('operator.customs.detail.returnInfo'), dataIndex: 'returnInfo' },
              { key: 'received', title: t('operator.customs.detail.receivedAt'), render: (_, r) => formatDateTime(r.receivedAt) },
            ]}
          />

          <Typography.Title level={5}>{t('operator.customs.detail.payment')}</Typography.Title>
          {data.paymentDeclaration ? (
            <Descriptions size="small" column={2} bordered data-testid="customs-payment">
              <Descriptions.Item label={t('operator.customs.detail.provider')}>{data.paymentDeclaration.provider}</Descriptions.Item>
              <Descriptions.Item label={t('operator.customs.detail.state')}>{data.paymentDeclaration.state}</Descriptions.Item>
              <Descriptions.Item label={t('operator.customs.identityCheck')}>
                <Tag color={checkColors[data.paymentDeclaration.identityCheck]}>{data.paymentDeclaration.identityCheck}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('operator.customs.detail.createdAt')}>{formatDateTime(data.paymentDeclaration.declaredAt)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t('operator.customs.detail.noPayment')}</Typography.Text>
          )}
          {data.order.hold === 'identity_mismatch' && (
            <Button danger loading={busy} data-testid="customs-clear-hold" onClick={() => void act(() => api(endpoints.operator.clearCustomsHold, { params: { orderId } }), t('operator.customs.detail.cleared'))}>
              {t('operator.customs.detail.clearHold')}
            </Button>
          )}

          <Typography.Title level={5}>{t('operator.customs.detail.corrections')}</Typography.Title>
          {problems.length > 0 && (
            <Alert type="error" showIcon title={t('operator.customs.detail.stillInvalid')} description={<Problems problems={problems} locale={locale} />} data-testid="customs-still-invalid" />
          )}
          <CorrectionsForm
            key={latest?.guid ?? 'none'}
            detail={data}
            disabled={!canResend}
            busy={busy}
            onSubmit={(corrections) => void act(() => api(endpoints.operator.resendCustomsDeclaration, { params: { orderId }, body: { corrections } }), t('operator.customs.detail.resent'))}
          />
          {!canResend && <Typography.Text type="secondary">{t('operator.customs.detail.cannotResend')}</Typography.Text>}
        </Space>
      )}
    </Drawer>
  );
}

interface CorrectionValues {
  consigneeName?: string;
  consigneeTelephone?: string;
  consigneeAddress?: string;
  lines?: Record<string, { itemName?: string; unit?: string; country?: string }>;
}

/** The consignee as declared and each line's Chinese name and unit; empty fields keep what the order says. */
function CorrectionsForm({ detail, disabled, busy, onSubmit }: { detail: CustomsDetail; disabled: boolean; busy: boolean; onSubmit: (c: CustomsCorrections) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CorrectionValues>();
  const lineNos = lineNumbersOf(detail);
  const initial: CorrectionValues = {
    consigneeName: detail.corrections.consignee?.name ?? '',
    consigneeTelephone: detail.corrections.consignee?.telephone ?? '',
    consigneeAddress: detail.corrections.consignee?.address ?? '',
    lines: Object.fromEntries(
      lineNos.map((n) => {
        const fix = detail.corrections.lines?.[String(n)];
        return [String(n), { itemName: fix?.itemName ?? '', unit: fix?.unit ?? '', country: fix?.country ?? '' }];
      }),
    ),
  };
  const submit = (values: CorrectionValues) => {
    const text = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
    const consignee = { name: text(values.consigneeName), telephone: text(values.consigneeTelephone), address: text(values.consigneeAddress) };
    const lines = lineNos
      .map((lineNo) => ({ lineNo, itemName: text(values.lines?.[String(lineNo)]?.itemName), unit: text(values.lines?.[String(lineNo)]?.unit), country: text(values.lines?.[String(lineNo)]?.country) }))
      .filter((l) => l.itemName !== undefined || l.unit !== undefined || l.country !== undefined)
      .map((l) => ({ lineNo: l.lineNo, ...(l.itemName ? { itemName: l.itemName } : {}), ...(l.unit ? { unit: l.unit } : {}), ...(l.country ? { country: l.country } : {}) }));
    const definedConsignee = Object.fromEntries(Object.entries(consignee).filter(([, v]) => v !== undefined));
    onSubmit({ ...(Object.keys(definedConsignee).length > 0 ? { consignee: definedConsignee } : {}), ...(lines.length > 0 ? { lines } : {}) });
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={disabled} data-testid="customs-corrections">
      <Form.Item name="consigneeName" label={t('operator.customs.detail.consigneeName')}>
        <Input maxLength={100} data-testid="customs-consignee-name" />
      </Form.Item>
      <Form.Item name="consigneeTelephone" label={t('operator.customs.detail.consigneeTelephone')}>
        <Input maxLength={50} data-testid="customs-consignee-telephone" />
      </Form.Item>
      <Form.Item name="consigneeAddress" label={t('operator.customs.detail.consigneeAddress')}>
        <Input maxLength={200} data-testid="customs-consignee-address" />
      </Form.Item>
      {lineNos.map((lineNo) => (
        <Space key={lineNo} align="start" wrap>
          <Form.Item name={['lines', String(lineNo), 'itemName']} label={`${t('operator.customs.detail.line', { lineNo })} · ${t('operator.customs.detail.itemName')}`}>
            <Input maxLength={250} style={{ width: 360 }} placeholder={detail.lines.find((l) => l.lineNo === lineNo)?.titleZh} data-testid={`customs-line-${lineNo}-name`} />
          </Form.Item>
          <Form.Item name={['lines', String(lineNo), 'unit']} label={t('operator.customs.detail.unit')}>
            <Select
              allowClear
              style={{ width: 160 }}
              data-testid={`customs-line-${lineNo}-unit`}
              options={Object.entries(detail.units).map(([code, name]) => ({ value: code, label: `${code} ${name}` }))}
            />
          </Form.Item>
          <Form.Item name={['lines', String(lineNo), 'country']} label={t('operator.customs.detail.country')}>
            <Select
              allowClear
              style={{ width: 160 }}
              data-testid={`customs-line-${lineNo}-country`}
              options={Object.entries(detail.countries).map(([code, iso]) => ({ value: code, label: `${code} ${iso}` }))}
            />
          </Form.Item>
        </Space>
      ))}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="customs-resend">
        {t('operator.customs.detail.resend')}
      </Button>
    </Form>
  );
}

const lineNumbersOf = (detail: CustomsDetail): number[] => detail.lines.map((l) => l.lineNo);
