import { Queue } from './queue.js';

export const none = Symbol('none');

/**
 * Results between their task and the consumer: in completion order, or held
 * by input position until their turn (the puller bounds how many wait).
 */
export class ResultBuffer<R> {
  readonly #ordered: boolean;
  readonly #completed = new Queue<R>();
  readonly #waitingTurn = new Map<number, R>();
  #next = 0;

  constructor(ordered: boolean) {
    this.#ordered = ordered;
  }

  put(sequence: number, result: R): void {
    if (this.#ordered) this.#waitingTurn.set(sequence, result);
    else this.#completed.push(result);
  }

  take(): R | typeof none {
    if (!this.#ordered) return this.#completed.size === 0 ? none : (this.#completed.shift() as R);
    if (!this.#waitingTurn.has(this.#next)) return none;
    const result = this.#waitingTurn.get(this.#next) as R;
    this.#waitingTurn.delete(this.#next++);
    return result;
  }
}
