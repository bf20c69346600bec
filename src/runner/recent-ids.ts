/**
 * A bounded set of ids in insertion order: remembering the newest `capacity`
 * is enough to drop a redelivered webhook without growing forever.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  /** @param capacity ids kept before the oldest is forgotten. Default 1000. */
  constructor(private readonly capacity = 1000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Records `id`; returns false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) {
      return false;
    }
    this.ids.add(id);
    if (this.ids.size > Math.max(1, this.capacity)) {
      const oldest = this.ids.values().next();
      if (!oldest.done) {
        this.ids.delete(oldest.value);
      }
    }
    return true;
  }

  /** Forgets `id`, so a later redelivery of a failed delivery is handled. */
  delete(id: string): void {
    this.ids.delete(id);
  }
}
