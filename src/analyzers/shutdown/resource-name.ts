import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import { queueHandleOf } from '../shared/queue-handle.js';
import { sqsQueueName } from './sqs-queue-name.js';

const HANDLE_PREFIX: Record<string, string> = {
  worker: 'worker',
  queue: 'queue',
  'queue-events': 'queue-events',
};
const REDIS_MODULES = new Set(['ioredis', 'redis', '@redis/client']);
const SERVER_MODULES = new Set([
  'http',
  'https',
  'http2',
  'node:http',
  'node:https',
  'node:http2',
]);
const AMQP_MODULES = new Set([
  'amqplib',
  'amqplib/callback_api',
  'amqp-connection-manager',
]);
const COLLECTION_OF_WORKERS = /worker|consumer|processor/i;

/**
 * What a closed receiver is, from its resolved value: `worker:<queue>`,
 * `queue:<queue>`, `redis`, `server`, `amqp`, `consumer:<queue>`, the
 * package name for other libraries, `workers:*` for a collection of
 * workers. An unknown receiver keeps its text.
 */
export function resourceNames(
  receiver: Expr,
  file: string,
  resolver: Resolver,
): string[] {
  const iterated = receiver.k === 'each';
  return resolver.expand(receiver, file).map((value) => {
    if (value.k === 'dyn' && iterated) {
      return collectionName(value.text);
    }
    const written = iterated ? value.text : receiver.text;
    return resourceName(value) ?? written.replace(/^this\./, '');
  });
}

export function resourceName(value: Expr): string | undefined {
  const handle = queueHandleOf(value);
  if (handle) {
    const prefix = HANDLE_PREFIX[handle.kind];
    return prefix ? `${prefix}:${handle.name}` : handle.kind;
  }
  if (value.k !== 'new' && value.k !== 'call') {
    return undefined;
  }
  if (value.callee.k === 'ext') {
    return libraryResource(value.callee, value.args);
  }
  const callee = value.callee.text;
  if (/\.listen$/.test(callee)) {
    return 'server';
  }
  return /\.create(Confirm)?Channel$/.test(callee) ? 'amqp' : undefined;
}

function libraryResource(
  callee: Extract<Expr, { k: 'ext' }>,
  args: Expr[],
): string {
  const { module } = callee;
  const member = callee.path.at(-1) ?? callee.name;
  if (REDIS_MODULES.has(module)) {
    return 'redis';
  }
  if (AMQP_MODULES.has(module)) {
    return 'amqp';
  }
  if (module === 'sqs-consumer') {
    const url = propOf(args[0], 'queueUrl');
    return url ? `consumer:${sqsQueueName(url)}` : 'consumer';
  }
  const isServer =
    (SERVER_MODULES.has(module) && member === 'createServer') ||
    module === 'fastify' ||
    module === 'http-terminator' ||
    (module === '@nestjs/core' &&
      callee.name === 'NestFactory' &&
      member === 'create');
  return isServer ? 'server' : module;
}

/** `for (const w of workers) await w.close()` closes every worker it holds. */
function collectionName(text: string): string {
  return COLLECTION_OF_WORKERS.test(text)
    ? 'workers:*'
    : `${text.replace(/^this\./, '')}:*`;
}
