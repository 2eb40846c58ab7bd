import { lazy, Suspense, type ComponentType } from 'react';
import { ConsoleLoading } from './console-feedback.tsx';

/**
 * A console page loaded when first opened: each page's chunk carries the antd components only it
 * uses (the product editor's tree select and upload, the review's tabs…), so the first screen loads less.
 */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<ConsoleLoading />}>
        <Page />
      </Suspense>
    );
  };
}
