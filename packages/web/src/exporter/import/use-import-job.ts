import { useCallback, useEffect, useState } from 'react';
import type { ImportJob } from '@pavilion/contracts';
import { exporterApi } from '../exporter-api.ts';

/** How often a running import is asked where it stands. */
const pollMs = 700;

const running = (job: ImportJob | null) => job !== null && (job.status === 'validating' || job.status === 'importing');

/** Starts an import and follows its job until it is done or failed. */
export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  const start = useCallback(async (file: Blob) => {
    setFailure(null);
    setStarting(true);
    try {
      setJob(await exporterApi.importCatalog(file));
    } catch (error) {
      setFailure(error);
    } finally {
      setStarting(false);
    }
  }, []);

  const jobId = job?.jobId ?? null;
  const active = running(job);
  useEffect(() => {
    if (jobId === null || !active) return;
    let current = true;
    const timer = window.setTimeout(() => {
      exporterApi.getImportJob(jobId).then(
        (next) => {
          if (current) setJob(next);
        },
        (error: unknown) => {
          if (current) setFailure(error);
        },
      );
    }, pollMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [jobId, active, job]);

  return { job, failure, starting, start, running: active || starting };
}
