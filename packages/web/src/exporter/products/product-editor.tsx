import { useCallback, useMemo, useRef, useState } from 'react';
import { Anchor, App, Flex, Form, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { endpoints, currencies, productContentSchema, type Brand, type CountryCode, type CurrencyCode, type ProductContent, type PublicationIssue } from '@pavilion/contracts';
import type { CategoryTree } from '../../console/console-api.ts';
import { useFieldLabel } from '../../console/field-label.ts';
import { publicationIssuesOf } from '../../console/form-errors.ts';
import { FormFailure } from '../../console/form-failure.tsx';
import { ProductStateTags } from '../../console/product-status-tag.tsx';
import { useConsoleForm } from '../../console/use-console-form.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import type { ExporterDocument, ExporterProduct } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { LiveVersionDrawer } from './live-version-drawer.tsx';
import { ProductActions, type StatusAction } from './product-actions.tsx';
import { ProductBanners } from './product-banners.tsx';
import { emptyProductValues, formPathOf, toContent, toFormValues, type ProductFormValues } from './product-form-values.ts';
import { ProductNotesContext } from './product-notes.tsx';
import { ProductSections } from './product-sections.tsx';
import { api } from '../../api/client.ts';

/** The endpoint of each status change the exporter can make. */
const statusEndpoints = {
  unpublish: endpoints.exporter.unpublishProduct,
  republish: endpoints.exporter.republishProduct,
  archive: endpoints.exporter.archiveProduct,
} as const;

export type ProductEditorProps = {
  product: ExporterProduct | null;
  defaults: { currency: CurrencyCode; originCountry: CountryCode };
  brands: readonly Brand[];
  tree: CategoryTree | null;
  documents: readonly ExporterDocument[];
  /** The failing publication rules to show (a refused submission's, else the product's own). */
  issues: readonly PublicationIssue[];
  onChanged: (product: ExporterProduct, issues?: PublicationIssue[]) => void;
};

/** The product form with its state, actions and the notes beside its fields. */
export function ProductEditor({ product, defaults, brands, tree, documents, issues, onChanged }: ProductEditorProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const fieldLabel = useFieldLabel();
  const [form] = Form.useForm<ProductFormValues>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [showLive, setShowLive] = useState(false);
  const saved = useRef<ExporterProduct | null>(null);
  const content = product?.working?.content ?? product?.live?.content ?? null;
  const initialValues = useMemo(() => (content === null ? emptyProductValues(defaults) : toFormValues(content)), [content, defaults]);
  const toBody = useCallback(
    (values: ProductFormValues) =>
      toContent(values, {
        required: t('exporter.product.priceRequired'),
        invalid: (currency) => t('exporter.product.priceInvalid', { currency, digits: currencies[currency].digits }),
      }),
    [t],
  );
  const save = useCallback(
    async (body: ProductContent) => {
      saved.current = product === null ? await api(endpoints.exporter.createProduct, { body }) : await api(endpoints.exporter.updateProduct, { params: { id: product.id }, body });
    },
    [product],
  );
  const submitter = useConsoleForm({ form, schema: productContentSchema, action: save, toBody, toFormPath: formPathOf });

  const show = (next: ExporterProduct, nextIssues?: PublicationIssue[]) => {
    // A new product is shown at once, before its address loads: a click meanwhile must act on
    // the product just created, never create it a second time.
    onChanged(next, nextIssues);
    if (product === null) void navigate(exporterPaths.product(next.id), { replace: true });
  };
  const onSave = async () => {
    setBusy('save');
    const ok = await submitter.submit();
    setBusy(null);
    if (ok && saved.current !== null) {
      void message.success(t('exporter.product.saved'));
      show(saved.current);
    }
  };
  const onSubmit = async () => {
    setBusy('submit');
    let current = product;
    if (current === null || dirty) {
      const ok = await submitter.submit();
      current = ok ? saved.current : null;
    }
    if (current === null) return setBusy(null);
    try {
      const submitted = await api(endpoints.exporter.submitProduct, { params: { id: current.id } });
      void message.success(t('exporter.product.submitted'));
      show(submitted);
    } catch (error) {
      const failing = publicationIssuesOf(error);
      void (failing.length > 0 ? message.warning(t('exporter.product.rulesFailed')) : message.error(errorText(error, locale)));
      // What was saved stays saved: show it with the rules the review refused it for.
      if (current !== product || failing.length > 0) show(current, failing.length > 0 ? failing : undefined);
    } finally {
      setBusy(null);
    }
  };
  const onStatus = async (action: StatusAction) => {
    if (product === null) return;
    setBusy(action);
    try {
      const next = await api(statusEndpoints[action], { params: { id: product.id } });
      void message.success(t(`exporter.product.done.${action}`));
      show(next);
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(null);
    }
  };

  const notes = useMemo(() => ({ reasons: product?.working?.reviewReasons ?? [], issues }), [product, issues]);
  return (
    <ProductNotesContext value={notes}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="product-editor" data-product-id={product?.id ?? 'new'}>
        <Flex
          justify="space-between"
          align="center"
          wrap
          gap={12}
          style={{ position: 'sticky', top: 0, zIndex: 10, background: token.colorBgLayout, padding: '8px 0' }}
        >
          <Space orientation="vertical" size={4}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {content?.titleEn || content?.titleZh || t('exporter.product.untitled')}
            </Typography.Title>
            {product !== null && <ProductStateTags status={product.status} workingState={product.working?.state ?? null} />}
          </Space>
          <ProductActions product={product} dirty={dirty} busy={busy} onSave={() => void onSave()} onSubmit={() => void onSubmit()} onStatus={(action) => void onStatus(action)} />
        </Flex>
        {product !== null && <ProductBanners product={product} issues={issues} onShowLive={() => setShowLive(true)} />}
        <Anchor
          direction="horizontal"
          offsetTop={72}
          items={(['texts', 'classification', 'images', 'options', 'variants', 'b2b', 'compliance', 'e-label'] as const).map((key) => ({
            key,
            href: `#product-${key}`,
            title: t(`exporter.product.anchors.${key}`),
          }))}
        />
        <FormFailure failure={submitter.failure} unplaced={submitter.unplaced} label={fieldLabel} />
        <Form<ProductFormValues>
          form={form}
          layout="vertical"
          noValidate
          initialValues={initialValues}
          disabled={product?.status === 'archived'}
          onValuesChange={() => setDirty(true)}
          onFieldsChange={submitter.onFieldsChange}
          data-testid="product-form"
        >
          <ProductSections product={product} brands={brands} tree={tree} documents={documents} />
        </Form>
      </Space>
      {showLive && product !== null && <LiveVersionDrawer product={product} tree={tree} brands={brands} onClose={() => setShowLive(false)} />}
    </ProductNotesContext>
  );
}
