interface Node<T> {
  weight: number;
  order: number;
  item: T;
}

// The root is the item to drop first: the lightest, and of equal weights the latest.
function before<T>(a: Node<T>, b: Node<T>): boolean {
  return a.weight < b.weight || (a.weight === b.weight && a.order > b.order);
}

/**
 * The `capacity` heaviest items of a stream, in a min-heap: memory stays at
 * `capacity` items however many are offered. Of equal weights the first
 * offered is kept, so the result does not depend on timing beyond arrival order.
 */
export class TopList<T> {
  readonly #heap: Node<T>[] = [];
  readonly #capacity: number;
  #order = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#heap.length;
  }

  /** Whether an item of this weight, offered now, would be kept. */
  admits(weight: number): boolean {
    const lightest = this.#heap[0];
    return this.#heap.length < this.#capacity || (lightest !== undefined && weight > lightest.weight);
  }

  /** Keeps `item` if it is among the heaviest so far; returns the item it pushed out, if one was. */
  add(weight: number, item: T): T | undefined {
    if (!this.admits(weight)) return undefined;
    const node = { weight, order: this.#order++, item };
    if (this.#heap.length < this.#capacity) {
      this.#heap.push(node);
      this.#up(this.#heap.length - 1);
      return undefined;
    }
    const dropped = this.#heap[0];
    this.#heap[0] = node;
    this.#down(0);
    return dropped?.item;
  }

  /** The kept items, heaviest first (of equal weights, the first offered first). */
  sorted(): { weight: number; item: T }[] {
    return [...this.#heap].sort((a, b) => b.weight - a.weight || a.order - b.order).map(({ weight, item }) => ({ weight, item }));
  }

  #up(start: number): void {
    const heap = this.#heap;
    for (let at = start; at > 0;) {
      const parent = (at - 1) >> 1;
      const [child, up] = [heap[at], heap[parent]];
      if (child === undefined || up === undefined || !before(child, up)) return;
      [heap[at], heap[parent]] = [up, child];
      at = parent;
    }
  }

  #down(start: number): void {
    const heap = this.#heap;
    for (let at = start; ;) {
      let first = at;
      for (const child of [2 * at + 1, 2 * at + 2]) {
        const [candidate, current] = [heap[child], heap[first]];
        if (candidate !== undefined && current !== undefined && before(candidate, current)) first = child;
      }
      if (first === at) return;
      const [a, b] = [heap[at], heap[first]];
      if (a === undefined || b === undefined) return;
      [heap[at], heap[first]] = [b, a];
      at = first;
    }
  }
}
