import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConsoleImage } from '../../../console/image-strip.tsx';
import { ProductField } from '../product-notes.tsx';
import { ImageListInput } from './image-list-input.tsx';

export function ImagesSection({ known }: { known: readonly ConsoleImage[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('exporter.product.sections.images')} id="product-images">
      <ProductField name="imageIds" extra={t('exporter.product.images.hint')}>
        <ImageListInput known={known} />
      </ProductField>
    </Card>
  );
}
