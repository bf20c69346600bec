import type { Expr } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FileFacts } from '../../facts/types.js';
import type {
  ClientCreationFact,
  ClientFact,
  ClientFactoryFact,
  DerivedClientFact,
} from './redis-client-facts.js';
import type { RedisLibrary } from './redis-modules.js';
import { isRedisModule, redisLibraryOf } from './redis-modules.js';
import type { ImportGraph } from '../../pipeline/import-graph.js';
import type { RedisReceiver } from './redis-receiver.js';

/** A creation site and the file it is in. */
export interface LocatedClient {
  file: string;
  fact: ClientCreationFact;
}

/** What a receiver turned out to be. */
export interface RedisConnection {
  library: RedisLibrary;
  /** The creation site the receiver traces to, when the code shows it. */
  client?: LocatedClient;
  /** Identity of the connection object: the same key means the same object. */
  connection: string;
}

/** The analyzer whose items carry the client facts. */
const CLIENT_FACTS_OWNER = 'redis-keys';

/** Derived clients nest rarely more than twice; this bounds cycles. */
const MAX_HOPS = 6;

/**
 * Decides whether a receiver is a Redis client, from the client facts the
 * redis-keys analyzer took from every file. Conservative by design: a
 * receiver is a client only when its value, its factory or its declared type
 * leads to a Redis package. A `Map` or a cache object never qualifies.
 */
export class RedisClientIndex {
  private readonly clients = new Map<string, LocatedClient>();
  private readonly derived = new Map<
    string,
    { file: string; fact: DerivedClientFact }
  >();
  private readonly factories = new Map<string, ClientFactoryFact>();

  private readonly importsByFile = new Map<string, FileFacts['imports']>();

  /**
   * @param graph when given, a receiver imported from a local module that
   * no Redis package can reach is known not to be a client without
   * resolving it (which would parse every module on the way).
   */
  constructor(
    allFacts: readonly FileFacts[],
    private readonly resolver: Resolver,
    private readonly graph?: ImportGraph,
  ) {
    for (const facts of allFacts) {
      this.importsByFile.set(facts.file, facts.imports);
      for (const item of facts.items[CLIENT_FACTS_OWNER] ?? []) {
        this.add(facts.file, item);
      }
    }
  }

  /** Every creation site, in file order. */
  creations(): LocatedClient[] {
    return [...this.clients.values()];
  }

  /** Every `duplicate()` of a client, with the client it copies. */
  duplicates(): { file: string; line: number; of?: RedisConnection }[] {
    return [...this.derived.values()]
      .filter(({ fact }) => fact.method === 'duplicate')
      .map(({ file, fact }) => ({
        file,
        line: fact.line,
        of: this.identify(fact.of, file),
      }));
  }

  /** The connection a receiver written in `file` stands for, if it is Redis. */
  identify(
    receiver: RedisReceiver,
    file: string,
    hops = 0,
  ): RedisConnection | undefined {
    if (hops > MAX_HOPS) {
      return undefined;
    }
    if (!this.mayLeadToRedis(receiver.expr, file)) {
      return receiver.type && this.mayLeadToRedis(receiver.type, file)
        ? this.fromType(receiver, file)
        : undefined;
    }
    const fromFactory = this.factoryCall(receiver.expr, file);
    if (fromFactory) {
      return fromFactory;
    }
    const value = this.resolver.resolve(receiver.expr, file);
    const found = this.fromValue(value, file, hops);
    if (found || !receiver.type) {
      return found;
    }
    return this.fromType(receiver, file);
  }

  private fromType(
    receiver: RedisReceiver,
    file: string,
  ): RedisConnection | undefined {
    if (!receiver.type) {
      return undefined;
    }
    const library = this.libraryOfType(
      this.resolver.resolve(receiver.type, file),
    );
    return library
      ? { library, connection: keyOf(file, receiver.expr) }
      : undefined;
  }

