import { useCallback } from 'react';
import { App, Button, Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, pavilionContentInputSchema, type PavilionContentInput } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { SingleImageUpload } from '../../console/single-image-upload.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import type { PavilionContent } from '../operator-api.ts';
import { api, uploadTo } from '../../api/client.ts';

type ContentValues = Omit<PavilionContentInput, 'heroMediaId'> & { heroMediaId: string | null };

/** The pavilion's names, taglines, introduction (rich text) and hero picture, in both languages. */
export function PavilionContentForm({ pavilion, onSaved }: { pavilion: PavilionContent; onSaved: (pavilion: PavilionContent) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContentValues>();
  const save = useCallback(
    async (body: PavilionContentInput) => {
      onSaved(await api(endpoints.operator.updatePavilion, { params: { id: pavilion.id }, body }));
      void message.success(t('operator.pavilion.saved'));
    },
    [pavilion.id, onSaved, message, t],
  );
  const submitter = useConsoleForm({ form, schema: pavilionContentInputSchema, action: save });
  const uploadHero = useCallback((file: Blob) => uploadTo(endpoints.operator.uploadPavilionMedia, file, { params: { id: pavilion.id } }), [pavilion.id]);
  const pair = (zh: keyof ContentValues, en: keyof ContentValues, area: boolean) => (
    <>
      {([zh, en] as const).map((field) => (
        <Col xs={24} md={12} key={field}>
          <Form.Item name={field} label={t(`operator.pavilion.fields.${field}` as const)} extra={area ? t('console.htmlHint') : undefined}>
            {area ? <Input.TextArea name={field} rows={6} /> : <Input name={field} />}
          </Form.Item>
        </Col>
      ))}
    </>
  );
  return (
    <Card title={t('operator.pavilion.content')} data-testid="pavilion-content-form">
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<ContentValues>
        form={form}
        layout="vertical"
        initialValues={{
          nameEn: pavilion.nameEn, nameZh: pavilion.nameZh, taglineEn: pavilion.taglineEn, taglineZh: pavilion.taglineZh,
          introEn: pavilion.introEn, introZh: pavilion.introZh, heroMediaId: pavilion.heroImage?.id ?? null,
        }}
        onFieldsChange={submitter.onFieldsChange}
        onFinish={() => void submitter.submit()}
      >
        <Row gutter={16}>
          {pair('nameZh', 'nameEn', false)}
          {pair('taglineZh', 'taglineEn', false)}
          {pair('introZh', 'introEn', true)}
          <Col span={24}>
            <Form.Item name="heroMediaId" label={t('operator.pavilion.fields.heroMediaId')}>
              <SingleImageUpload initial={pavilion.heroImage ?? null} upload={uploadHero} testId="hero-upload" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submitter.busy} data-testid="save-pavilion">{t('console.save')}</Button>
      </Form>
    </Card>
  );
}
