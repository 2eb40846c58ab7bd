import { endpoints } from '@pavilion/contracts';
import { Alert, Card, Descriptions, Flex, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConsoleError, ConsoleLoading } from '../../console/console-feedback.tsx';
import { ExporterStatusTag } from '../../console/exporter-status-tag.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { countryName, pick } from '../../shared/localized.ts';
import { hrefOf } from '../../api/client.ts';
import { useEndpoint, useSetEndpointData } from '../../api/query.ts';
import type { OperatorExporter } from '../operator-api.ts';
import { operatorPaths } from '../operator-paths.ts';
import { ExporterDecision } from './exporter-decision.tsx';

/** One exporter's application, documents and team, with the review decisions. */
export function ExporterReviewPage() {
  const { id = '' } = useParams();
  const loaded = useEndpoint(endpoints.operator.getExporter, { params: { id } });
  const exporter = loaded.status === 'done' ? loaded.data : undefined;
  const setExporter = useSetEndpointData(endpoints.operator.getExporter, { params: { id } });
  if (loaded.status === 'failed') return <ConsoleError error={loaded.error} loginPath={operatorPaths.login} onRetry={loaded.reload} />;
  if (exporter === undefined) return <ConsoleLoading />;
  return <ExporterReview exporter={exporter} onDecided={setExporter} />;
}

function ExporterReview({ exporter, onDecided }: { exporter: OperatorExporter; onDecided: (exporter: OperatorExporter) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const none = t('common.none');
  const text = (value: string | null) => (value === null || value === '' ? none : value);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="exporter-review" data-exporter-id={exporter.id}>
      <Link to={operatorPaths.exporters}>← {t('operator.exporters.title')}</Link>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>{pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}</Typography.Title>
          <Space><Typography.Text type="secondary">{pick(locale, exporter.tradingNameEn, exporter.tradingNameZh)}</Typography.Text><ExporterStatusTag status={exporter.status} /></Space>
        </Space>
        <ExporterDecision exporter={exporter} onDecided={onDecided} />
      </Flex>
      {exporter.reviewReason !== null && <Alert type="warning" showIcon title={t('console.reasonLine', { reason: exporter.reviewReason })} data-testid="exporter-reason" />}
      <Card title={t('operator.exporter.application')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, lg: 2 }}
          items={[
            { key: 'legalName', label: t('exporter.application.fields.legalName'), children: exporter.legalName },
            { key: 'registrationNumber', label: t('exporter.application.fields.registrationNumber'), children: text(exporter.registrationNumber) },
            { key: 'pavilion', label: t('operator.exporters.pavilion'), children: pick(locale, exporter.pavilion.nameZh, exporter.pavilion.nameEn) },
            { key: 'country', label: t('exporter.application.fields.country'), children: `${countryName(exporter.country, locale)} · ${exporter.city}` },
            { key: 'address', label: t('exporter.application.fields.address'), children: text(exporter.address), span: 'filled' },
            { key: 'contact', label: t('exporter.application.fields.contactName'), children: text(exporter.contactName) },
            { key: 'contactEmail', label: t('exporter.application.fields.contactEmail'), children: text(exporter.contactEmail) },
            { key: 'contactPhone', label: t('exporter.application.fields.contactPhone'), children: text(exporter.contactPhone) },
            { key: 'submittedAt', label: t('operator.exporters.submittedAt'), children: exporter.submittedAt?.slice(0, 10) ?? none },
            {
              key: 'categories',
              label: t('exporter.application.fields.categories'),
              span: 'filled',
              children: exporter.categories.map((c) => <Tag key={c.id} color={c.isFood ? 'orange' : undefined}>{pick(locale, c.nameZh, c.nameEn)}{c.isFood ? ` · ${t('operator.exporter.food')}` : ''}</Tag>),
            },
            {
              key: 'gacc',
              label: t('exporter.application.fields.gaccRegistrationNumber'),
              children: exporter.requiresGacc && !exporter.gaccRegistrationNumber ? <Typography.Text type="danger">{t('operator.exporter.gaccMissing')}</Typography.Text> : text(exporter.gaccRegistrationNumber),
            },
            { key: 'manufacturer', label: t('exporter.application.fields.manufacturerName'), children: `${text(exporter.manufacturerName)}${exporter.manufacturerAddress ? ` · ${exporter.manufacturerAddress}` : ''}` },
          ]}
        />
      </Card>
      <Card title={t('exporter.documents.title')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="exporter-documents"
          dataSource={exporter.documents}
          locale={{ emptyText: t('operator.exporter.noDocuments') }}
          columns={[
            { key: 'kind', title: t('exporter.documents.kind'), render: (_, doc) => t(`exporter.documents.kinds.${doc.kind}`) },
            { key: 'fileName', title: t('exporter.documents.fileName'), dataIndex: 'fileName' },
            { key: 'createdAt', title: t('exporter.documents.uploadedAt'), render: (_, doc) => doc.createdAt.slice(0, 10) },
            { key: 'download', title: '', render: (_, doc) => <a href={hrefOf(endpoints.operator.getExporterDocumentFile, { params: { id: exporter.id, docId: doc.id } })} download={doc.fileName} data-testid="document-download">{t('exporter.documents.download')}</a> },
          ]}
        />
      </Card>
      <Card title={t('exporter.home.team')}>
        <List size="small" dataSource={exporter.members} renderItem={(member) => <List.Item>{member.displayName} · {member.email ?? none}</List.Item>} />
      </Card>
    </Space>
  );
}
