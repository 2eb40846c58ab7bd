import { useState } from 'react';
import { Alert, Button, Space, Table, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { endpoints, hsRateImportIssueSchema, type HsRateImportIssue, type HsRateImportResult } from '@pavilion/contracts';
import { isApiError, hrefOf, uploadTo } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { errorText } from '../../shared/errors.ts';

/** The row problems of a refused import (VALIDATION_FAILED details, already in the reader's language). */
function rowProblems(error: unknown): HsRateImportIssue[] {
  if (!isApiError(error, 'VALIDATION_FAILED') || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail: unknown) => {
    const parsed = hsRateImportIssueSchema.safeParse(detail);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Export buttons (CSV, XLSX). */
export function HsRatesExportButtons() {
  const { t } = useTranslation();
  return (
    <>
      <a href={hrefOf(endpoints.operator.exportHsRates, { query: { format: 'csv' } })} download data-testid="hs-export-csv">
        <Button>{t('operator.hsRates.exportCsv')}</Button>
      </a>
      <a href={hrefOf(endpoints.operator.exportHsRates, { query: { format: 'xlsx' } })} download data-testid="hs-export-xlsx">
        <Button>{t('operator.hsRates.exportXlsx')}</Button>
      </a>
    </>
  );
}

/** The upload button and what the import answered: its counts, or every problem by row and column. */
export function HsRatesImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<HsRateImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const send = async (file: Blob) => {
    setSending(true);
    setResult(null);
    setFailure(null);
    try {
      setResult(await uploadTo(endpoints.operator.importHsRates, file));
      onImported();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };
  const problems = rowProblems(failure);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Upload
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={sending}
          customRequest={({ file }) => {
            if (file instanceof Blob) void send(file);
          }}
        >
          <Button loading={sending} data-testid="hs-import">{t('operator.hsRates.import')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('operator.hsRates.importHint')}</Typography.Text>
      </Space>
      {result !== null && <Alert type="success" showIcon data-testid="hs-import-result" title={t('operator.hsRates.imported', result)} />}
      {failure !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="hs-import-failure"
          title={problems.length > 0 ? t('operator.hsRates.importFailed') : errorText(failure, locale)}
          description={
            problems.length > 0 ? (
              <Table<HsRateImportIssue>
                size="small"
                rowKey={(issue) => `${issue.row}:${issue.column}:${issue.rule}`}
                pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                dataSource={problems}
                data-testid="hs-import-problems"
                columns={[
                  { key: 'row', title: t('operator.hsRates.problemRow'), render: (_, issue) => issue.row ?? t('operator.hsRates.problemFile') },
                  { key: 'column', title: t('operator.hsRates.problemColumn'), render: (_, issue) => issue.column ?? '' },
                  { key: 'message', title: t('operator.hsRates.problemMessage'), render: (_, issue) => issue.message },
                ]}
              />
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
