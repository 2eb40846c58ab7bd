import { Button, Card, Col, Flex, Form, Input, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProductField } from '../product-notes.tsx';

/** At most 3 options (colour, size…), each with up to 30 values, named in both languages. */
const maxOptions = 3;

export function OptionsSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('exporter.product.sections.options')} id="product-options">
      <Typography.Paragraph type="secondary">{t('exporter.product.options.hint')}</Typography.Paragraph>
      <Form.List name="options">
        {(options, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {options.map((option) => (
              <Card key={option.key} size="small" data-testid="product-option" extra={<Button size="small" danger onClick={() => remove(option.name)}>{t('console.remove')}</Button>}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <ProductField name={[option.name, 'nameEn']} notePath={`options.${option.name}.nameEn`} label={t('console.fields.optionsNameEn')} required>
                      <Input name={`options.${option.name}.nameEn`} placeholder="Colour" />
                    </ProductField>
                  </Col>
                  <Col xs={24} md={12}>
                    <ProductField name={[option.name, 'nameZh']} notePath={`options.${option.name}.nameZh`} label={t('console.fields.optionsNameZh')}>
                      <Input name={`options.${option.name}.nameZh`} placeholder="颜色" />
                    </ProductField>
                  </Col>
                </Row>
                <Form.List name={[option.name, 'values']}>
                  {(values, valueOps) => (
                    <>
                      {values.map((value) => (
                        <Flex key={value.key} gap={8} align="start">
                          <ProductField name={[value.name, 'en']} notePath={`options.${option.name}.values.${value.name}.en`} style={{ flex: 1 }}>
                            <Input placeholder={t('console.fields.optionsValuesEn')} aria-label={t('console.fields.optionsValuesEn')} />
                          </ProductField>
                          <ProductField name={[value.name, 'zh']} notePath={`options.${option.name}.values.${value.name}.zh`} style={{ flex: 1 }}>
                            <Input placeholder={t('console.fields.optionsValuesZh')} aria-label={t('console.fields.optionsValuesZh')} />
                          </ProductField>
                          <Button onClick={() => valueOps.remove(value.name)} aria-label={t('console.remove')}>✕</Button>
                        </Flex>
                      ))}
                      <Button size="small" onClick={() => valueOps.add({ en: '', zh: '' })}>{t('exporter.product.options.addValue')}</Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button onClick={() => add({ nameEn: '', nameZh: '', values: [{ en: '', zh: '' }] })} disabled={options.length >= maxOptions} data-testid="add-option">
              {t('exporter.product.options.add')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  );
}
