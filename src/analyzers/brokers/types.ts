import type { Expr } from '../../facts/expr.js';

/** Channel methods of amqplib (and amqp-connection-manager wrappers) we read. */
export type AmqpMethod =
  | 'assertQueue'
  | 'assertExchange'
  | 'bindQueue'
  | 'sendToQueue'
  | 'publish'
  | 'consume'
  | 'prefetch'
  | 'nack'
  | 'reject';

/** One channel call, e.g. `ch.consume(queue, handler, { noAck: true })`. */
export interface AmqpItem {
  kind: 'amqp';
  method: AmqpMethod;
  /** The receiver as written (`ch`, `this.channel`): the channel variable. */
  channel: string;
  /** Start line of the enclosing function, 0 at the top level. */
  scope: number;
  args: Expr[];
  /** The whole call as written, for settings the code leaves to a default. */
  text: string;
  line: number;
  /**
   * consume: the handler's name when it is passed by name. nack/reject: the
   * name of the nearest named function around the call.
   */
  handler?: string;
  /** nack/reject written inside an inline consume handler: its queue. */
  consumedQueue?: Expr;
}

/** SQS API operations we read, named as in the v3 command classes. */
export type SqsOperation =
  | 'SendMessage'
  | 'SendMessageBatch'
  | 'ReceiveMessage'
  | 'DeleteMessage'
  | 'DeleteMessageBatch'
  | 'ChangeMessageVisibility'
  | 'ChangeMessageVisibilityBatch'
  | 'CreateQueue'
  | 'SetQueueAttributes';

/**
 * One SQS call: `new SendMessageCommand(input)` (v3, `form: 'command'`) or
 * `sqs.sendMessage(input)` (aws-sdk v2 and the v3 aggregated client,
 * `form: 'method'`).
 */
export interface SqsItem {
  kind: 'sqs';
  operation: SqsOperation;
  form: 'command' | 'method';
  input: Expr;
  line: number;
}

/** `Consumer.create(options)` of sqs-consumer or `Producer.create` of sqs-producer. */
export interface SqsClientItem {
  kind: 'sqs-consumer' | 'sqs-producer';
  options: Expr;
  line: number;
}

export type BrokerItem = AmqpItem | SqsItem | SqsClientItem;
