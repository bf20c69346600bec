import type { Expr } from '../../facts/expr.js';
import type { ClientFact } from '../shared/redis-client-facts.js';
import type { RedisReceiver } from '../shared/redis-receiver.js';

/** A call of a keyed Redis command: `redis.set(key, value, 'EX', 60)`. */
export interface CommandFact {
  kind: 'command';
  /** Lower-case command name: `hgetall` for both `hgetall` and `hGetAll`. */
  command: string;
  line: number;
  args: Expr[];
  receiver: RedisReceiver;
}

/** Raw items of the redis-keys analyzer; the client facts are shared. */
export type RedisKeysItem = ClientFact | CommandFact;
