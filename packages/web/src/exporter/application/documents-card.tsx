import { useState } from 'react';
import { Button, Card, Popconfirm, Select, Space, Table, Tooltip, Upload, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, documentKinds, type DocumentKind, type ExporterStatus } from '@pavilion/contracts';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { useAction } from '../../console/use-action.ts';
import { useEndpoint } from '../../api/query.ts';
import type { ExporterDocument } from '../exporter-api.ts';
import { exporterPaths } from '../exporter-paths.ts';
import { api, hrefOf, uploadTo } from '../../api/client.ts';

/** The server keeps documents once the exporter is approved: they back the approval. */
const deletable = (status: ExporterStatus) => status === 'pending' || status === 'rejected';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Compliance documents: upload with a kind (PDF, JPEG or PNG up to 10 MB), download, delete while under review. */
export function DocumentsCard({ status }: { status: ExporterStatus }) {
  const { t } = useTranslation();
  const documents = useEndpoint(endpoints.exporter.getDocuments, {});
  const [kind, setKind] = useState<DocumentKind>('export_licence');
  const { run, running } = useAction();
  const uploadFile = (file: Blob) =>
    run('upload', () => uploadTo(endpoints.exporter.uploadDocument, file, { fields: { kind } }), t('exporter.documents.uploaded')).then((ok) => ok && documents.reload());
  const remove = (id: string) => run(`delete:${id}`, () => api(endpoints.exporter.deleteDocument, { params: { id } }), t('exporter.documents.deleted')).then((ok) => ok && documents.reload());
  return (
    <Card
      title={t('exporter.documents.title')}
      data-testid="documents-card"
      extra={
        <Space wrap>
          <Select<DocumentKind>
            value={kind}
            onChange={setKind}
            style={{ minWidth: 220 }}
            aria-label={t('exporter.documents.kind')}
            data-testid="document-kind"
            options={documentKinds.map((value) => ({ value, label: t(`exporter.documents.kinds.${value}`) }))}
          />
          <span data-testid="document-upload">
            <Upload
              accept="application/pdf,image/jpeg,image/png"
              showUploadList={false}
              customRequest={({ file }) => {
                if (file instanceof Blob) void uploadFile(file);
              }}
            >
              <Button type="primary" loading={running === 'upload'}>{t('exporter.documents.upload')}</Button>
            </Upload>
          </span>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('exporter.documents.hint')}</Typography.Paragraph>
      {documents.status === 'loading' && <ConsoleLoading />}
      {documents.status === 'failed' && <ConsoleError error={documents.error} loginPath={exporterPaths.login} onRetry={documents.reload} />}
      {documents.status === 'done' && (
        <Table<ExporterDocument>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={documents.data.items}
          locale={{ emptyText: t('exporter.documents.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'kind', title: t('exporter.documents.kind'), render: (_, doc) => t(`exporter.documents.kinds.${doc.kind}`) },
            { key: 'fileName', title: t('exporter.documents.fileName'), dataIndex: 'fileName' },
            { key: 'size', title: t('exporter.documents.size'), render: (_, doc) => formatBytes(doc.sizeBytes) },
            { key: 'createdAt', title: t('exporter.documents.uploadedAt'), render: (_, doc) => doc.createdAt.slice(0, 10) },
            {
              key: 'actions',
              title: t('console.actions'),
              render: (_, doc) => (
                <Space>
                  <a href={hrefOf(endpoints.exporter.getDocumentFile, { params: { id: doc.id } })} download={doc.fileName} data-testid="document-download">
                    {t('exporter.documents.download')}
                  </a>
                  <Tooltip title={deletable(status) ? undefined : t('exporter.documents.keptOnceApproved')}>
                    <Popconfirm title={t('exporter.documents.confirmDelete')} onConfirm={() => void remove(doc.id)} disabled={!deletable(status)}>
                      <Button size="small" danger disabled={!deletable(status)} loading={running === `delete:${doc.id}`}>
                        {t('console.delete')}
                      </Button>
                    </Popconfirm>
                  </Tooltip>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
