import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PavilionSummary } from '@pavilion/contracts';
import { useLocale } from '../i18n/face-language.tsx';
import { countryNames, pick } from '../shared/localized.ts';

export function PavilionCard({ pavilion }: { pavilion: PavilionSummary }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Link
      to={`/pavilions/${pavilion.slug}`}
      data-testid="store-pavilion"
      style={{ display: 'block', color: 'inherit', textDecoration: 'none', marginBottom: 12 }}
    >
      <Card
        title={
          <span>
            {pick(locale, pavilion.nameZh, pavilion.nameEn)}
            <span style={{ color: 'var(--adm-color-weak)', fontWeight: 'normal', fontSize: 13, marginLeft: 8 }}>
              {pick(locale, pavilion.nameEn, pavilion.nameZh)}
            </span>
          </span>
        }
      >
        {pavilion.heroImage && (
          <img
            src={pavilion.heroImage.urls.display}
            alt=""
            loading="lazy"
            style={{ display: 'block', width: '100%', aspectRatio: '2 / 1', objectFit: 'cover', borderRadius: 6, marginBottom: 8 }}
          />
        )}
        <p style={{ margin: '0 0 8px' }}>{pick(locale, pavilion.taglineZh, pavilion.taglineEn)}</p>
        <div style={{ color: 'var(--adm-color-weak)', fontSize: 13, display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span>{countryNames(pavilion.countries, locale)}</span>
          <span style={{ flex: 'none' }}>{t('store.pavilion.exporterCount', { count: pavilion.exporterCount })}</span>
        </div>
      </Card>
    </Link>
  );
}
