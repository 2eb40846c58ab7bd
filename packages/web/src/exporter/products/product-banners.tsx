import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationIssue } from '@pavilion/contracts';
import { PublicationChecklist } from '../../console/publication-checklist.tsx';
import { useFieldLabel } from '../../console/field-label.ts';
import type { ExporterProduct } from '../exporter-api.ts';

type ProductBannersProps = { product: ExporterProduct; issues: readonly PublicationIssue[]; onShowLive: () => void };

/**
 * Where the product stands: the live version and the edit beside it, the review state, the
 * operators' reasons, and the publication rules still failing.
 */
export function ProductBanners({ product, issues, onShowLive }: ProductBannersProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const { live, working, status } = product;
  const showLive = live !== null && (
    <Button size="small" onClick={onShowLive} data-testid="show-live">
      {t('exporter.product.showLive', { number: live.number })}
    </Button>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="product-banners">
      {live !== null && working !== null && (
        <Alert type="info" showIcon data-testid="live-and-working" title={t('exporter.product.liveStaysOnSale', { live: live.number, working: working.number })} action={showLive} />
      )}
      {live !== null && working === null && status === 'published' && (
        <Alert type="success" showIcon title={t('exporter.product.editingLive')} action={showLive} />
      )}
      {status === 'unpublished' && (
        <Alert
          type="warning"
          showIcon
          data-testid="unpublished-banner"
          title={t('exporter.product.unpublishedBanner')}
          description={live?.reviewReasons.length ? live.reviewReasons.map((reason) => reason.reason).join(' · ') : undefined}
        />
      )}
      {status === 'archived' && <Alert type="warning" showIcon title={t('exporter.product.archivedBanner')} />}
      {working?.state === 'submitted' && <Alert type="info" showIcon data-testid="in-review" title={t('exporter.product.inReview')} />}
      {working?.state === 'changes_requested' && (
        <Alert
          type="warning"
          showIcon
          data-testid="changes-requested"
          title={t('exporter.product.changesRequested')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {working.reviewReasons.map((reason) => (
                <li key={`${reason.field}:${reason.reason}`} data-testid="review-reason" data-field={reason.field}>
                  <strong>{fieldLabel(reason.field)}</strong>: {reason.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {status !== 'archived' && <PublicationChecklist issues={issues} />}
    </Space>
  );
}
