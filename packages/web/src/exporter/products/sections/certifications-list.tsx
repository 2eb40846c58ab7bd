import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { certificationTypes } from '@pavilion/contracts';
import type { ExporterDocument } from '../../exporter-api.ts';
import { FieldNotes, ProductField } from '../product-notes.tsx';

const newCertification = { type: 'halal', number: '', issuer: '', expiresOn: '', documentId: null };

/** Certifications with number, issuer, expiry and the uploaded certificate that backs each. */
export function CertificationsList({ documents }: { documents: readonly ExporterDocument[] }) {
  const { t } = useTranslation();
  const certificates = documents.filter((doc) => doc.kind === 'certificate' || doc.kind === 'other');
  return (
    <Form.List name={['compliance', 'certifications']}>
      {(rows, { add, remove }, { errors }) => (
        <>
          <Typography.Title level={5}>{t('console.fields.complianceCertifications')}</Typography.Title>
          <FieldNotes path="compliance.certifications" />
          <Form.ErrorList errors={errors} />
          {rows.map((row) => {
            const path = (field: string) => `compliance.certifications.${row.name}.${field}`;
            return (
              <Row gutter={12} key={row.key} data-testid="certification-row" align="top">
                <Col xs={24} md={4}>
                  <ProductField name={[row.name, 'type']} notePath={path('type')} label={t('console.fields.type')}>
                    <Select options={certificationTypes.map((type) => ({ value: type, label: t(`console.certTypes.${type}`) }))} />
                  </ProductField>
                </Col>
                <Col xs={24} md={5}>
                  <ProductField name={[row.name, 'number']} notePath={path('number')} label={t('console.fields.number')} required>
                    <Input name={path('number')} />
                  </ProductField>
                </Col>
                <Col xs={24} md={5}>
                  <ProductField name={[row.name, 'issuer']} notePath={path('issuer')} label={t('console.fields.issuer')}>
                    <Input name={path('issuer')} />
                  </ProductField>
                </Col>
                <Col xs={24} md={4}>
                  <ProductField name={[row.name, 'expiresOn']} notePath={path('expiresOn')} label={t('console.fields.expiresOn')}>
                    <Input name={path('expiresOn')} type="date" />
                  </ProductField>
                </Col>
                <Col xs={24} md={4}>
                  <ProductField name={[row.name, 'documentId']} notePath={path('documentId')} label={t('console.fields.documentId')}>
                    <Select allowClear options={certificates.map((doc) => ({ value: doc.id, label: doc.fileName }))} notFoundContent={t('exporter.product.compliance.noCertificates')} />
                  </ProductField>
                </Col>
                <Col xs={24} md={2}>
                  <Button style={{ marginTop: 30 }} danger onClick={() => remove(row.name)}>{t('console.remove')}</Button>
                </Col>
              </Row>
            );
          })}
          <Button onClick={() => add(newCertification)} disabled={rows.length >= 20} data-testid="add-certification">
            {t('exporter.product.compliance.addCertification')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
