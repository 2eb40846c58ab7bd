import { Card, Col, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductField } from '../product-notes.tsx';

const pairs = [
  { en: 'titleEn', zh: 'titleZh', area: false, maxEn: 120, maxZh: 60 },
  { en: 'subtitleEn', zh: 'subtitleZh', area: false, maxEn: 200, maxZh: 100 },
  { en: 'descriptionEn', zh: 'descriptionZh', area: true, maxEn: 20_000, maxZh: 20_000 },
  { en: 'originStoryEn', zh: 'originStoryZh', area: true, maxEn: 2000, maxZh: 1000 },
] as const;

/** The product's texts in two columns, English | 中文, each pair on one line. */
export function TextsSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('exporter.product.sections.texts')} id="product-texts">
      <Row gutter={24}>
        <Col span={12}>
          <Typography.Title level={5} lang="en">English</Typography.Title>
        </Col>
        <Col span={12}>
          <Typography.Title level={5} lang="zh-CN">中文</Typography.Title>
        </Col>
      </Row>
      {pairs.map((pair) => (
        <Row gutter={24} key={pair.en}>
          {([['en', pair.en, pair.maxEn], ['zh', pair.zh, pair.maxZh]] as const).map(([lang, field, max]) => (
            <Col span={12} key={field}>
              <ProductField
                name={field}
                label={t(`console.fields.${field}`)}
                required={field.startsWith('title')}
                extra={field.startsWith('description') ? t('console.htmlHint') : undefined}
              >
                {pair.area ? (
                  <Input.TextArea name={field} lang={lang === 'zh' ? 'zh-CN' : 'en'} rows={field.startsWith('description') ? 8 : 4} maxLength={max} />
                ) : (
                  <Input name={field} lang={lang === 'zh' ? 'zh-CN' : 'en'} maxLength={max} showCount />
                )}
              </ProductField>
            </Col>
          ))}
        </Row>
      ))}
    </Card>
  );
}
