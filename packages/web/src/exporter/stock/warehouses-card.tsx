import { useCallback } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, countryCodes, warehouseInputSchema, type CountryCode } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName } from '../../shared/localized.ts';
import type { Warehouse, WarehouseInput } from '../exporter-api.ts';
import { api } from '../../api/client.ts';

type WarehouseValues = { kind: 'origin' | 'bonded'; name: string; city: string; countryCode: CountryCode };

/** Origin warehouses (in the exporter's country) and bonded ones (in a Chinese free-trade zone, for 1210). */
export function WarehousesCard({ warehouses, homeCountry, onAdded }: { warehouses: readonly Warehouse[]; homeCountry: CountryCode; onAdded: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<WarehouseValues>();
  const kind = Form.useWatch('kind', form);
  const add = useCallback(
    async (body: WarehouseInput) => {
      await api(endpoints.exporter.createWarehouse, { body });
      form.resetFields();
      onAdded();
    },
    [form, onAdded],
  );
  const submitter = useConsoleForm({ form, schema: warehouseInputSchema, action: add });
  return (
    <Card title={t('exporter.stock.warehouses')} data-testid="warehouses-card">
      <Table<Warehouse>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...warehouses]}
        locale={{ emptyText: t('exporter.stock.noWarehouses') }}
        columns={[
          { key: 'name', title: t('exporter.stock.name'), dataIndex: 'name' },
          { key: 'kind', title: t('exporter.stock.kind'), render: (_, w) => <Tag color={w.kind === 'bonded' ? 'purple' : 'blue'}>{t(`exporter.stock.kinds.${w.kind}`)}</Tag> },
          { key: 'city', title: t('exporter.stock.city'), dataIndex: 'city' },
          { key: 'country', title: t('exporter.stock.country'), render: (_, w) => countryName(w.countryCode, locale) },
        ]}
      />
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<WarehouseValues>
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={{ kind: 'origin', name: '', city: '', countryCode: homeCountry }}
        onFieldsChange={submitter.onFieldsChange}
        onValuesChange={(changed: Partial<WarehouseValues>) => {
          // A bonded warehouse is in a Chinese free-trade zone: its country is China.
          if (changed.kind === 'bonded') form.setFieldValue('countryCode', 'CN');
          if (changed.kind === 'origin') form.setFieldValue('countryCode', homeCountry);
        }}
        onFinish={() => void submitter.submit()}
        data-testid="warehouse-form"
      >
        <Row gutter={12} align="bottom">
          <Col xs={24} md={5}>
            <Form.Item name="kind" label={t('exporter.stock.kind')}>
              <Select options={(['origin', 'bonded'] as const).map((value) => ({ value, label: t(`exporter.stock.kinds.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="name" label={t('exporter.stock.name')} required>
              <Input name="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="city" label={t('exporter.stock.city')} required>
              <Input name="city" />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="countryCode" label={t('exporter.stock.country')}>
              <Select disabled={kind === 'bonded'} options={countryCodes.map((code) => ({ value: code, label: countryName(code, locale) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={3}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="add-warehouse">{t('exporter.stock.addWarehouse')}</Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
