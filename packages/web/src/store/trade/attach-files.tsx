import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { attachmentAccept, type useAttachments } from '../../shared/use-attachments.ts';
import { StoreNote } from '../store-ui.tsx';

/** The file picker under a message: each chosen file is uploaded at once and listed with a remove button. */
export function AttachFiles({ attachments }: { attachments: ReturnType<typeof useAttachments> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { failure } = attachments;
  return (
    <div style={{ marginTop: 8 }}>
      <label style={{ display: 'block', fontSize: 13, color: 'var(--adm-color-weak)' }}>
        {t('store.trade.attach')} · {t('store.trade.attachHint')}
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
      {attachments.uploading && <p style={{ margin: '4px 0', fontSize: 13 }} data-testid="attach-uploading">{t('store.trade.attachUploading')}</p>}
      {attachments.files.map((file) => (
        <div key={file.id} data-testid="attached-file" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 13, marginTop: 4 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>📎 {file.fileName}</span>
          <Button size="mini" fill="none" color="danger" onClick={() => attachments.remove(file.id)} data-testid="attached-remove" aria-label={t('store.trade.attachRemove', { name: file.fileName })}>
            {t('store.trade.attachRemoveShort')}
          </Button>
        </div>
      ))}
      {failure !== null && (
        <StoreNote tone="danger">
          {failure === 'tooLarge' ? t('store.trade.attachTooLarge') : failure === 'tooMany' ? t('store.trade.attachTooMany') : errorText(failure, locale)}
        </StoreNote>
      )}
    </div>
  );
}
