import type { Expr } from '../../facts/expr.js';

/** A call in failure handling code that adds the job to another queue. */
export interface RawMove {
  /** The queue object written (`dlq.add`) or the queue argument (`sendToQueue`). */
  target: Expr;
  line: number;
}

/** What failure handling code does besides handling: moves and reports. */
export interface RawEffects {
  moves: RawMove[];
  /** Error trackers called: `Sentry.captureException` gives `Sentry`. */
  reports: { tool: string; line: number }[];
}

/** `worker.on('failed', ...)`, `@OnWorkerEvent('failed')`, `@OnQueueFailed()`. */
export interface RawListener extends RawEffects {
  type: 'listener';
  /** failed, stalled, error, global:failed, ... */
  event: string;
  /** The emitter, for `x.on(...)`. */
  receiver?: Expr;
  /** The queue argument of the enclosing `@Processor` or `@QueueEventsListener`. */
  classQueue?: Expr;
  /** Whether the file imports a queue library: an unresolved receiver may still be one. */
  queueFile: boolean;
  line: number;
}

export type ProcessorLibrary =
  'bullmq' | 'bull' | 'nestjs' | 'amqplib' | 'sqs-consumer';

/** A job or message processor whose body this file shows. */
export interface RawProcessor extends RawEffects {
  type: 'processor';
  library: ProcessorLibrary;
  /** Queue name expression, when the registration states it. */
  queue?: Expr;
  /** The queue object, for `queue.process(fn)`. */
  receiver?: Expr;
  /** Line of the processor function. */
  line: number;
  /** Whether the file imports a queue library: an unresolved receiver may still be one. */
  queueFile?: boolean;
  /** Line of the catch clause that swallows every error. */
  swallowedAt?: number;
}

/** A dashboard or metrics exporter watching queues. */
export interface RawMonitor {
  type: 'monitor';
  tool: string;
  /** Queue objects or names the tool is given. */
  queues: Expr[];
  line: number;
}

export type RawFailureFact = RawListener | RawProcessor | RawMonitor;
