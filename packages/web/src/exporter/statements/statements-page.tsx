import { endpoints } from '@pavilion/contracts';
import { useTranslation } from 'react-i18next';
import { ConsoleStatementsPage } from '../../console/statements/statements-page.tsx';
import { exporterPaths } from '../exporter-paths.ts';

/** The exporter's monthly statements: what the pavilion owes it, in its own currency. */
export function StatementsPage() {
  const { t } = useTranslation();
  return <ConsoleStatementsPage title={t('exporter.statements.title')} statementEndpoints={{ list: endpoints.exporter.getStatements, get: endpoints.exporter.getStatement, download: endpoints.exporter.downloadStatement }} loginPath={exporterPaths.login} />;
}
