import { useCallback } from 'react';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, categoryCreateSchema, categoryUpdateSchema, type CategoryNode } from '@pavilion/contracts';
import { FormFailure } from '../../console/form-failure.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { api } from '../../api/client.ts';

type CategoryValues = { slug: string; nameEn: string; nameZh: string; isFood: boolean; position: number | null };

/** What the modal does: add a root, add a child under a root, or edit a category. */
export type CategoryEditing = { mode: 'create'; parent: CategoryNode | null } | { mode: 'edit'; category: CategoryNode };

export function CategoryModal({ editing, onClose, onSaved }: { editing: CategoryEditing; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CategoryValues>();
  const creating = editing.mode === 'create';
  const parentId = editing.mode === 'create' ? (editing.parent?.id ?? null) : null;
  const toBody = useCallback(
    (values: CategoryValues) => ({
      body: creating
        ? { slug: values.slug, nameEn: values.nameEn, nameZh: values.nameZh, parentId, isFood: values.isFood }
        : { nameEn: values.nameEn, nameZh: values.nameZh, isFood: values.isFood, position: values.position },
      issues: [],
    }),
    [creating, parentId],
  );
  const save = useCallback(
    async (body: unknown) => {
      if (editing.mode === 'create') await api(endpoints.operator.createCategory, { body: categoryCreateSchema.parse(body) });
      else await api(endpoints.operator.updateCategory, { params: { id: editing.category.id }, body: categoryUpdateSchema.parse(body) });
      onSaved();
    },
    [editing, onSaved],
  );
  const submitter = useConsoleForm({ form, schema: creating ? categoryCreateSchema : categoryUpdateSchema, action: save, toBody });
  const current = editing.mode === 'edit' ? editing.category : null;
  const initialValues: CategoryValues = {
    slug: current?.slug ?? '',
    nameEn: current?.nameEn ?? '',
    nameZh: current?.nameZh ?? '',
    isFood: current?.isFood ?? (editing.mode === 'create' ? (editing.parent?.isFood ?? false) : false),
    position: current?.position ?? 0,
  };
  const title = current !== null ? t('operator.categories.editTitle', { name: current.nameZh }) : parentId === null ? t('operator.categories.createRoot') : t('operator.categories.createChild');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('console.cancel')}</Button>,
        <Button key="save" type="primary" loading={submitter.busy} onClick={() => void submitter.submit()} data-testid="save-category">{t('console.save')}</Button>,
      ]}
    >
      <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} />
      <Form<CategoryValues> form={form} layout="vertical" initialValues={initialValues} onFieldsChange={submitter.onFieldsChange}>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="slug" label={t('operator.categories.slug')} extra={creating ? t('operator.categories.slugHint') : undefined} required>
              <Input name="slug" disabled={!creating} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameZh" label={t('operator.categories.nameZh')} required>
              <Input name="nameZh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('operator.categories.nameEn')} required>
              <Input name="nameEn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isFood" label={t('operator.categories.isFood')} valuePropName="checked" extra={t('operator.categories.foodHint')}>
              <Switch />
            </Form.Item>
          </Col>
          {!creating && (
            <Col xs={24} md={12}>
              <Form.Item name="position" label={t('operator.categories.position')}>
                <InputNumber min={0} max={10_000} precision={0} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
