import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoreProduct } from '../../api/client.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { countryLabel } from './country.ts';
import { formatDate, todayInChina } from './dates.ts';
import { Panel } from './section.tsx';

const link = { color: 'var(--adm-color-primary)', textDecoration: 'none' } as const;

/** Who makes it and where it sits: brand, exporter, pavilion and category, each a link. */
export function ProductMaker({ product }: { product: StoreProduct }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { brand, exporter, pavilion, category } = product;
  return (
    <Panel testId="product-maker">
      <table className="pv-table">
        <tbody>
          {brand && (
            <tr>
              <th>{t('store.product.brand')}</th>
              <td><Link to={`/brands/${brand.id}`} data-testid="product-brand" style={link}>{pick(locale, brand.nameZh, brand.nameEn)}</Link></td>
            </tr>
          )}
          <tr>
            <th>{t('store.product.exporter')}</th>
            <td>
              <Link to={`/exporters/${exporter.id}`} data-testid="product-exporter" style={link}>{pick(locale, exporter.nameZh, exporter.nameEn)}</Link>
              <div style={{ fontSize: 12, color: 'var(--adm-color-weak)' }}>{countryLabel(exporter.country, locale)} · {exporter.city}</div>
            </td>
          </tr>
          <tr>
            <th>{t('store.product.pavilion')}</th>
            <td><Link to={`/pavilions/${pavilion.slug}`} style={link}>{pick(locale, pavilion.nameZh, pavilion.nameEn)}</Link></td>
          </tr>
          <tr>
            <th>{t('store.product.category')}</th>
            <td>
              {category.path.map((step, index) => (
                <span key={step.id}>
                  {index > 0 && ' › '}
                  <Link to={`/categories/${step.id}`} style={link}>{pick(locale, step.nameZh, step.nameEn)}</Link>
                </span>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
    </Panel>
  );
}

/** Certifications with their number, issuer and expiry; customs facts (origin, HS code, customs modes). */
export function ProductCompliance({ product }: { product: StoreProduct }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { certifications, hsCode, customsModes, originCountry } = product.content.compliance;
  const today = todayInChina();
  return (
    <Panel title={t('store.product.compliance')} testId="product-compliance">
      {certifications.length > 0 && (
        <ul data-testid="certifications" style={{ listStyle: 'none', margin: '0 0 8px', padding: 0 }}>
          {certifications.map((certification) => {
            const expired = certification.expiresOn !== null && certification.expiresOn < today;
            return (
              <li key={`${certification.type}-${certification.number}`} data-testid="certification" style={{ padding: '6px 0', borderBottom: '1px solid var(--adm-color-border)' }}>
                <Tag color={expired ? 'default' : 'success'} fill="outline" style={{ marginRight: 6 }}>
                  {t(`store.certification.${certification.type}`)}
                </Tag>
                <span style={{ fontSize: 13 }}>{certification.number}</span>
                <div style={{ fontSize: 12, color: expired ? 'var(--adm-color-danger)' : 'var(--adm-color-weak)', marginTop: 4 }}>
                  {certification.issuer && `${certification.issuer} · `}
                  {certification.expiresOn === null
                    ? t('store.certification.noExpiry')
                    : t(expired ? 'store.certification.expiredOn' : 'store.certification.validUntil', { date: formatDate(certification.expiresOn, locale) })}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <table className="pv-table">
        <tbody>
          <tr>
            <th>{t('store.product.originCountry')}</th>
            <td>{countryLabel(originCountry, locale)}</td>
          </tr>
          {hsCode !== '' && (
            <tr>
              <th>{t('store.product.hsCode')}</th>
              <td>{hsCode}</td>
            </tr>
          )}
          {customsModes.length > 0 && (
            <tr>
              <th>{t('store.product.customsModes')}</th>
              <td>{customsModes.map((mode) => t(`store.customsMode.${mode}`)).join(locale === 'zh-CN' ? '、' : ', ')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </Panel>
  );
}
