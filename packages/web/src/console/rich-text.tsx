import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Rich text as the server stored it. The server sanitizes every rich-text field before storing it
 * (platform/rich-text.ts: no script, no event handlers, no foreign iframes), so it is shown as HTML.
 */
export function RichText({ html }: { html: string }) {
  const { t } = useTranslation();
  if (html.trim() === '') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <div className="rich-text" style={{ maxHeight: 320, overflow: 'auto' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
