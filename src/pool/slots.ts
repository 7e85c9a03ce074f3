/**
 * A set of items that come and go all the time (the measurements in flight),
 * kept in reusable array slots: a `Set` under that churn rebuilt its table so
 * often that garbage collection took a fifth of a run of small pages.
 */
export class Slots<T> {
  readonly #items: (T | undefined)[] = [];
  readonly #free: number[] = [];

  /** Stores `item` and returns its slot, for `delete`. */
  add(item: T): number {
    const slot = this.#free.pop() ?? this.#items.length;
    this.#items[slot] = item;
    return slot;
  }

  delete(slot: number): void {
    this.#items[slot] = undefined;
    this.#free.push(slot);
  }

  /** The items stored now (a copy, so that callbacks may delete). */
  values(): T[] {
    return this.#items.filter((item): item is T => item !== undefined);
  }
}
