import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CategoryTreeNode, PavilionSummary } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { ChoiceChips } from './components/choice-chips.tsx';
import { readListingParams, writeListingParams, type ListingParams } from './components/listing-params.ts';
import { ListingToolbar } from './components/listing-toolbar.tsx';
import { ProductFeed } from './components/product-feed.tsx';
import { useCategoryTree, usePavilionList } from './components/store-data.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** A category's products: sub-category chips, sort, a filter drawer (pavilion, country) and endless scroll. */
export function CategoryListingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { locale } = useLocale();
  const tree = useCategoryTree();
  const pavilions = usePavilionList();
  if (tree.status !== 'done' || pavilions.status !== 'done') {
    const failed = tree.status === 'failed' ? tree : pavilions.status === 'failed' ? pavilions : null;
    const retry = () => {
      tree.reload();
      pavilions.reload();
    };
    return (
      <StorePage title={t('store.categories.title')} backTo="/categories">
        {failed === null ? <StoreLoading /> : <StoreError error={failed.error} onRetry={retry} />}
      </StorePage>
    );
  }
  const place = locate(tree.data.items, id);
  if (place === null) return <NotFoundPage />;
  return (
    <StorePage title={pick(locale, place.category.nameZh, place.category.nameEn)} backTo="/categories" share>
      <Listing categoryId={id} root={place.root} pavilions={pavilions.data.items} />
    </StorePage>
  );
}

type Place = { root: CategoryTreeNode; category: { nameZh: string; nameEn: string } };

/** The category and its top-level category (itself when it is one), or null when the tree has no such id. */
function locate(roots: readonly CategoryTreeNode[], id: string): Place | null {
  for (const root of roots) {
    if (root.id === id) return { root, category: root };
    const child = root.children.find((item) => item.id === id);
    if (child) return { root, category: child };
  }
  return null;
}

function Listing({ categoryId, root, pavilions }: { categoryId: string; root: CategoryTreeNode; pavilions: readonly PavilionSummary[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListingParams(searchParams);
  const change = useCallback(
    (values: Partial<ListingParams>) => setSearchParams((current) => writeListingParams(current, values), { replace: true }),
    [setSearchParams],
  );
  const search = searchParams.toString();
  // Sub-categories keep the filters and the sort: going from "Food" to "Honey" narrows the same listing.
  const goTo = (id: string) => void navigate({ pathname: `/categories/${id}`, search }, { replace: true });
  const chips = [
    { value: root.id, label: t('store.listing.all') },
    ...root.children.map((child) => ({ value: child.id, label: pick(locale, child.nameZh, child.nameEn) })),
  ];
  return (
    <>
      {root.children.length > 0 && <ChoiceChips choices={chips} value={categoryId} onChange={goTo} label={t('store.categories.title')} />}
      <ListingToolbar params={params} pavilions={pavilions} onChange={change} />
      <ProductFeed
        query={{ category: categoryId, sort: params.sort, pavilion: params.pavilion, country: params.country }}
        emptyText={t('store.listing.emptyFiltered')}
      />
    </>
  );
}
