import { useCallback, useState } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, currencyCodes, incoterms, quoteInputSchema } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { formatMoney } from '../../console/money.ts';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { useEndpoint } from '../../api/query.ts';
import { exporterPaths } from '../exporter-paths.ts';
import type { ExporterRfq, QuoteInput } from './trade-api.ts';
import { incotermLabel, quantityLabel } from './trade-format.ts';
import { quoteBodyOf, quoteFormPath, quoteValuesOf, type QuoteValues } from './quote-form-values.ts';
import { api } from '../../api/client.ts';

const statusColor = { open: 'blue', closed_deadline: 'default', accepted: 'green', cancelled: 'default' } as const;

/** The RFQ board: requests matched to the exporter's categories and pavilion, with its own quote on each. */
export function RfqBoardPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const board = useEndpoint(endpoints.exporter.getRfqs, {});
  const [editing, setEditing] = useState<ExporterRfq | null>(null);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.trade.rfqsTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('exporter.trade.rfqsIntro')}</Typography.Text>
      {board.status === 'loading' && <ConsoleLoading />}
      {board.status === 'failed' && <ConsoleError error={board.error} loginPath={exporterPaths.login} onRetry={board.reload} />}
      {board.status === 'done' && (
        <Table<ExporterRfq>
          rowKey="id"
          dataSource={board.data.items}
          pagination={false}
          data-testid="rfq-board"
          locale={{ emptyText: t('exporter.trade.noRfqs') }}
          onRow={(rfq) => dataAttributes({ 'data-testid': 'rfq-row', 'data-id': rfq.id, 'data-status': rfq.status })}
          columns={[
            {
              key: 'request',
              title: t('exporter.trade.request'),
              render: (_, rfq) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{(locale === 'zh-CN' ? rfq.descriptionZh : rfq.descriptionEn) || rfq.descriptionZh || rfq.descriptionEn}</Typography.Text>
                  <Typography.Text type="secondary">{locale === 'zh-CN' ? rfq.category.nameZh : rfq.category.nameEn} · {rfq.company.nameEn ?? rfq.company.nameZh}{rfq.company.verified ? ` · ${t('exporter.trade.verified')}` : ''}</Typography.Text>
                  {rfq.certifications.length > 0 && <Space size={4}>{rfq.certifications.map((c) => <Tag key={c}>{t(`exporter.trade.certifications.${c}`)}</Tag>)}</Space>}
                </Space>
              ),
            },
            { key: 'quantity', title: t('exporter.trade.quantity'), render: (_, rfq) => quantityLabel(rfq.quantity, rfq.unit, locale) },
            { key: 'terms', title: t('exporter.trade.incoterm'), render: (_, rfq) => <Space orientation="vertical" size={0}><span>{incotermLabel(rfq.incoterm, locale)}</span><Typography.Text type="secondary">{rfq.destinationPort}</Typography.Text></Space> },
            { key: 'target', title: t('exporter.trade.targetPrice'), render: (_, rfq) => (rfq.targetPrice ? formatMoney(rfq.targetPrice.amount, rfq.targetPrice.currency) : '—') },
            { key: 'deadline', title: t('exporter.trade.deadline'), render: (_, rfq) => new Date(rfq.deadline).toLocaleString(locale) },
            { key: 'status', title: t('exporter.trade.status'), render: (_, rfq) => <Tag color={statusColor[rfq.status]}>{t(`exporter.trade.rfqStatus.${rfq.status}`)}</Tag> },
            {
              key: 'quote',
              title: t('exporter.trade.myQuote'),
              render: (_, rfq) => (
                <Space>
                  {rfq.myQuote && <Tag color={rfq.myQuote.status === 'accepted' ? 'green' : rfq.myQuote.status === 'not_chosen' ? 'default' : 'blue'}>{t(`exporter.trade.quoteStatus.${rfq.myQuote.status}`)} · r{rfq.myQuote.revision}</Tag>}
                  {rfq.status === 'open' && (
                    <Button size="small" type={rfq.myQuote ? 'default' : 'primary'} onClick={() => setEditing(rfq)} data-testid="edit-quote">
                      {rfq.myQuote ? t('exporter.trade.revise') : t('exporter.trade.quote')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      {editing !== null && (
        <QuoteEditor
          rfq={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            board.reload();
          }}
        />
      )}
    </Space>
  );
}

/** Submit or revise a quote: tiers in the quote's currency (the yuan equivalent at today's rate comes back), terms, samples. */
function QuoteEditor({ rfq, onClose, onSaved }: { rfq: ExporterRfq; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<QuoteValues>();
  const save = useCallback(async (body: QuoteInput) => {
    await api(endpoints.exporter.setRfqQuote, { params: { id: rfq.id }, body });
    onSaved();
  }, [rfq.id, onSaved]);
  const submitter = useConsoleForm({ form, schema: quoteInputSchema, action: save, toBody: (values: QuoteValues) => quoteBodyOf(values, locale), toFormPath: quoteFormPath });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const initialValues = quoteValuesOf(rfq.myQuote, { currency: 'USD', incoterm: rfq.incoterm, minQuantity: rfq.quantity, validUntil: inAMonth });
  const ttOffered = Form.useWatch('ttOffered', form);
  const sampleAvailable = Form.useWatch('sampleAvailable', form);
  return (
    <Modal
      open
      width={860}
      title={rfq.myQuote ? t('exporter.trade.reviseTitle', { revision: rfq.myQuote.revision + 1 }) : t('exporter.trade.quoteTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="save" type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-quote">{t('exporter.trade.submitQuote')}</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('exporter.trade.quoteHint', { deadline: new Date(rfq.deadline).toLocaleString(locale) })}</Typography.Paragraph>
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<QuoteValues> form={form} layout="vertical" initialValues={initialValues} onFieldsChange={submitter.onFieldsChange} data-testid="quote-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="currency" label={t('exporter.trade.currency')} required>
              <Select options={currencyCodes.map((c) => ({ value: c, label: c }))} data-testid="quote-currency" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="incoterm" label={t('exporter.trade.incoterm')} required>
              <Select options={incoterms.map((c) => ({ value: c, label: incotermLabel(c, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="port" label={t('exporter.trade.port')} required>
              <Input maxLength={80} data-testid="quote-port" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('exporter.trade.tiers', { unit: quantityLabel(1, rfq.unit, locale).replace(/^1\s*/, '') })}</Typography.Text>
        <Form.List name="tiers">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={16} key={field.key} data-testid="quote-tier">
                  <Col xs={10}>
                    <Form.Item name={[field.name, 'minQuantity']} label={t('exporter.trade.minQuantity')} required>
                      <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={10}>
                    <Form.Item name={[field.name, 'price']} label={t('exporter.trade.unitPrice')} required>
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} style={{ display: 'flex', alignItems: 'center' }}>
                    {fields.length > 1 && <Button onClick={() => remove(field.name)}>{t('console.delete')}</Button>}
                  </Col>
                </Row>
              ))}
              {fields.length < 10 && <Button onClick={() => add({ minQuantity: null, price: '' })} data-testid="add-tier" style={{ marginBottom: 16 }}>{t('exporter.trade.addTier')}</Button>}
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="leadTimeDays" label={t('exporter.trade.leadTime')} required>
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validUntil" label={t('exporter.trade.validUntil')} required>
              <Input type="date" data-testid="quote-valid-until" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="ttOffered" valuePropName="checked"><Checkbox>{t('exporter.trade.tt')}</Checkbox></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ttDepositPercent" label={t('exporter.trade.ttDeposit')}>
              <InputNumber min={0} max={100} precision={0} disabled={ttOffered === false} addonAfter="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="letterOfCredit" valuePropName="checked"><Checkbox>{t('exporter.trade.lc')}</Checkbox></Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sampleAvailable" valuePropName="checked"><Checkbox>{t('exporter.trade.samples')}</Checkbox></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="samplePrice" label={t('exporter.trade.samplePrice')}>
              <Input inputMode="decimal" disabled={sampleAvailable === false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('exporter.trade.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
