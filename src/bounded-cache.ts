/**
 * Values computed once per key, for the few thousand keys a run meets (peer
 * addresses, hosts): past `capacity` it starts over rather than grow.
 */
export class BoundedCache<V> {
  readonly #values = new Map<string, V>();
  readonly #capacity: number;
  readonly #compute: (key: string) => V;

  constructor(compute: (key: string) => V, capacity = 4096) {
    this.#compute = compute;
    this.#capacity = capacity;
  }

  get(key: string): V {
    let value = this.#values.get(key);
    if (value === undefined) {
      value = this.#compute(key);
      if (this.#values.size >= this.#capacity) this.#values.clear();
      this.#values.set(key, value);
    }
    return value;
  }
}
