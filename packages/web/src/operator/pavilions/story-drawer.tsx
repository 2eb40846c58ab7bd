import { useCallback } from 'react';
import { Button, Col, Drawer, Form, Input, InputNumber, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, storyInputSchema, type OperatorStory, type StoryInput } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { SingleImageUpload } from '../../console/single-image-upload.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { api, uploadTo } from '../../api/client.ts';

type StoryValues = StoryInput;

const textPairs = [
  { zh: 'titleZh', en: 'titleEn', area: 0 },
  { zh: 'summaryZh', en: 'summaryEn', area: 3 },
  { zh: 'bodyZh', en: 'bodyEn', area: 14 },
] as const;

/** Write a story (story null) or edit one: slug, titles, summaries, bodies (rich text), cover, position. */
export function StoryDrawer({ pavilionId, story, onClose, onSaved }: { pavilionId: string; story: OperatorStory | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StoryValues>();
  const save = useCallback(
    async (body: StoryInput) => {
      if (story === null) await api(endpoints.operator.createPavilionStory, { params: { id: pavilionId }, body });
      else await api(endpoints.operator.updatePavilionStory, { params: { id: pavilionId, storyId: story.id }, body });
      onSaved();
    },
    [pavilionId, story, onSaved],
  );
  const submitter = useConsoleForm({ form, schema: storyInputSchema, action: save });
  const uploadCover = useCallback((file: Blob) => uploadTo(endpoints.operator.uploadPavilionMedia, file, { params: { id: pavilionId } }), [pavilionId]);
  const initialValues: StoryValues = {
    slug: story?.slug ?? '',
    titleEn: story?.titleEn ?? '',
    titleZh: story?.titleZh ?? '',
    summaryEn: story?.summaryEn ?? '',
    summaryZh: story?.summaryZh ?? '',
    bodyEn: story?.bodyEn ?? '',
    bodyZh: story?.bodyZh ?? '',
    coverMediaId: story?.coverMediaId ?? null,
    position: story?.position ?? 0,
  };
  return (
    <Drawer
      open
      size={960}
      title={story === null ? t('operator.stories.create') : t('operator.stories.editTitle', { title: story.titleZh })}
      onClose={onClose}
      data-testid="story-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('console.cancel')}</Button>
          <Button type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-story">{t('console.save')}</Button>
        </Space>
      }
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<StoryValues> form={form} layout="vertical" initialValues={initialValues} onFieldsChange={submitter.onFieldsChange}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="slug" label={t('operator.stories.slug')} required extra={t('operator.categories.slugHint')}>
              <Input name="slug" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="position" label={t('operator.stories.position')}>
              <InputNumber min={0} max={10_000} precision={0} />
            </Form.Item>
          </Col>
          {textPairs.map((pair) =>
            [pair.zh, pair.en].map((field) => (
              <Col xs={24} md={12} key={field}>
                <Form.Item name={field} label={t(`operator.stories.fields.${field}`)} required={pair.area === 0} extra={pair.area > 3 ? t('console.htmlHint') : undefined}>
                  {pair.area === 0 ? <Input name={field} /> : <Input.TextArea name={field} rows={pair.area} />}
                </Form.Item>
              </Col>
            )),
          )}
          <Col span={24}>
            <Form.Item name="coverMediaId" label={t('operator.stories.cover')}>
              <SingleImageUpload initial={story?.coverImage ?? null} upload={uploadCover} testId="cover-upload" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
