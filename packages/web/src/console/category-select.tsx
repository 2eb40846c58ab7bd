import { TreeSelect } from 'antd';
import { endpoints, type Locale } from '@pavilion/contracts';
import { useEndpoint } from '../api/query.ts';
import { useLocale } from '../i18n/face-language.tsx';
import { pick } from '../shared/localized.ts';
import type { CategoryTree } from './console-api.ts';

/** The category tree as the storefront serves it (one request per page that needs it). */
export function useCategoryTree() {
  return useEndpoint(endpoints.store.getCategories, {});
}

/** "Food and beverages / Honey" in the reader's language; the id itself when the tree lacks it. */
export function categoryLabel(tree: CategoryTree | null, id: string, locale: Locale): string {
  for (const root of tree?.items ?? []) {
    if (root.id === id) return pick(locale, root.nameZh, root.nameEn);
    const child = root.children.find((node) => node.id === id);
    if (child !== undefined) return `${pick(locale, root.nameZh, root.nameEn)} / ${pick(locale, child.nameZh, child.nameEn)}`;
  }
  return id;
}

type CategorySelectProps = {
  tree: CategoryTree | null;
  multiple?: boolean;
  /** Set by Form.Item. */
  value?: string | string[] | null;
  onChange?: (value: string | string[]) => void;
  disabled?: boolean;
  testId?: string;
};

/** A tree select of the two-level category tree; a food category is marked so. */
export function CategorySelect({ tree, multiple = false, value, onChange, disabled, testId }: CategorySelectProps) {
  const { locale } = useLocale();
  const treeData = (tree?.items ?? []).map((root) => ({
    value: root.id,
    title: pick(locale, root.nameZh, root.nameEn),
    children: root.children.map((child) => ({ value: child.id, title: pick(locale, child.nameZh, child.nameEn) })),
  }));
  return (
    <TreeSelect
      data-testid={testId}
      treeData={treeData}
      value={value ?? undefined}
      onChange={onChange}
      multiple={multiple}
      disabled={disabled}
      loading={tree === null}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      allowClear={!multiple}
      style={{ width: '100%' }}
    />
  );
}
