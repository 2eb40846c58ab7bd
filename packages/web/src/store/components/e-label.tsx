import { useTranslation } from 'react-i18next';
import type { StoreProduct } from '../../api/client.ts';
import { Panel } from './section.tsx';

const fields = ['nameZh', 'ingredientsZh', 'originZh', 'netContentZh', 'shelfLifeZh', 'storageZh', 'importerZh'] as const;

/**
 * The Chinese electronic label (the label an imported product must carry in Chinese, GB 7718 for
 * food): always in Chinese, whatever the page's language; only the headings follow the language.
 */
export function ELabel({ label }: { label: StoreProduct['content']['eLabel'] }) {
  const { t } = useTranslation();
  const rows = fields.filter((field) => label[field].trim() !== '');
  if (rows.length === 0) return null;
  return (
    <Panel title={t('store.eLabel.title')} testId="e-label">
      <table className="pv-table" lang="zh-CN">
        <tbody>
          {rows.map((field) => (
            <tr key={field} data-field={field}>
              <th>{t(`store.eLabel.${field}`)}</th>
              <td>{label[field]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
