import { parentPort } from 'node:worker_threads';
import { Lexicon } from './lexicon.ts';
import type { SearchDocument } from './search-analyzer.ts';
import { buildRow } from './search-rows.ts';

/**
 * A thread that cuts products into index rows for a rebuild, so the main thread writes one batch
 * while the next is analysed. It segments with the same words as the main thread's lexicon: each
 * request brings the words added there since the last one (or all of them after a restart).
 */
export interface AnalysisRequest {
  id: number;
  /** Start over from the base words first (the main lexicon was reset). */
  reset: boolean;
  words: string[];
  docs: SearchDocument[];
}

let lexicon = new Lexicon();

parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    if (request.reset) lexicon = new Lexicon();
    lexicon.addWords(request.words);
    parentPort?.postMessage({ id: request.id, rows: request.docs.map((doc) => buildRow(lexicon, doc)) });
  } catch (err) {
    parentPort?.postMessage({ id: request.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
