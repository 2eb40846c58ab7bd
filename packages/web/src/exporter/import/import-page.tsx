import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, sheetFormats, type SheetFormat } from '@pavilion/contracts';
import { hrefOf } from '../../api/client.ts';
import { issuesOfAnswer } from '../../console/form-errors.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';
import { ImportJobView } from './import-job-view.tsx';
import { useImportJob } from './use-import-job.ts';

/** Products in bulk: the template, an export of everything, and an import with its progress and row errors. */
export function ImportPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [format, setFormat] = useState<SheetFormat>('xlsx');
  const { job, failure, starting, start, running } = useImportJob();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('exporter.import.title')}</Typography.Title>
      <Card title={t('exporter.import.sheets')}>
        <Typography.Paragraph type="secondary">{t('exporter.import.sheetsHint')}</Typography.Paragraph>
        <Flex gap={12} wrap align="center">
          <Segmented<SheetFormat> value={format} onChange={setFormat} options={sheetFormats.map((value) => ({ value, label: value.toUpperCase() }))} data-testid="sheet-format" />
          <a href={hrefOf(endpoints.exporter.getCatalogTemplate, { query: { format } })} download data-testid="download-template">
            <Button>{t('exporter.import.template')}</Button>
          </a>
          <a href={hrefOf(endpoints.exporter.exportCatalog, { query: { format } })} download data-testid="download-export">
            <Button>{t('exporter.import.export')}</Button>
          </a>
        </Flex>
      </Card>
      <Card title={t('exporter.import.importTitle')}>
        <Typography.Paragraph type="secondary">{t('exporter.import.importHint')}</Typography.Paragraph>
        <div data-testid="import-upload" style={{ marginBottom: 16 }}>
          <Upload
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            disabled={running}
            customRequest={({ file }) => {
              if (file instanceof Blob) void start(file);
            }}
          >
            <Button type="primary" loading={starting} disabled={running}>{t('exporter.import.choose')}</Button>
          </Upload>
        </div>
        {failure !== null && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="import-failure"
            style={{ marginBottom: 16 }}
            title={errorText(failure, locale)}
            description={issuesOfAnswer(failure, locale).map((issue) => issue.message).join(' ') || undefined}
          />
        )}
        {job !== null && <ImportJobView job={job} />}
      </Card>
    </Space>
  );
}
