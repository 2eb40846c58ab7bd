import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredProductContent } from '@pavilion/contracts';
import { BilingualContent, type FieldMarks } from './bilingual-content.tsx';
import { ComplianceFacts } from './compliance-facts.tsx';
import { ImageStrip, type ConsoleImage } from './image-strip.tsx';
import { ProductFacts } from './product-facts.tsx';

type ProductContentViewProps = {
  content: StoredProductContent;
  images: readonly ConsoleImage[];
  categoryName: string;
  brandName: string | null;
} & FieldMarks;

/** A product revision read-only: texts in both languages side by side, pictures, variants, terms, compliance. */
export function ProductContentView({ content, images, categoryName, brandName, changed, action }: ProductContentViewProps) {
  const { t } = useTranslation();
  const marks = { changed, action };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="product-content-view">
      <Card size="small" title={t('console.content.texts')}>
        <BilingualContent content={content} {...marks} />
      </Card>
      <Card size="small" title={t('console.fields.imageIds')} extra={action?.(['imageIds'])}>
        <ImageStrip ids={content.imageIds} images={images} />
      </Card>
      <Card size="small" title={t('console.content.offer')}>
        <ProductFacts content={content} categoryName={categoryName} brandName={brandName} {...marks} />
      </Card>
      <Card size="small" title={t('console.fields.compliance')}>
        <ComplianceFacts content={content} {...marks} />
      </Card>
    </Space>
  );
}
