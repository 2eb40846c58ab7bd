import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/**
 * Who holds a lease: `<machine>:<pid>:<random>`, where the machine is the host name plus, on Linux,
 * the process-ID namespace (two containers may share a host name, never a namespace). A process can
 * tell that a lease holder on its own machine is gone (its pid no longer runs), so the work of a
 * killed process is taken over as soon as a process on that machine looks, not after its lease; a
 * holder on another machine is only known gone when its lease runs out.
 */
export interface WorkerIdentity {
  machine: string | null;
  pid: number;
  id: string;
}

/** The process-ID namespace, or null on Linux when it cannot be read (then no holder is judged gone early). */
function pidNamespace(): string | null {
  if (process.platform !== 'linux') return 'host';
  try {
    return /\[(\d+)\]/.exec(readlinkSync('/proc/self/ns/pid'))?.[1] ?? null;
  } catch {
    return null;
  }
}

export function currentWorker(): WorkerIdentity {
  const ns = pidNamespace();
  const machine = ns === null ? null : `${hostname()}~${ns}`;
  return { machine, pid: process.pid, id: `${machine ?? hostname()}:${process.pid}:${randomBytes(3).toString('hex')}` };
}

/** Whether a process with this pid runs here (EPERM: it runs as another user). */
function pidRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * True only when the holder is known to be gone: it ran on this machine and its pid runs no more.
 * Anything else is presumed alive until its lease runs out: a holder elsewhere, an id this cannot
 * read, and one with this process's own pid (another queue in this process, as two apps in one test;
 * a restarted container whose new process got the same pid waits out the lease).
 */
export function holderIsGone(lockedBy: string, me: WorkerIdentity): boolean {
  if (me.machine === null || lockedBy === me.id) return false;
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(lockedBy);
  if (!match || match[1] !== me.machine) return false;
  const pid = Number(match[2]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  return pid !== me.pid && !pidRuns(pid);
}
