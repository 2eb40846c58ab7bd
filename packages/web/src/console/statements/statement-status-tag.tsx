import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementStatus } from '@pavilion/contracts';

const colors = { draft: 'gold', issued: 'green' } as const satisfies Record<StatementStatus, string>;

export function StatementStatusTag({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="statement-status" data-status={status}>
      {t(`console.statements.status.${status}`)}
    </Tag>
  );
}
