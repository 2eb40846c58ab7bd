import { Space } from 'antd';
import type { Brand } from '@pavilion/contracts';
import type { CategoryTree } from '../../console/console-api.ts';
import type { ExporterDocument, ExporterProduct } from '../exporter-api.ts';
import { B2bSection } from './sections/b2b-section.tsx';
import { ClassificationSection } from './sections/classification-section.tsx';
import { ComplianceSection } from './sections/compliance-section.tsx';
import { ELabelSection } from './sections/e-label-section.tsx';
import { ImagesSection } from './sections/images-section.tsx';
import { OptionsSection } from './sections/options-section.tsx';
import { TextsSection } from './sections/texts-section.tsx';
import { VariantsSection } from './sections/variants-section.tsx';

type ProductSectionsProps = { product: ExporterProduct | null; brands: readonly Brand[]; tree: CategoryTree | null; documents: readonly ExporterDocument[] };

/** Every part of the product on one page (all inputs mounted, so every server message finds its field). */
export function ProductSections({ product, brands, tree, documents }: ProductSectionsProps) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <TextsSection />
      <ClassificationSection tree={tree} brands={brands} />
      <ImagesSection known={product?.images ?? []} />
      <OptionsSection />
      <VariantsSection />
      <B2bSection />
      <ComplianceSection documents={documents} />
      <ELabelSection />
    </Space>
  );
}