  /** `Redis`, or a class of ours that extends it (`redis: RedisAdapter`). */
  private libraryOfType(type: Expr): RedisLibrary | undefined {
    let current = type;
    for (let hops = 0; current.k === 'class' && current.extends; hops++) {
      if (hops >= MAX_HOPS) {
        return undefined;
      }
      current = this.resolver.resolve(current.extends, current.file ?? '');
    }
    return current.k === 'ext' ? redisLibraryOf(current.module) : undefined;
  }

  /**
   * False when `expr` starts from a name imported from a local module that
   * no Redis package can reach: every value, factory and type a client can
   * come from lives in a file that imports one, or imports such a file.
   */
  private mayLeadToRedis(expr: Expr, file: string): boolean {
    const root = rootName(expr);
    const fact = root
      ? this.importsByFile.get(file)?.find((imp) => imp.local === root)
      : undefined;
    if (!this.graph || !fact) {
      return true;
    }
    const target = this.resolver.resolveModule(file, fact.module);
    this.reach ??= this.graph.reaching(isRedisModule);
    return target === undefined || this.reach.has(target);
  }

  private reach: ReadonlySet<string> | undefined;

  private add(file: string, item: unknown): void {
    if (!isClientFact(item)) {
      return;
    }
    if (item.kind === 'client') {
      this.clients.set(keyOf(file, item), { file, fact: item });
    } else if (item.kind === 'derived') {
      this.derived.set(keyOf(file, item), { file, fact: item });
    } else {
      this.factories.set(`${file}:${item.line}`, item);
    }
  }

  private factoryCall(expr: Expr, file: string): RedisConnection | undefined {
    if (expr.k !== 'call') {
      return undefined;
    }
    const callee = this.resolver.resolve(expr.callee, file);
    const factory =
      callee.k === 'fn'
        ? this.factories.get(`${callee.file ?? file}:${callee.line}`)
        : undefined;
    if (!factory) {
      return undefined;
    }
    return {
      library: factory.library,
      connection: `${callee.file ?? file}:${factory.name}()`,
    };
  }

  private fromValue(
    value: Expr,
    file: string,
    hops: number,
  ): RedisConnection | undefined {
    if (value.k !== 'new' && value.k !== 'call') {
      return undefined;
    }
    const connection = keyOf(value.file ?? file, value);
    const client = this.clients.get(connection);
    if (client) {
      return { library: client.fact.library, client, connection };
    }
    const derived = this.derived.get(connection);
    if (derived) {
      const parent = this.identify(derived.fact.of, derived.file, hops + 1);
      return parent ? { ...parent, connection } : undefined;
    }
    const library = libraryOfCallee(value);
    return library ? { library, connection } : undefined;
  }
}

/** The name an expression starts from: `redis` in `redis.a.b` or `getRedis()`. */
function rootName(expr: Expr): string | undefined {
  let current = expr;
  for (let depth = 0; depth < 12; depth++) {
    if (current.k === 'ref') {
      return current.name;
    }
    if (current.k === 'member' || current.k === 'each') {
      current = current.of;
    } else if (current.k === 'call' || current.k === 'new') {
      current = current.callee;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function keyOf(file: string, at: { line: number; text: string }): string {
  return `${file}:${at.line}:${at.text}`;
}

/**
 * A value built by a Redis package: `new Redis()` through a wrapper class, a
 * typed parameter (`new` of its type), `createClient()`, or an injection
 * decorator such as `@InjectRedis()`.
 */
function libraryOfCallee(
  value: Extract<Expr, { k: 'new' | 'call' }>,
): RedisLibrary | undefined {
  const callee = value.callee;
  if (callee.k !== 'ext') {
    return undefined;
  }
  const name = callee.path.at(-1) ?? callee.name;
  if (callee.name.startsWith('InjectRedis')) {
    return redisLibraryOf(callee.module) ?? 'other';
  }
  const library = redisLibraryOf(callee.module);
  if (
    value.k === 'call' &&
    name !== 'createClient' &&
    name !== 'createCluster'
  ) {
    return undefined;
  }
  return library;
}

function isClientFact(item: unknown): item is ClientFact {
  if (typeof item !== 'object' || item === null || !('kind' in item)) {
    return false;
  }
  const kind = item.kind;
  return kind === 'client' || kind === 'derived' || kind === 'factory';
}
