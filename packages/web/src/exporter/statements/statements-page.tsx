import { useTranslation } from 'react-i18next';
import { ConsoleStatementsPage } from '../../console/statements/statements-page.tsx';
import { exporterStatementsApi } from '../../console/statements/statements-api.ts';
import { exporterPaths } from '../exporter-paths.ts';

/** The exporter's monthly statements: what the pavilion owes it, in its own currency. */
export function StatementsPage() {
  const { t } = useTranslation();
  return <ConsoleStatementsPage title={t('exporter.statements.title')} api={exporterStatementsApi} loginPath={exporterPaths.login} />;
}
