import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CategoryNode } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useCategoryTree } from './store-data.ts';

const tints = ['#e8f3ff', '#fff3e8', '#eafaf1', '#fdeef3', '#f1edff', '#fff9e0', '#e6f7f7', '#f3f3f3'];
const inks = ['#1677ff', '#d46b08', '#389e0d', '#c41d7f', '#531dab', '#ad8b00', '#08979c', '#595959'];

/** The top-level categories as round shortcuts, and a last one to the whole tree. */
export function CategoryShortcuts() {
  const { t } = useTranslation();
  const categories = useCategoryTree();
  // Shortcuts are a convenience: while loading or on failure the home page simply goes without them.
  if (categories.status !== 'done') return null;
  return (
    <nav aria-label={t('store.home.categories')} style={{ display: 'grid', gridTemplateColumns: 'repeat(5, minmax(0, 1fr))', gap: '12px 4px', margin: '8px 0 4px' }}>
      {categories.data.items.map((root, index) => (
        <Shortcut key={root.id} to={`/categories/${root.id}`} category={root} index={index} />
      ))}
      <Shortcut to="/categories" label={t('store.home.allCategories')} symbol="⋯" index={tints.length - 1} />
    </nav>
  );
}

type ShortcutProps = { to: string; index: number } & ({ category: CategoryNode } | { label: string; symbol: string });

function Shortcut(props: ShortcutProps) {
  const { locale } = useLocale();
  const label = 'category' in props ? pick(locale, props.category.nameZh, props.category.nameEn) : props.label;
  const symbol = 'category' in props ? Array.from(label)[0] : props.symbol;
  const tone = props.index % tints.length;
  return (
    <Link to={props.to} data-testid="category-shortcut" className="pv-link" style={{ textAlign: 'center', fontSize: 12 }}>
      <span
        aria-hidden="true"
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 44,
          height: 44,
          margin: '0 auto 4px',
          borderRadius: '50%',
          fontSize: 18,
          fontWeight: 600,
          background: tints[tone],
          color: inks[tone],
        }}
      >
        {symbol}
      </span>
      <span className="pv-clamp-1">{label}</span>
    </Link>
  );
}
