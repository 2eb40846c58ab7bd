import { endpoints } from '@pavilion/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Card, Checkbox, Descriptions, Drawer, Empty, Flex, Input, Popconfirm, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { formatBp, formatMoney } from '../../console/money.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { useEndpoint } from '../../api/query.ts';
import { useAttachments } from '../../shared/use-attachments.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { AttachFiles } from './attach-files.tsx';
import type { InquirySummary, InquiryThread } from './trade-api.ts';
import { durationLabel, incotermLabel, quantityLabel } from './trade-format.ts';
import { api, hrefOf, uploadTo } from '../../api/client.ts';

const statusColor = { open: 'blue', quoted: 'green', closed: 'default' } as const;

/** The inquiry inbox (询盘): each inquiry's response timer, the exporter's own response figures, and the threads. */
export function InquiriesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const inbox = useEndpoint(endpoints.exporter.getInquiries, {});
  const [openId, setOpenId] = useState<string | null>(null);
  const units = { d: t('exporter.trade.units.d'), h: t('exporter.trade.units.h'), min: t('exporter.trade.units.min') };

  const timer = (inquiry: InquirySummary) => {
    if (inquiry.firstResponseSeconds !== null) return <Tag color="green">{t('exporter.trade.answeredIn', { time: durationLabel(inquiry.firstResponseSeconds, units) })}</Tag>;
    if (inquiry.waitingSeconds === null) return <Tag>{t('exporter.trade.notAnswered')}</Tag>;
    // Past 48 hours the inquiry counts against the response rate operators see.
    const late = inquiry.waitingSeconds > 48 * 3600;
    return <Tag color={late ? 'red' : 'orange'} data-testid="waiting-timer">{t('exporter.trade.waiting', { time: durationLabel(inquiry.waitingSeconds, units) })}</Tag>;
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.trade.inquiriesTitle')}</Typography.Title>
      {inbox.status === 'loading' && <ConsoleLoading />}
      {inbox.status === 'failed' && <ConsoleError error={inbox.error} loginPath={exporterPaths.login} onRetry={inbox.reload} />}
      {inbox.status === 'done' && (
        <>
          <Flex gap={32} wrap data-testid="response-figures">
            <Statistic title={t('exporter.trade.figures.inquiries')} value={inbox.data.figures.inquiries} />
            <Statistic title={t('exporter.trade.figures.responseRate')} value={inbox.data.figures.responseRateBp === null ? '—' : formatBp(inbox.data.figures.responseRateBp)} />
            <Statistic
              title={t('exporter.trade.figures.medianResponse')}
              value={inbox.data.figures.medianResponseSeconds === null ? '—' : durationLabel(inbox.data.figures.medianResponseSeconds, units)}
            />
          </Flex>
          <Typography.Text type="secondary">{t('exporter.trade.figures.note')}</Typography.Text>
          <Table<InquirySummary>
            rowKey="id"
            dataSource={inbox.data.items}
            pagination={false}
            data-testid="inquiries-table"
            locale={{ emptyText: t('exporter.trade.noInquiries') }}
            onRow={(inquiry) => dataAttributes({ 'data-testid': 'inquiry-row', 'data-id': inquiry.id, 'data-status': inquiry.status })}
            columns={[
              {
                key: 'company',
                title: t('exporter.trade.company'),
                render: (_, inquiry) => (
                  <Space>
                    <Badge count={inquiry.unread} size="small"><span>{locale === 'zh-CN' ? inquiry.company.nameZh : (inquiry.company.nameEn ?? inquiry.company.nameZh)}</span></Badge>
                    {inquiry.company.verified && <Tag color="gold">{t('exporter.trade.verified')}</Tag>}
                  </Space>
                ),
              },
              { key: 'product', title: t('exporter.trade.product'), render: (_, inquiry) => (inquiry.product ? (locale === 'zh-CN' ? inquiry.product.titleZh : inquiry.product.titleEn) : t('exporter.trade.general')) },
              { key: 'quantity', title: t('exporter.trade.quantity'), render: (_, inquiry) => quantityLabel(inquiry.quantity, inquiry.unit, locale) },
              { key: 'status', title: t('exporter.trade.status'), render: (_, inquiry) => <Tag color={statusColor[inquiry.status]}>{t(`exporter.trade.inquiryStatus.${inquiry.status}`)}</Tag> },
              { key: 'timer', title: t('exporter.trade.responseTime'), render: (_, inquiry) => timer(inquiry) },
              { key: 'received', title: t('exporter.trade.received'), render: (_, inquiry) => new Date(inquiry.createdAt).toLocaleString(locale) },
              { key: 'open', title: t('console.actions'), render: (_, inquiry) => <Button size="small" onClick={() => setOpenId(inquiry.id)} data-testid="open-inquiry">{t('exporter.trade.open')}</Button> },
            ]}
          />
        </>
      )}
      {openId !== null && (
        <ThreadDrawer
          inquiryId={openId}
          onClose={() => {
            setOpenId(null);
            inbox.reload();
          }}
        />
      )}
    </Space>
  );
}

