import { parentPort, workerData } from 'node:worker_threads';
import { readXlsx, writeXlsx, type SheetContent } from './sheet-xlsx.ts';

/** Reads or writes one workbook off the server's thread (see runSheetWorker in sheet-file.ts). */
export type SheetTask = { op: 'read'; bytes: Uint8Array } | { op: 'write'; sheet: SheetContent };
/** A workbook that cannot be read is an answer (the file's fault), not a failure of the worker. */
export type SheetAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

const task = workerData as SheetTask;
if (task.op === 'read') {
  let answer: SheetAnswer<Awaited<ReturnType<typeof readXlsx>>>;
  try {
    answer = { ok: true, value: await readXlsx(task.bytes) };
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(answer);
} else {
  const bytes = await writeXlsx(task.sheet);
  parentPort?.postMessage({ ok: true, value: bytes } satisfies SheetAnswer<Uint8Array>, [bytes.buffer as ArrayBuffer]);
}
