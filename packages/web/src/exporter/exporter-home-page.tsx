import { endpoints } from '@pavilion/contracts';
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ExporterProfile } from '../api/client.ts';
import { ConsoleError, ConsoleLoading } from '../console/console-feedback.tsx';
import { ExporterStatusTag } from '../console/exporter-status-tag.tsx';
import { useLocale } from '../i18n/face-language.tsx';
import { countryName, countryNames, pick } from '../shared/localized.ts';
import { useEndpoint } from '../api/query.ts';
import { exporterPaths } from './exporter-paths.ts';

/** The signed-in member's exporter, its pavilion and its team (403 for accounts of other roles). */
export function ExporterHomePage() {
  const profile = useEndpoint(endpoints.exporter.getProfile, {});
  if (profile.status === 'loading') return <ConsoleLoading />;
  if (profile.status === 'failed') {
    return <ConsoleError error={profile.error} loginPath={exporterPaths.login} onRetry={profile.reload} />;
  }
  return <ExporterProfileView profile={profile.data} />;
}

function ExporterProfileView({ profile }: { profile: ExporterProfile }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { exporter, pavilion, members } = profile;
  const none = t('common.none');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)} data-testid="exporter-profile">
        <Descriptions
          title={t('exporter.home.exporter')}
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'tradingNameEn', label: t('exporter.home.tradingNameEn'), children: exporter.tradingNameEn },
            { key: 'tradingNameZh', label: t('exporter.home.tradingNameZh'), children: exporter.tradingNameZh },
            { key: 'legalName', label: t('exporter.home.legalName'), children: exporter.legalName },
            { key: 'country', label: t('exporter.home.country'), children: countryName(exporter.country, locale) },
            { key: 'city', label: t('exporter.home.city'), children: exporter.city },
            { key: 'status', label: t('exporter.home.status'), children: <ExporterStatusTag status={exporter.status} /> },
          ]}
        />
      </Card>
      <Card title={t('exporter.home.pavilion')} data-testid="exporter-pavilion">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'name',
              label: t('exporter.home.pavilionName'),
              children: (
                <Space size="small" wrap>
                  <span>{pick(locale, pavilion.nameZh, pavilion.nameEn)}</span>
                  <Typography.Text type="secondary">{pick(locale, pavilion.nameEn, pavilion.nameZh)}</Typography.Text>
                </Space>
              ),
            },
            { key: 'tagline', label: t('exporter.home.tagline'), children: pick(locale, pavilion.taglineZh, pavilion.taglineEn) },
            { key: 'countries', label: t('exporter.home.countries'), children: countryNames(pavilion.countries, locale) },
            { key: 'exporterCount', label: t('exporter.home.exporterCount'), children: pavilion.exporterCount },
          ]}
        />
      </Card>
      <Card title={t('exporter.home.team')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={members}
          data-testid="exporter-members"
          columns={[
            {
              key: 'displayName',
              title: t('exporter.home.memberName'),
              dataIndex: 'displayName',
              render: (name: string) => <Typography.Text>{name}</Typography.Text>,
            },
            { key: 'email', title: t('exporter.home.memberEmail'), render: (_, member) => member.email ?? none },
          ]}
        />
      </Card>
    </Space>
  );
}
