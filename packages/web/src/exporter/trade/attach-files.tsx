import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { attachmentAccept, type useAttachments } from '../../shared/use-attachments.ts';

/** The file picker under a reply: each chosen file is uploaded at once and listed with a remove button. */
export function AttachFiles({ attachments }: { attachments: ReturnType<typeof useAttachments> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { failure } = attachments;
  return (
    <Flex vertical gap={4}>
      <label>
        <Typography.Text type="secondary">{t('exporter.trade.attach')} · {t('exporter.trade.attachHint')}</Typography.Text>
        <input
          type="file"
          multiple
          accept={attachmentAccept}
          disabled={attachments.full}
          data-testid="attach-input"
          style={{ display: 'block', marginTop: 4 }}
          onChange={(event) => {
            const input = event.currentTarget;
            void attachments.add(Array.from(input.files ?? [])).finally(() => {
              input.value = '';
            });
          }}
        />
      </label>
      {attachments.uploading && <Typography.Text type="secondary" data-testid="attach-uploading">{t('exporter.trade.attachUploading')}</Typography.Text>}
      {attachments.files.map((file) => (
        <Flex key={file.id} justify="space-between" align="center" data-testid="attached-file">
          <Typography.Text ellipsis>📎 {file.fileName}</Typography.Text>
          <Button size="small" type="link" danger onClick={() => attachments.remove(file.id)} data-testid="attached-remove" aria-label={t('exporter.trade.attachRemove', { name: file.fileName })}>
            {t('exporter.trade.attachRemoveShort')}
          </Button>
        </Flex>
      ))}
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          title={failure === 'tooLarge' ? t('exporter.trade.attachTooLarge') : failure === 'tooMany' ? t('exporter.trade.attachTooMany') : errorText(failure, locale)}
        />
      )}
    </Flex>
  );
}
