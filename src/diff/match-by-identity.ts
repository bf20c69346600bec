/** Items of base and head paired by identity. */
export interface Matched<T> {
  /** In the head only. */
  added: T[];
  /** In the base only. */
  removed: T[];
  /** In both, paired. */
  kept: { base: T; head: T }[];
}

/**
 * Pairs base and head items by what they are (a queue's library and name,
 * a key pattern), never by position or line, so moving code around pairs
 * the same items. When two items share an identity the first one stands
 * for both.
 */
export function matchByIdentity<T>(
  base: readonly T[],
  head: readonly T[],
  identity: (item: T) => string,
): Matched<T> {
  const baseById = firstById(base, identity);
  const headById = firstById(head, identity);

  const kept: { base: T; head: T }[] = [];
  const added: T[] = [];
  for (const [id, item] of headById) {
    const before = baseById.get(id);
    if (before === undefined) {
      added.push(item);
    } else {
      kept.push({ base: before, head: item });
    }
  }

  const removed = [...baseById]
    .filter(([id]) => !headById.has(id))
    .map(([, item]) => item);
  return { added, removed, kept };
}

function firstById<T>(
  items: readonly T[],
  identity: (item: T) => string,
): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    const id = identity(item);
    if (!byId.has(id)) {
      byId.set(id, item);
    }
  }
  return byId;
}
