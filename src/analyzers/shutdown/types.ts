import type { Expr } from '../../facts/expr.js';

/** `x.close()`, `x.quit()`, ... as written in a shutdown path. */
export interface RawClose {
  receiver: Expr;
  method: string;
  line: number;
}

/** `setTimeout(() => process.exit(1), ms)`: the deadline of a shutdown. */
export interface RawTimeout {
  ms: Expr;
  line: number;
}

/** What a shutdown function does, read from its body and its helpers in the file. */
export interface RawShutdownBody {
  closes: RawClose[];
  timeouts: RawTimeout[];
  /** Functions from other files it calls, resolved at build to their bodies. */
  calls: Expr[];
}

/** A shutdown trigger and what its handler does. */
export interface RawHandler extends RawShutdownBody {
  type: 'handler';
  /** Signal names (a string, or every value of a loop over signals) or a hook name. */
  trigger: Expr;
  /** The handler passed by a name this file does not declare. */
  handlerRef?: Expr;
  /** Resources the mechanism closes by itself: terminus closes its server. */
  implicit: RawClose[];
  /** A timeout option: terminus `timeout`, close-with-grace `delay`. */
  timeoutOption?: Expr;
  line: number;
}

/** A top-level function that closes something, for handlers in other files. */
export interface RawCloser extends RawShutdownBody {
  type: 'closer';
  name: string;
  line: number;
}

export type ConsumerLibrary =
  'bullmq' | 'bull' | 'nestjs' | 'sqs-consumer' | 'amqplib';

/** A worker or consumer that a shutdown path should close. */
export interface RawConsumer {
  type: 'consumer';
  library: ConsumerLibrary;
  /** The queue name, when the construction states it. */
  queue?: Expr;
  /** The queue object, for `queue.process(fn)`. */
  receiver?: Expr;
  /** The variable or property holding it: matched against unresolved closes. */
  bindingName?: string;
  line: number;
}

export type RawShutdownFact = RawHandler | RawCloser | RawConsumer;
