/**
 * The last states of one kind of page (a feed's loaded pages, search results), by key; small, so a
 * long visit does not grow it forever. Answers of the API live in the query cache (api/query.ts).
 */
export class AnswerCache<T> {
  readonly #answers = new Map<string, T>();
  readonly #limit: number;

  constructor(limit = 30) {
    this.#limit = limit;
  }

  get(key: string): T | undefined {
    return this.#answers.get(key);
  }

  set(key: string, value: T): void {
    this.#answers.delete(key);
    this.#answers.set(key, value);
    const oldest = this.#answers.keys().next();
    if (this.#answers.size > this.#limit && !oldest.done) this.#answers.delete(oldest.value);
  }
}
