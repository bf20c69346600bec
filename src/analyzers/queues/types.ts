import type { Expr } from '../../facts/expr.js';

/**
 * `new Queue(...)`, `new Worker(...)`, `Bull(...)`, `new EmailQueue()` or a
 * `super(...)` call of a class extending a library class. Which library
 * class it really is becomes known at build, once the callee is resolved.
 */
export interface ConstructItem {
  kind: 'construct';
  expr: Expr;
  line: number;
  /** Set when the queue name is a parameter of the class method around it. */
  method?: WrapperMethod;
}

/**
 * `class Bus { createQueue(topic) { return new Queue(topic) } }`: a method
 * that builds a queue from its parameter, so each call names a queue.
 */
export interface WrapperMethod {
  cls: string;
  name: string;
  params: string[];
}

/**
 * `this.bus.createQueue(this.topic, opts)` where `this.bus` is declared as
 * an instance of a class this file imports or declares. A constructor
 * parameter property passed along (`this.topic`) is kept as that
 * parameter of its class, for the subclasses' `super()` calls to fill.
 */
export interface WrapperCallItem {
  kind: 'wrapper-call';
  method: string;
  /** The declared class of the receiver, as written. */
  cls: Expr;
  args: Expr[];
  line: number;
}

/** One `.retries(3)` in `queue.createJob(data).retries(3).save()`. */
export interface ChainLink {
  method: string;
  args: Expr[];
  line: number;
}

/**
 * `receiver.method(...)` for a method a queue or flow producer has: add,
 * addBulk, process, createJob, upsertJobScheduler. The receiver is resolved
 * at build; calls on anything that is not a queue are dropped there.
 */
export interface MethodItem {
  kind: 'method';
  method: string;
  receiver: Expr;
  args: Expr[];
  /** Calls chained after `createJob(...)`, in order. */
  chain: ChainLink[];
  line: number;
}

/** `BullModule.forRoot(...)`, `registerQueue(...)` and their async forms. */
export interface NestModuleItem {
  kind: 'nest-module';
  module: string;
  method: string;
  args: Expr[];
  line: number;
}

/** A method handler of a Nest processor class. */
export interface NestHandler {
  /** Arguments of `@Process(...)` (bull flavour); empty for `process(job)`. */
  args: Expr[];
  line: number;
}

/** A class decorated `@Processor(...)` from `@nestjs/bullmq` or `@nestjs/bull`. */
export interface NestProcessorItem {
  kind: 'nest-processor';
  module: string;
  args: Expr[];
  handlers: NestHandler[];
  /** `case 'x':` labels of a `switch (job.name)` in `process(job)`. */
  jobCases: Expr[];
  line: number;
}

export type QueueItem =
  | ConstructItem
  | MethodItem
  | NestModuleItem
  | NestProcessorItem
  | WrapperCallItem;
