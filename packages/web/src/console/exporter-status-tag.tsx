import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExporterSummary } from '@pavilion/contracts';

const statusColors = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  suspended: 'default',
} as const satisfies Record<ExporterSummary['status'], string>;

export function ExporterStatusTag({ status }: { status: ExporterSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-status={status}>
      {t(`common.exporterStatus.${status}`)}
    </Tag>
  );
}
