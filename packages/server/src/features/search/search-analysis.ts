import { Worker } from 'node:worker_threads';
import type { Lexicon } from './lexicon.ts';
import type { AnalysisRequest } from './search-analysis-worker.ts';
import type { SearchDocument } from './search-analyzer.ts';
import type { IndexedRow } from './search-rows.ts';

/**
 * Index rows computed in a worker thread, with the words of a lexicon of this thread: `analyze`
 * sends the words added to it since the last request, so both cut alike. One request at a time
 * is enough for a rebuild (the main thread writes meanwhile); `close` ends the thread.
 */
export class AnalysisThread {
  private readonly worker: Worker;
  private readonly lexicon: Lexicon;
  private readonly pending = new Map<number, { resolve: (rows: IndexedRow[]) => void; reject: (err: Error) => void }>();
  private next = 0;
  private sentWords = 0;
  private sentResets: number;

  constructor(lexicon: Lexicon) {
    this.lexicon = lexicon;
    this.sentResets = lexicon.resets;
    this.worker = new Worker(new URL('./search-analysis-worker.ts', import.meta.url));
    this.worker.on('message', (m: { id: number; rows?: IndexedRow[]; error?: string }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error !== undefined) waiting?.reject(new Error(`search analysis thread: ${m.error}`));
      else waiting?.resolve(m.rows ?? []);
    });
    const fail = (err: Error) => {
      for (const w of this.pending.values()) w.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`search analysis thread exited with ${code}`)));
  }

  /** The rows of these documents, in their order, cut with the lexicon's words as they are now. */
  analyze(docs: SearchDocument[]): Promise<IndexedRow[]> {
    const words = this.lexicon.wordList();
    const reset = this.lexicon.resets !== this.sentResets;
    const request: AnalysisRequest = { id: this.next++, reset, words: words.slice(reset ? 0 : this.sentWords), docs };
    this.sentResets = this.lexicon.resets;
    this.sentWords = words.length;
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
