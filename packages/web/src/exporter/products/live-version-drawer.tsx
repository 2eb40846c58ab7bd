import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Brand } from '@pavilion/contracts';
import { categoryLabel } from '../../console/category-select.tsx';
import type { CategoryTree } from '../../console/console-api.ts';
import { ProductContentView } from '../../console/product-content-view.tsx';
import { diffContent } from '../../console/content-diff.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import type { ExporterProduct } from '../exporter-api.ts';

type LiveVersionDrawerProps = { product: ExporterProduct; tree: CategoryTree | null; brands: readonly Brand[]; onClose: () => void };

/** The version buyers see now, read-only, with what the edit changes marked. */
export function LiveVersionDrawer({ product, tree, brands, onClose }: LiveVersionDrawerProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const live = product.live;
  if (live === null) return null;
  const brand = brands.find((candidate) => candidate.id === live.content.brandId);
  const changed = product.working === null ? undefined : new Set(diffContent(live.content, product.working.content).map((change) => change.path));
  return (
    <Drawer open size={960} onClose={onClose} title={t('exporter.product.liveTitle', { number: live.number })} data-testid="live-drawer">
      <ProductContentView
        content={live.content}
        images={product.images}
        categoryName={categoryLabel(tree, live.content.categoryId, locale)}
        brandName={brand === undefined ? null : pick(locale, brand.nameZh, brand.nameEn)}
        changed={changed}
      />
    </Drawer>
  );
}
