import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { endpoints, type ImportJob } from '@pavilion/contracts';
import { api, uploadTo } from '../../api/client.ts';
import { queryKeyOf } from '../../api/query.ts';

/** How often a running import is asked where it stands. */
const pollMs = 700;

const running = (job: ImportJob | undefined) => job !== undefined && (job.status === 'validating' || job.status === 'importing');

/**
 * Starts an import and follows its job until it is done or failed: the job is the endpoint's cached
 * answer, asked again every 700 ms while it runs. A failed ask stops the asking and is shown, with the
 * job as it last stood.
 */
export function useImportJob() {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startFailure, setStartFailure] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  const start = useCallback(
    async (file: Blob) => {
      setStartFailure(null);
      setStarting(true);
      try {
        const job = await uploadTo(endpoints.exporter.importCatalog, file);
        // The answer to the upload is the job's first state: no need to ask for it at once.
        client.setQueryData(queryKeyOf(endpoints.exporter.getCatalogImportJob, { params: { jobId: job.jobId } }), job);
        setJobId(job.jobId);
      } catch (error) {
        setStartFailure(error);
      } finally {
        setStarting(false);
      }
    },
    [client],
  );

  const query = useQuery({
    queryKey: queryKeyOf(endpoints.exporter.getCatalogImportJob, { params: { jobId: jobId ?? '' } }),
    queryFn: () => api(endpoints.exporter.getCatalogImportJob, { params: { jobId: jobId ?? '' } }),
    enabled: jobId !== null,
    // Fresh for as long as one period: the job is asked again on the interval, not on the first look.
    staleTime: pollMs,
    refetchInterval: (current) => (current.state.status !== 'error' && running(current.state.data) ? pollMs : false),
  });
  const job = jobId === null ? null : (query.data ?? null);
  const active = running(query.data) && query.status !== 'error';
  return { job, failure: startFailure ?? query.error, starting, start, running: (jobId !== null && active) || starting };
}
