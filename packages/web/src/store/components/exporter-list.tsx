import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExporterSummary } from '@pavilion/contracts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { countryLabel } from './country.ts';

/** A pavilion's exporters, the featured ones first (in the operator's order), each leading to its page. */
export function ExporterList({ exporters, featuredIds }: { exporters: readonly ExporterSummary[]; featuredIds: readonly string[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const rank = (id: string) => (featuredIds.includes(id) ? featuredIds.indexOf(id) : featuredIds.length);
  const ordered = [...exporters].sort((a, b) => rank(a.id) - rank(b.id));
  return (
    <div style={{ background: 'var(--adm-color-background)', borderRadius: 8, overflow: 'hidden' }}>
      {ordered.map((exporter, index) => (
        <Link
          key={exporter.id}
          to={`/exporters/${exporter.id}`}
          data-testid="store-exporter"
          className="pv-link"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '10px 12px',
            borderTop: index === 0 ? undefined : '1px solid var(--adm-color-border)',
          }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ fontSize: 15 }}>
              {pick(locale, exporter.tradingNameZh, exporter.tradingNameEn)}
              {featuredIds.includes(exporter.id) && (
                <Tag color="warning" fill="outline" style={{ marginLeft: 6 }}>
                  {t('store.pavilion.featuredExporter')}
                </Tag>
              )}
            </div>
            <div className="pv-clamp-1" style={{ fontSize: 12, color: 'var(--adm-color-weak)', marginTop: 2 }}>
              {countryLabel(exporter.country, locale)} · {exporter.city} · {pick(locale, exporter.tradingNameEn, exporter.legalName)}
            </div>
          </div>
          <span aria-hidden="true" style={{ color: 'var(--adm-color-light)' }}>
            ›
          </span>
        </Link>
      ))}
    </div>
  );
}
