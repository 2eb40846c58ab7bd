import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredProductContent } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { useFieldLabel } from './field-label.ts';
import { RichText } from './rich-text.tsx';

/** A row in both languages, or in one only (`single`: tags, the Chinese e-label) spanning both columns. */
type Row = { key: string; fields: string[]; en: ReactNode; zh: ReactNode; single?: 'en' | 'zh' };

export type FieldMarks = {
  /** Paths the edit changed: their rows are marked. */
  changed?: ReadonlySet<string>;
  /** Something to put beside a row (the reviewer's "request a change"). */
  action?: (fields: readonly string[]) => ReactNode;
};

const plain = (text: string, none: string) => (text.trim() === '' ? <Typography.Text type="secondary">{none}</Typography.Text> : text);

export function isChanged(changed: ReadonlySet<string> | undefined, fields: readonly string[]): boolean {
  if (changed === undefined) return false;
  return [...changed].some((path) => fields.some((field) => path === field || path.startsWith(`${field}.`)));
}

/** The texts of a product in both languages side by side, the reader's language first. */
export function BilingualContent({ content, changed, action }: { content: StoredProductContent } & FieldMarks) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldLabel = useFieldLabel();
  const none = t('common.none');
  const label = content.eLabel;
  const rows: Row[] = [
    { key: 'title', fields: ['titleEn', 'titleZh'], en: plain(content.titleEn, none), zh: plain(content.titleZh, none) },
    { key: 'subtitle', fields: ['subtitleEn', 'subtitleZh'], en: plain(content.subtitleEn, none), zh: plain(content.subtitleZh, none) },
    { key: 'description', fields: ['descriptionEn', 'descriptionZh'], en: <RichText html={content.descriptionEn} />, zh: <RichText html={content.descriptionZh} /> },
    { key: 'originStory', fields: ['originStoryEn', 'originStoryZh'], en: plain(content.originStoryEn, none), zh: plain(content.originStoryZh, none) },
    ...content.options.map((option, i) => ({
      key: `options.${i}`,
      fields: [`options.${i}`],
      en: `${option.nameEn}: ${option.values.map((value) => value.en).join(', ')}`,
      zh: `${option.nameZh}：${option.values.map((value) => value.zh).join('、')}`,
    })),
    { key: 'tags', fields: ['tags'], en: content.tags.join(', ') || none, zh: content.tags.join(', ') || none, single: 'en' },
    ...(['nameZh', 'ingredientsZh', 'originZh', 'netContentZh', 'shelfLifeZh', 'storageZh', 'importerZh'] as const).map((key) => ({
      key: `eLabel.${key}`,
      fields: [`eLabel.${key}`],
      en: plain(label[key], none),
      zh: plain(label[key], none),
      single: 'zh' as const,
    })),
  ];
  const rowLabel = (row: Row) => (row.key.startsWith('options.') ? fieldLabel(row.key) : fieldLabel(row.fields.length > 1 ? row.key : row.fields[0] ?? row.key));
  // A one-language row spans both columns: the first column takes it, the second steps aside.
  const first = locale === 'zh-CN' ? 'zh' : 'en';
  const span = (column: 'en' | 'zh') => (row: Row) => (row.single === undefined ? {} : { colSpan: column === first ? 2 : 0 });
  const zhColumn = { key: 'zh', title: '中文', width: '40%', onCell: span('zh'), render: (_: unknown, row: Row) => <span lang={row.single ?? 'zh-CN'}>{row.single === 'en' ? row.en : row.zh}</span> };
  const enColumn = { key: 'en', title: 'English', width: '40%', onCell: span('en'), render: (_: unknown, row: Row) => <span lang={row.single === 'zh' ? 'zh-CN' : 'en'}>{row.single === 'zh' ? row.zh : row.en}</span> };
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      bordered
      data-testid="bilingual-content"
      dataSource={rows}
      rowClassName={(row) => (isChanged(changed, row.fields) ? 'content-changed' : '')}
      onRow={(row) => ({ 'data-field': row.fields.join(' '), style: isChanged(changed, row.fields) ? { background: '#fffbe6' } : undefined })}
      columns={[
        {
          key: 'field',
          title: t('console.content.field'),
          width: '20%',
          render: (_, row) => (
            <>
              <Typography.Text strong>{rowLabel(row)}</Typography.Text>
              {isChanged(changed, row.fields) && <div><Typography.Text type="warning">{t('console.content.changed')}</Typography.Text></div>}
              {action && <div>{action(row.fields)}</div>}
            </>
          ),
        },
        ...(locale === 'zh-CN' ? [zhColumn, enColumn] : [enColumn, zhColumn]),
      ]}
    />
  );
}
