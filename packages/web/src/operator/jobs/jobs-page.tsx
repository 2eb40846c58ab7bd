import { endpoints } from '@pavilion/contracts';
import { useState } from 'react';
import { Alert, Button, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { jobStates, type Job, type JobOverview, type JobState } from '@pavilion/contracts';
import { ConsoleError } from '../../console/console-feedback.tsx';
import { dataAttributes } from '../../console/data-attributes.ts';
import { useAction } from '../../console/use-action.ts';
import { useLocale } from '../../i18n/face-language.tsx';
import { api } from '../../api/client.ts';
import { useEndpoint } from '../../api/query.ts';
import { operatorPaths } from '../operator-paths.ts';
import { formatJobTime, jobKindKey } from './job-kinds.ts';

type Queue = JobOverview['queues'][number];
const stateChoices = ['all', ...jobStates] as const;
type StateChoice = (typeof stateChoices)[number];
const stateColors: Record<JobState, string> = { pending: 'default', running: 'processing', done: 'green', failed: 'red' };
/** The newest jobs of the filter; the server answers at most 200. */
const jobLimit = 100;

/** A kind's name and, when the page knows it, what it does in the reader's language. */
function KindName({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const key = jobKindKey(kind);
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text code>{kind}</Typography.Text>
      {key !== null && <Typography.Text type="secondary">{t(key)}</Typography.Text>}
    </Space>
  );
}

/**
 * 后台任务 (platform admins): every kind of background job with its counts by state and whether
 * this server runs it, then the latest jobs filtered by kind and state (failed by default), each
 * failed one with its attempts, its last error and a retry.
 */
export function JobsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [kind, setKind] = useState<string | null>(null);
  const [state, setState] = useState<StateChoice>('failed');
  const overview = useEndpoint(endpoints.admin.getJobs, { query: { kind: kind ?? undefined, state: state === 'all' ? undefined : state, limit: jobLimit } }, { keepPrevious: true });
  // The last answer stays on screen while a refresh or another filter loads.
  const data = overview.status === 'done' ? overview.data : undefined;
  const { run, running } = useAction();
  const loading = overview.status === 'loading' || overview.previous;

  const retry = async (job: Job) => {
    await run(job.id, () => api(endpoints.admin.retryJob, { params: { jobId: job.id } }), t('operator.jobs.retried', { kind: job.kind }));
    // Either way the list shows where the job stands now (someone else may have retried it).
    overview.reload();
  };
  const showFailed = (queueKind: string) => {
    setKind(queueKind);
    setState('failed');
  };

  const kindOptions = [...new Set([...(data?.queues.map((queue) => queue.kind) ?? []), ...(kind === null ? [] : [kind])])].map((value) => ({ value, label: value }));
  const time = (iso: string | null) => (iso === null ? '' : formatJobTime(iso, locale));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('operator.jobs.title')}</Typography.Title>
        <Button onClick={overview.reload} loading={loading} data-testid="jobs-refresh">{t('operator.jobs.refresh')}</Button>
      </Flex>
      <Alert type="info" showIcon title={t('operator.jobs.intro')} />
      {overview.status === 'failed' && <ConsoleError error={overview.error} loginPath={operatorPaths.login} onRetry={overview.reload} />}

      <Typography.Title level={4} style={{ margin: 0 }}>{t('operator.jobs.queues')}</Typography.Title>
      <Table<Queue>
        rowKey="kind"
        size="small"
        loading={loading && data === undefined}
        dataSource={data?.queues ?? []}
        pagination={false}
        data-testid="job-queues"
        locale={{ emptyText: t('operator.jobs.noQueues') }}
        scroll={{ x: 'max-content' }}
        onRow={(queue) => dataAttributes({ 'data-testid': 'job-queue-row', 'data-kind': queue.kind, 'data-failed': String(queue.failed) })}
        columns={[
          { key: 'kind', title: t('operator.jobs.kind'), render: (_, queue) => <KindName kind={queue.kind} /> },
          {
            key: 'runsHere',
            title: t('operator.jobs.runsHere'),
            render: (_, queue) => (queue.runsHere ? <Tag color="green">{t('operator.jobs.runsHereYes')}</Tag> : <Tag>{t('operator.jobs.runsHereNo')}</Tag>),
          },
          { key: 'pending', title: t('operator.jobs.states.pending'), align: 'right', dataIndex: 'pending' },
          { key: 'running', title: t('operator.jobs.states.running'), align: 'right', dataIndex: 'running' },
          { key: 'done', title: t('operator.jobs.states.done'), align: 'right', dataIndex: 'done' },
          {
            key: 'failed',
            title: t('operator.jobs.states.failed'),
            align: 'right',
            render: (_, queue) =>
              queue.failed > 0 ? (
                <Button type="link" danger size="small" style={{ fontWeight: 600, padding: 0 }} data-testid="job-queue-failed" title={t('operator.jobs.showFailed')} onClick={() => showFailed(queue.kind)}>
                  {queue.failed}
                </Button>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          },
        ]}
      />

      <Typography.Title level={4} style={{ margin: 0 }}>{t('operator.jobs.jobs')}</Typography.Title>
      <Flex wrap gap={12} align="center">
        <Select<string>
          allowClear
          showSearch
          style={{ minWidth: 260 }}
          value={kind ?? undefined}
          placeholder={t('operator.jobs.allKinds')}
          options={kindOptions}
          onChange={(value) => setKind(value ?? null)}
          aria-label={t('operator.jobs.kind')}
          data-testid="jobs-kind-filter"
        />
        <Segmented<StateChoice>
          value={state}
          onChange={setState}
          data-testid="jobs-state-filter"
          options={stateChoices.map((value) => ({ value, label: value === 'all' ? t('operator.jobs.allStates') : t(`operator.jobs.states.${value}`) }))}
        />
      </Flex>
      <Table<Job>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.jobs ?? []}
        data-testid="jobs-list"
        pagination={{ pageSize: 25, hideOnSinglePage: true }}
        locale={{ emptyText: t('operator.jobs.empty') }}
        scroll={{ x: 'max-content' }}
        onRow={(job) => dataAttributes({ 'data-testid': 'job-row', 'data-job-id': job.id, 'data-kind': job.kind, 'data-state': job.state })}
        expandable={{
          rowExpandable: (job) => job.lastError !== null,
          expandedRowRender: (job) => (
            // width 0 / min-width 100%: the error fills the row but does not widen the table (its columns keep their widths).
            <pre data-testid="job-error" style={{ width: 0, minWidth: '100%', boxSizing: 'border-box', margin: 0, maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}>
              {job.lastError}
            </pre>
          ),
        }}
        columns={[
          { key: 'kind', title: t('operator.jobs.kind'), render: (_, job) => <Typography.Text code>{job.kind}</Typography.Text> },
          { key: 'state', title: t('operator.jobs.state'), render: (_, job) => <Tag color={stateColors[job.state]} data-testid="job-state">{t(`operator.jobs.states.${job.state}`)}</Tag> },
          {
            key: 'attempts',
            title: t('operator.jobs.attempts'),
            align: 'right',
            render: (_, job) => <span data-testid="job-attempts">{t('operator.jobs.attemptsOf', { attempts: job.attempts, maxAttempts: job.maxAttempts })}</span>,
          },
          { key: 'runAt', title: t('operator.jobs.runAt'), render: (_, job) => time(job.runAt) },
          { key: 'createdAt', title: t('operator.jobs.createdAt'), render: (_, job) => time(job.createdAt) },
          { key: 'finishedAt', title: t('operator.jobs.finishedAt'), render: (_, job) => time(job.finishedAt) },
          {
            key: 'lastError',
            title: t('operator.jobs.lastError'),
            render: (_, job) =>
              job.lastError === null ? null : (
                <Typography.Text type="danger" ellipsis style={{ maxWidth: 280, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }} title={t('operator.jobs.expandError')}>
                  {job.lastError.split('\n')[0]}
                </Typography.Text>
              ),
          },
          {
            key: 'retry',
            title: '',
            // Stays in view while the wide table scrolls sideways.
            fixed: 'right',
            render: (_, job) =>
              job.state === 'failed' ? (
                <Button size="small" loading={running === job.id} disabled={running !== null && running !== job.id} data-testid="job-retry" onClick={() => void retry(job)}>
                  {t('operator.jobs.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
