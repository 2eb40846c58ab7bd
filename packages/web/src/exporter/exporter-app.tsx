import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { ConsoleLayout } from '../console/console-layout.tsx';
import { ConsoleLoginPage } from '../console/console-login-page.tsx';
import { ConsoleProviders } from '../console/console-providers.tsx';
import { exporterPaths } from './exporter-paths.ts';
import { ExporterHomePage } from './exporter-home-page.tsx';

/** The exporter console (antd), mounted at `/exporter`; English unless the switch chose Chinese. */
export function ExporterApp() {
  const { t } = useTranslation();
  return (
    <ConsoleProviders>
      <Routes>
        <Route
          path="login"
          element={<ConsoleLoginPage title={t('exporter.login.title')} submitLabel={t('exporter.login.submit')} homePath={exporterPaths.home} />}
        />
        <Route element={<ConsoleLayout title={t('exporter.title')} loginPath={exporterPaths.login} />}>
          <Route index element={<ExporterHomePage />} />
          <Route path="*" element={<Navigate to={exporterPaths.home} replace />} />
        </Route>
      </Routes>
    </ConsoleProviders>
  );
}
