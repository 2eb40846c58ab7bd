import { endpoints } from '@pavilion/contracts';
import { useTranslation } from 'react-i18next';
import { ConsoleStatementsPage } from '../../console/statements/statements-page.tsx';
import { useLocale } from '../../i18n/face-language.tsx';
import { pick } from '../../shared/localized.ts';
import { useEndpoint } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';

/** Statements of the operator's pavilions, per exporter and month. */
export function StatementsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const pavilions = useEndpoint(endpoints.operator.getPavilions, {});
  const exporters = (pavilions.status === 'done' ? pavilions.data.items : []).flatMap((p) =>
    p.exporters.filter((e) => e.status !== 'pending').map((e) => ({ value: e.id, label: pick(locale, e.tradingNameZh || e.tradingNameEn, e.tradingNameEn || e.tradingNameZh) })),
  );
  return <ConsoleStatementsPage title={t('operator.statements.title')} statementEndpoints={{ list: endpoints.operator.getStatements, get: endpoints.operator.getStatement, download: endpoints.operator.downloadStatement }} loginPath={operatorPaths.login} exporters={exporters} />;
}
