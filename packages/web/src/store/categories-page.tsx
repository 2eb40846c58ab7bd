import { useState } from 'react';
import { SideBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CategoryTreeNode } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import { useCategoryTree } from './components/store-data.ts';
import { StoreError, StoreLoading, StorePage } from './store-ui.tsx';

/** The category tree: top-level categories on the side, the chosen one's sub-categories beside them. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  return (
    <StorePage title={t('store.categories.title')} backTo="/">
      {categories.status === 'loading' && <StoreLoading />}
      {categories.status === 'failed' && <StoreError error={categories.error} onRetry={categories.reload} />}
      {categories.status === 'done' && <CategoryTree roots={categories.data.items} />}
    </StorePage>
  );
}

function CategoryTree({ roots }: { roots: readonly CategoryTreeNode[] }) {
  const { locale } = useLocale();
  const [activeId, setActiveId] = useState(roots[0]?.id ?? '');
  const active = roots.find((root) => root.id === activeId) ?? roots[0];
  if (active === undefined) return null;
  return (
    <div style={{ display: 'flex', margin: -12, minHeight: 'calc(100vh - 45px)' }}>
      <SideBar activeKey={active.id} onChange={setActiveId} style={{ '--width': '96px', flex: 'none' }}>
        {roots.map((root) => (
          <SideBar.Item key={root.id} title={pick(locale, root.nameZh, root.nameEn)} />
        ))}
      </SideBar>
      <div style={{ flex: 1, minWidth: 0, padding: 12, background: 'var(--adm-color-background)' }}>
        <CategoryChildren root={active} />
      </div>
    </div>
  );
}

function CategoryChildren({ root }: { root: CategoryTreeNode }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = pick(locale, root.nameZh, root.nameEn);
  const tile = {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: 48,
    padding: '6px 4px',
    borderRadius: 6,
    fontSize: 13,
    textAlign: 'center',
    background: 'var(--adm-color-fill-content)',
  } as const;
  return (
    <>
      <Link to={`/categories/${root.id}`} data-testid="category-link" className="pv-link" style={{ display: 'block', fontSize: 15, fontWeight: 600, marginBottom: 12 }}>
        {t('store.categories.all', { name })} ›
      </Link>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}>
        {root.children.map((child) => (
          <Link key={child.id} to={`/categories/${child.id}`} data-testid="category-link" className="pv-link" style={tile}>
            {pick(locale, child.nameZh, child.nameEn)}
          </Link>
        ))}
      </div>
    </>
  );
}
