import { endpoints } from '@pavilion/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Alert, Button, Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { operatorPaths } from '../operator-paths.ts';
import { api } from '../../api/client.ts';
import { queryKeyOf } from '../../api/query.ts';

/** How often the page asks again while the index is being rebuilt. */
const pollMs = 3000;

/**
 * The search index's state, asked again every few seconds while a rebuild is running (after a word is
 * added or removed) and on `refresh`. The last answer stays on screen while the next one is on its way.
 */
export function useIndexStatus() {
  const query = useQuery({
    queryKey: queryKeyOf(endpoints.operator.getSearchIndexStatus),
    queryFn: () => api(endpoints.operator.getSearchIndexStatus),
    // A failed ask stops the asking (the failure is shown); `refresh` asks again.
    refetchInterval: (current) => (current.state.status !== 'error' && (current.state.data?.pending ?? 0) > 0 ? pollMs : false),
  });
  const { refetch } = query;
  const refresh = useCallback(() => void refetch(), [refetch]);
  return { status: query.data ?? null, error: query.error, refresh };
}

export function IndexStatusCard({ index }: { index: ReturnType<typeof useIndexStatus> }) {
  const { t } = useTranslation();
  const { status, error, refresh } = index;
  return (
    <Card
      size="small"
      title={t('operator.search.index.title')}
      data-testid="search-index-status"
      extra={<Button size="small" onClick={refresh}>{t('operator.search.index.refresh')}</Button>}
    >
      {error !== null && status === null && <ConsoleError error={error} loginPath={operatorPaths.login} onRetry={refresh} />}
      {status !== null && (
        <>
          <Row gutter={16}>
            <Col xs={8}>
              <Statistic title={t('operator.search.index.documents')} value={status.documents} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('operator.search.index.pending')} value={status.pending} data-testid="index-pending" />
            </Col>
            <Col xs={8}>
              <Statistic title={t('operator.search.index.lexiconVersion')} value={status.lexiconVersion} />
            </Col>
          </Row>
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            type={status.pending > 0 ? 'info' : 'success'}
            title={status.pending > 0 ? t('operator.search.index.rebuilding', { count: status.pending }) : t('operator.search.index.upToDate')}
          />
        </>
      )}
    </Card>
  );
}
