import { useCallback } from 'react';
import { Button, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, brandInputSchema, type Brand, type BrandInput } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { SingleImageUpload } from '../../console/single-image-upload.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { api, uploadTo } from '../../api/client.ts';

type BrandValues = { nameEn: string; nameZh: string; storyEn: string; storyZh: string; logoMediaId: string | null };

/** Create a brand (brand null) or edit one: names, stories in both languages, a logo. */
export function BrandModal({ brand, onClose, onSaved }: { brand: Brand | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BrandValues>();
  const save = useCallback(
    async (body: BrandInput) => {
      if (brand === null) await api(endpoints.exporter.createBrand, { body });
      else await api(endpoints.exporter.updateBrand, { params: { id: brand.id }, body });
      onSaved();
    },
    [brand, onSaved],
  );
  const submitter = useConsoleForm({ form, schema: brandInputSchema, action: save });
  const initialValues: BrandValues = {
    nameEn: brand?.nameEn ?? '',
    nameZh: brand?.nameZh ?? '',
    storyEn: brand?.storyEn ?? '',
    storyZh: brand?.storyZh ?? '',
    logoMediaId: brand?.logo?.id ?? null,
  };
  return (
    <Modal
      open
      width={800}
      title={brand === null ? t('exporter.brands.create') : t('exporter.brands.edit')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="save" type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-brand">
          {t('console.save')}
        </Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<BrandValues> form={form} layout="vertical" initialValues={initialValues} onFieldsChange={submitter.onFieldsChange} data-testid="brand-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('exporter.brands.nameEn')} required>
              <Input name="nameEn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameZh" label={t('exporter.brands.nameZh')} required>
              <Input name="nameZh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="storyEn" label={t('exporter.brands.storyEn')} extra={t('console.htmlHint')}>
              <Input.TextArea name="storyEn" rows={6} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="storyZh" label={t('exporter.brands.storyZh')} extra={t('console.htmlHint')}>
              <Input.TextArea name="storyZh" rows={6} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="logoMediaId" label={t('exporter.brands.logo')}>
              <SingleImageUpload initial={brand?.logo ?? null} upload={(file) => uploadTo(endpoints.exporter.uploadMedia, file)} testId="logo-upload" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
