import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, Flex, Form, Popconfirm, Row, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, type PublicationIssue } from '@pavilion/contracts';
import { api } from '../../api/client.ts';
import { useEndpoint } from '../../api/query.ts';
import { categoryLabel, useCategoryTree } from '../../console/category-select.tsx';
import { diffContent } from '../../console/content-diff.ts';
import { publicationIssuesOf } from '../../console/form-errors.ts';
import { ProductContentView } from '../../console/product-content-view.tsx';
import { ProductStateTags } from '../../console/product-status-tag.tsx';
import { PublicationChecklist } from '../../console/publication-checklist.tsx';
import { ReasonModal } from '../../console/reason-modal.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import type { OperatorProductView } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { ChangesTable } from './changes-table.tsx';
import { ComplianceCard } from './compliance-card.tsx';
import { RequestChangesModal, type ReasonsValues } from './request-changes-modal.tsx';

/** The review: the submitted revision in both languages (against the live one for an edit), the checklist, the decision. */
export function ProductReview({ view, onChanged }: { view: OperatorProductView; onChanged: (view: OperatorProductView) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const tree = useCategoryTree();
  const [form] = Form.useForm<ReasonsValues>();
  const [asking, setAsking] = useState(false);
  const [approving, setApproving] = useState(false);
  const [unpublishing, setUnpublishing] = useState(false);
  const [refused, setRefused] = useState<PublicationIssue[]>([]);
  const { product, exporter } = view;
  const { working, live } = product;
  const underReview = working?.state === 'submitted';
  const content = (working ?? live)?.content;
  const brandId = content?.brandId ?? null;
  // A brand's names, as the storefront shows them (a pending exporter's brand answers 404: its id is shown).
  const brand = useEndpoint(endpoints.store.getBrand, { params: { id: brandId ?? '' } }, { enabled: brandId !== null });
  const changed = useMemo(() => (live !== null && working !== null ? new Set(diffContent(live.content, working.content).map((change) => change.path)) : undefined), [live, working]);

  const addReason = (field: string) => {
    const reasons: ReasonsValues['reasons'] = form.getFieldValue('reasons') ?? [];
    form.setFieldValue('reasons', [...reasons, { field, reason: '' }]);
    setAsking(true);
  };
  const flag = (fields: readonly string[]) =>
    underReview && (
      <Space size={0}>
        {fields.map((field) => (
          <Button key={field} size="small" type="link" onClick={() => addReason(field)} data-testid="flag-field" data-field={field} title={t('operator.review.flag')}>
            {fields.length > 1 ? `✎ ${field.endsWith('Zh') ? '中文' : 'EN'}` : '✎'}
          </Button>
        ))}
      </Space>
    );
  const approve = async () => {
    if (working === null) return;
    setApproving(true);
    try {
      onChanged(await api(endpoints.operator.approveProduct, { params: { id: product.id }, body: { revisionId: working.revisionId } }));
      void message.success(t('operator.review.approved'));
    } catch (error) {
      setRefused(publicationIssuesOf(error));
      void message.error(errorText(error, locale));
    } finally {
      setApproving(false);
    }
  };
  const brandName = brandId !== null && brand.status === 'done' ? pick(locale, brand.data.nameZh, brand.data.nameEn) : brandId;
  const shown = (revision: { content: NonNullable<typeof content> }, marks: boolean) => (
    <ProductContentView
      content={revision.content}
      images={product.images}
      categoryName={categoryLabel(tree.status === 'done' ? tree.data : null, revision.content.categoryId, locale)}
      brandName={brandName}
      changed={marks ? changed : undefined}
      action={marks ? flag : undefined}
    />
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="product-review" data-product-id={product.id}>
      <Link to={operatorPaths.products}>← {t('operator.products.title')}</Link>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>{content ? pick(locale, content.titleZh, content.titleEn) || content.titleEn : product.id}</Typography.Title>
          <Space wrap>
            <Typography.Text type="secondary">{pick(locale, exporter.nameZh, exporter.nameEn)}</Typography.Text>
            <ProductStateTags status={product.status} workingState={working?.state ?? null} />
            {working !== null && <Typography.Text type="secondary">{t('operator.review.revision', { number: working.number })}</Typography.Text>}
          </Space>
        </Space>
        <Space wrap>
          {product.status === 'published' && (
            <Button onClick={() => setUnpublishing(true)} data-testid="operator-unpublish">{t('operator.review.unpublish')}</Button>
          )}
          <Button danger disabled={!underReview} onClick={() => setAsking(true)} data-testid="request-changes">{t('operator.review.requestChanges')}</Button>
          <Popconfirm title={t('operator.review.confirmApprove')} onConfirm={() => void approve()} disabled={!underReview}>
            <Button type="primary" disabled={!underReview} loading={approving} data-testid="approve-product">{t('operator.review.approve')}</Button>
          </Popconfirm>
        </Space>
      </Flex>
      {!underReview && <Alert type="info" showIcon title={t('operator.review.notInReview')} data-testid="not-in-review" />}
      {underReview && live !== null && <Alert type="warning" showIcon title={t('operator.review.isEdit', { live: live.number })} />}
      {refused.length > 0 && <PublicationChecklist issues={refused} title={t('operator.review.refused')} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Tabs
            items={[
              ...(working !== null ? [{ key: 'submitted', label: t('operator.review.submittedTab', { number: working.number }), children: shown(working, true) }] : []),
              ...(working !== null && live !== null ? [{ key: 'changes', label: t('operator.review.changesTab', { count: changed?.size ?? 0 }), children: <ChangesTable live={live.content} working={working.content} /> }] : []),
              ...(live !== null ? [{ key: 'live', label: t('operator.review.liveTab', { number: live.number }), children: shown(live, false) }] : []),
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <ComplianceCard view={view} />
          </div>
        </Col>
      </Row>
      {unpublishing && (
        <ReasonModal
          testId="unpublish-modal"
          title={t('operator.review.unpublishTitle')}
          okText={t('operator.review.unpublish')}
          hint={t('operator.exporter.reasonHint')}
          onClose={() => setUnpublishing(false)}
          onSubmit={async (reason) => {
            const next = await api(endpoints.operator.unpublishProduct, { params: { id: product.id }, body: { reason } });
            setUnpublishing(false);
            void message.success(t('operator.review.unpublished'));
            onChanged(next);
          }}
        />
      )}
      {working !== null && (
        <RequestChangesModal
          open={asking}
          form={form}
          view={view}
          revisionId={working.revisionId}
          onClose={() => setAsking(false)}
          onDone={(next) => {
            setAsking(false);
            void message.success(t('operator.review.changesSent'));
            onChanged(next);
          }}
        />
      )}
    </Space>
  );
}
