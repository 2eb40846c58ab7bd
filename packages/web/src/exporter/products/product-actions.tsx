import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExporterProduct } from '../exporter-api.ts';

export type StatusAction = 'unpublish' | 'republish' | 'archive';

type ProductActionsProps = {
  product: ExporterProduct | null;
  dirty: boolean;
  busy: string | null;
  onSave: () => void;
  onSubmit: () => void;
  onStatus: (action: StatusAction) => void;
};

/**
 * Save, submit for review, and the status changes the product's state allows (the server's
 * transition table decides; these only hide what would certainly be refused).
 */
export function ProductActions({ product, dirty, busy, onSave, onSubmit, onStatus }: ProductActionsProps) {
  const { t } = useTranslation();
  const status = product?.status ?? 'draft';
  const working = product?.working?.state ?? null;
  const archived = status === 'archived';
  const canSubmit = !archived && (product === null || dirty || working === 'draft' || working === 'changes_requested');
  const canArchive = product !== null && (status === 'draft' || status === 'changes_requested' || status === 'unpublished');
  return (
    <Space wrap>
      <Button onClick={onSave} loading={busy === 'save'} disabled={archived || busy !== null} data-testid="save-product">
        {t('exporter.product.save')}
      </Button>
      <Button type="primary" onClick={onSubmit} loading={busy === 'submit'} disabled={!canSubmit || busy !== null} data-testid="submit-product">
        {t('exporter.product.submit')}
      </Button>
      {status === 'published' && (
        <Popconfirm title={t('exporter.product.confirmUnpublish')} onConfirm={() => onStatus('unpublish')}>
          <Button loading={busy === 'unpublish'} disabled={busy !== null} data-testid="unpublish-product">{t('exporter.product.unpublish')}</Button>
        </Popconfirm>
      )}
      {status === 'unpublished' && product?.live !== null && (
        <Button onClick={() => onStatus('republish')} loading={busy === 'republish'} disabled={busy !== null} data-testid="republish-product">
          {t('exporter.product.republish')}
        </Button>
      )}
      {canArchive && (
        <Popconfirm title={t('exporter.product.confirmArchive')} onConfirm={() => onStatus('archive')}>
          <Button danger loading={busy === 'archive'} disabled={busy !== null} data-testid="archive-product">{t('exporter.product.archive')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
