import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { FaceLanguage, type Face } from './i18n/face-language.tsx';

// One chunk per face: the storefront never downloads antd, the consoles never download antd-mobile.
const StoreApp = lazy(() => import('./store/store-app.tsx').then((module) => ({ default: module.StoreApp })));
const ExporterApp = lazy(() => import('./exporter/exporter-app.tsx').then((module) => ({ default: module.ExporterApp })));
const OperatorApp = lazy(() => import('./operator/operator-app.tsx').then((module) => ({ default: module.OperatorApp })));

function FaceRoot({ face, children }: { face: Face; children: ReactNode }) {
  return (
    <FaceLanguage face={face}>
      <Suspense fallback={null}>{children}</Suspense>
    </FaceLanguage>
  );
}

const router = createBrowserRouter([
  { path: '/exporter/*', element: <FaceRoot face="exporter"><ExporterApp /></FaceRoot> },
  { path: '/operator/*', element: <FaceRoot face="operator"><OperatorApp /></FaceRoot> },
  { path: '/*', element: <FaceRoot face="store"><StoreApp /></FaceRoot> },
]);

export function App() {
  return <RouterProvider router={router} />;
}
