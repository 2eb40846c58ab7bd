import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { operatorPaths } from './operator-paths.ts';
import { OperatorHomePage } from './operator-home-page.tsx';

/** The operator console (antd), mounted at `/operator`; Chinese unless the switch chose English. */
export function OperatorApp() {
  const { t } = useTranslation();
  return (
    <ConsoleProviders>
      <Routes>
        <Route
          path="login"
          element={<ConsoleLoginPage title={t('operator.login.title')} submitLabel={t('operator.login.submit')} homePath={operatorPaths.home} />}
        />
        <Route element={<ConsoleLayout title={t('operator.title')} loginPath={operatorPaths.login} />}>
          <Route index element={<OperatorHomePage />} />
          <Route path="*" element={<Navigate to={operatorPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
