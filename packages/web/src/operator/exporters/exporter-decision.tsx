import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../console/reason-modal.tsx';
import { useAction } from '../../console/use-action.ts';
import type { OperatorExporter } from '../operator-api.ts';
import { api } from '../../api/client.ts';

type Asking = 'reject' | 'suspend' | null;

/** The decisions the exporter's status allows: approve or reject a pending one, suspend an approved one, reinstate a suspended one. */
export function ExporterDecision({ exporter, onDecided }: { exporter: OperatorExporter; onDecided: (exporter: OperatorExporter) => void }) {
  const { t } = useTranslation();
  const { run, running } = useAction();
  const [asking, setAsking] = useState<Asking>(null);
  const decide = (key: string, action: () => Promise<OperatorExporter>, done: string) =>
    run(key, async () => onDecided(await action()), done);
  const { id, status } = exporter;
  return (
    <Space wrap>
      {status === 'pending' && (
        <>
          <Popconfirm title={t('operator.exporter.confirmApprove')} onConfirm={() => void decide('approve', () => api(endpoints.operator.reviewExporter, { params: { id }, body: { decision: 'approve' } }), t('operator.exporter.approved'))}>
            <Button type="primary" loading={running === 'approve'} data-testid="approve-exporter">{t('operator.exporter.approve')}</Button>
          </Popconfirm>
          <Button danger onClick={() => setAsking('reject')} data-testid="reject-exporter">{t('operator.exporter.reject')}</Button>
        </>
      )}
      {status === 'approved' && <Button danger onClick={() => setAsking('suspend')} data-testid="suspend-exporter">{t('operator.exporter.suspend')}</Button>}
      {status === 'suspended' && (
        <Popconfirm title={t('operator.exporter.confirmReinstate')} onConfirm={() => void decide('reinstate', () => api(endpoints.operator.reinstateExporter, { params: { id } }), t('operator.exporter.reinstated'))}>
          <Button type="primary" loading={running === 'reinstate'} data-testid="reinstate-exporter">{t('operator.exporter.reinstate')}</Button>
        </Popconfirm>
      )}
      {asking !== null && (
        <ReasonModal
          testId={`${asking}-modal`}
          title={t(`operator.exporter.${asking}Title`)}
          okText={t(`operator.exporter.${asking}`)}
          hint={t('operator.exporter.reasonHint')}
          onClose={() => setAsking(null)}
          onSubmit={async (reason) => {
            const next = asking === 'reject' ? await api(endpoints.operator.reviewExporter, { params: { id }, body: { decision: 'reject', reason } }) : await api(endpoints.operator.suspendExporter, { params: { id }, body: { reason } });
            setAsking(null);
            onDecided(next);
          }}
        />
      )}
    </Space>
  );
}
