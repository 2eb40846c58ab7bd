import { useCallback, useEffect, useState } from 'react';
import { Button, Dialog, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { endpoints, incotermNames, tradeUnits } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { formatDateTime } from '../../shared/china-time.ts';
import { errorText } from '../../shared/errors.ts';
import { pick } from '../../shared/localized.ts';
import { useAttachments } from '../../shared/use-attachments.ts';
import { Panel } from '../components/section.tsx';
import { StoreError, StoreLoading, StoreNote, StorePage } from '../store-ui.tsx';
import { AttachFiles } from './attach-files.tsx';
import type { InquiryThread } from './trade-api.ts';
import { api, hrefOf, uploadTo } from '../../api/client.ts';

/** `/trade/inquiries/:id`: one thread with the exporter; opening it is reading it. */
export function InquiryThreadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { locale } = useLocale();
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const [thread, setThread] = useState<InquiryThread | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sendFailure, setSendFailure] = useState<unknown>(null);
  const attachments = useAttachments((file) => uploadTo(endpoints.trade.uploadTradeFile, file));

  const load = useCallback(() => {
    setFailure(null);
    api(endpoints.trade.readInquiry, { params: { id } }).then(setThread, setFailure);
  }, [id]);
  useEffect(load, [load]);

  const send = async () => {
    setBusy(true);
    setSendFailure(null);
    try {
      setThread(await api(endpoints.trade.sendInquiryMessage, { params: { id }, body: { body: text, attachmentIds: attachments.ids } }));
      setText('');
      attachments.clear();
    } catch (error) {
      setSendFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    if (!(await Dialog.confirm({ content: t('store.trade.confirmClose') }))) return;
    try {
      await api(endpoints.trade.closeInquiry, { params: { id } });
      load();
    } catch (error) {
      setSendFailure(error);
    }
  };

  const inquiry = thread?.inquiry;
  return (
    <StorePage title={t('store.trade.threadTitle')} backTo="/trade/inquiries">
      {failure !== null && <StoreError error={failure} onRetry={load} />}
      {thread === null && failure === null && <StoreLoading />}
      {inquiry && thread && (
        <>
          <Panel title={pick(locale, inquiry.exporter.tradingNameZh, inquiry.exporter.tradingNameEn)} testId="thread-summary">
            <p style={{ margin: 0, fontSize: 13, color: 'var(--adm-color-weak)' }}>
              {inquiry.product ? `${pick(locale, inquiry.product.titleZh, inquiry.product.titleEn)} · ` : ''}
              {inquiry.quantity} {tradeUnits[inquiry.unit][lang]}
              {inquiry.incoterm ? ` · ${inquiry.incoterm} ${incotermNames[inquiry.incoterm][lang]}` : ''}
              {' · '}
              <span data-testid="thread-status">{t(`store.trade.status.${inquiry.status}`)}</span>
            </p>
          </Panel>
          {thread.messages.map((message) => (
            <div
              key={message.id}
              data-testid="thread-message"
              data-side={message.side}
              style={{
                margin: '8px 0',
                marginLeft: message.side === 'company' ? 40 : 0,
                marginRight: message.side === 'exporter' ? 40 : 0,
                padding: 12,
                borderRadius: 8,
                background: message.side === 'company' ? 'var(--adm-color-primary-light, #e6f0ff)' : 'var(--adm-color-background)',
              }}
            >
              <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>
                {message.authorName} · {formatDateTime(message.createdAt)}
                {message.side === 'company' && ` · ${message.readByOther ? t('store.trade.read') : t('store.trade.unread')}`}
              </div>
              <p style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{message.body}</p>
              {message.attachments.map((file) => (
                <a key={file.id} href={hrefOf(endpoints.trade.getInquiryFile, { params: { id, fileId: file.id } })} data-testid="thread-attachment" style={{ display: 'block', fontSize: 13 }}>{file.fileName}</a>
              ))}
            </div>
          ))}
          {inquiry.status !== 'closed' ? (
            <Panel>
              <TextArea value={text} onChange={setText} rows={3} maxLength={4000} placeholder={t('store.trade.replyPlaceholder')} data-testid="thread-reply" />
              <AttachFiles attachments={attachments} />
              {sendFailure !== null && <StoreNote tone="danger">{errorText(sendFailure, locale)}</StoreNote>}
              <Button block color="primary" disabled={text.trim() === '' || attachments.uploading} loading={busy} onClick={() => void send()} data-testid="thread-send" style={{ marginTop: 8 }}>
                {t('store.trade.send')}
              </Button>
              <Button block fill="none" onClick={() => void close()} data-testid="thread-close" style={{ marginTop: 4 }}>
                {t('store.trade.close')}
              </Button>
            </Panel>
          ) : (
            <StoreNote tone="info">{t('store.trade.isClosed')}</StoreNote>
          )}
        </>
      )}
    </StorePage>
  );
}