function ThreadDrawer({ inquiryId, onClose }: { inquiryId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [thread, setThread] = useState<InquiryThread | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [text, setText] = useState('');
  const [quoted, setQuoted] = useState(false);
  const attachments = useAttachments((file) => uploadTo(endpoints.exporter.uploadTradeFile, file));
  const { run, running } = useAction();

  // Opening the thread is reading it: the importer sees its messages as read.
  const load = useCallback(() => {
    api(endpoints.exporter.readInquiry, { params: { id: inquiryId } }).then(setThread, setFailure);
  }, [inquiryId]);
  useEffect(load, [load]);

  const send = () =>
    run('reply', async () => {
      setThread(await api(endpoints.exporter.sendInquiryMessage, { params: { id: inquiryId }, body: { body: text, quoted, attachmentIds: attachments.ids } }));
      setText('');
      setQuoted(false);
      attachments.clear();
    }, t('exporter.trade.sent'));
  const close = () => run('close', async () => {
    await api(endpoints.exporter.closeInquiry, { params: { id: inquiryId } });
    load();
  }, t('exporter.trade.closed'));

  const inquiry = thread?.inquiry;
  return (
    <Drawer open width={720} onClose={onClose} title={t('exporter.trade.threadTitle')} data-testid="inquiry-thread">
      {failure !== null && <ConsoleError error={failure} loginPath={exporterPaths.login} onRetry={load} />}
      {thread === null && failure === null && <ConsoleLoading />}
      {inquiry && thread && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('exporter.trade.company')}>{inquiry.company.nameZh}{inquiry.company.nameEn ? ` (${inquiry.company.nameEn})` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('exporter.trade.quantity')}>{quantityLabel(inquiry.quantity, inquiry.unit, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('exporter.trade.targetPrice')}>{inquiry.targetPrice ? formatMoney(inquiry.targetPrice.amount, inquiry.targetPrice.currency) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('exporter.trade.incoterm')}>{inquiry.incoterm ? incotermLabel(inquiry.incoterm, locale) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('exporter.trade.destinationPort')}>{inquiry.destinationPort || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('exporter.trade.requiredDate')}>{inquiry.requiredDate ?? '—'}</Descriptions.Item>
          </Descriptions>
          {thread.messages.length === 0 && <Empty />}
          {thread.messages.map((message) => (
            <Card
              key={message.id}
              size="small"
              data-testid="thread-message"
              style={{ marginLeft: message.side === 'exporter' ? 48 : 0, marginRight: message.side === 'company' ? 48 : 0 }}
              title={`${message.authorName} · ${new Date(message.createdAt).toLocaleString(locale)}`}
              extra={message.side === 'exporter' && <Typography.Text type="secondary">{message.readByOther ? t('exporter.trade.read') : t('exporter.trade.unread')}</Typography.Text>}
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{message.body}</Typography.Paragraph>
              {message.attachments.map((file) => (
                <div key={file.id}><a href={hrefOf(endpoints.exporter.getInquiryFile, { params: { id: inquiryId, fileId: file.id } })} data-testid="thread-attachment">{file.fileName}</a></div>
              ))}
            </Card>
          ))}
          {inquiry.status !== 'closed' ? (
            <>
              <Input.TextArea rows={4} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} placeholder={t('exporter.trade.replyPlaceholder')} data-testid="reply-text" />
              <AttachFiles attachments={attachments} />
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Checkbox checked={quoted} onChange={(e) => setQuoted(e.target.checked)} data-testid="reply-quoted">{t('exporter.trade.replyQuoted')}</Checkbox>
                <Space>
                  <Popconfirm title={t('exporter.trade.confirmClose')} onConfirm={() => void close()}>
                    <Button loading={running === 'close'} data-testid="close-inquiry">{t('exporter.trade.close')}</Button>
                  </Popconfirm>
                  <Button type="primary" disabled={text.trim() === '' || attachments.uploading} loading={running === 'reply'} onClick={() => void send()} data-testid="send-reply">{t('exporter.trade.send')}</Button>
                </Space>
              </Flex>
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="inquiry-closed">{t('exporter.trade.isClosed')}</Typography.Text>
          )}
        </Space>
      )}
    </Drawer>
  );
}
