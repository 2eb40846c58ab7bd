import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationIssue } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { useFieldLabel } from './field-label.ts';

type PublicationChecklistProps = { issues: readonly PublicationIssue[]; title?: string };

/**
 * The publication rules a product fails, one line each: the rule in the reader's language, the field
 * it concerns, and the server's own sentence (English, with details such as an expiry date). With
 * none left, one line saying the product meets them.
 */
export function PublicationChecklist({ issues, title }: PublicationChecklistProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fieldLabel = useFieldLabel();
  const rules: Partial<Record<string, string>> = t('console.rules', { returnObjects: true });
  // antd's List keys its rows: the "all met" line is a row of its own.
  const rows: { key: string; issue: PublicationIssue | null }[] =
    issues.length === 0 ? [{ key: 'ok', issue: null }] : issues.map((issue, index) => ({ key: `${index}:${issue.rule}`, issue }));
  return (
    <List
      size="small"
      bordered
      data-testid="publication-checklist"
      header={<Typography.Text strong>{title ?? t('console.checklist.title')}</Typography.Text>}
      rowKey="key"
      dataSource={rows}
      renderItem={({ issue }) =>
        issue === null ? (
          <List.Item data-testid="publication-ok">
            <Typography.Text type="success">✓ {t('console.checklist.allMet')}</Typography.Text>
          </List.Item>
        ) : (
          <List.Item data-testid="publication-issue" data-rule={issue.rule} data-field={issue.field}>
            <List.Item.Meta
              title={<Typography.Text type="danger">✗ {rules[issue.rule] ?? issue.rule}</Typography.Text>}
              description={
                <>
                  <Typography.Text code>{fieldLabel(issue.field)}</Typography.Text>
                  {(locale === 'en' || rules[issue.rule] === undefined) && <span> {issue.message}</span>}
                </>
              }
            />
          </List.Item>
        )
      }
    />
  );
}
