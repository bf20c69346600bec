import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, ClassDeclaration, NewExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import type { RawConsumer } from './types.js';

const BULL_MODULES = new Set(['bull', 'bee-queue']);
const AMQP_MODULES = new Set([
  'amqplib',
  'amqplib/callback_api',
  'amqp-connection-manager',
]);
const NEST_QUEUE_MODULES = new Set(['@nestjs/bullmq', '@nestjs/bull']);

/** `new Worker('email', ...)` from bullmq. */
export function readWorkerConsumer(
  file: ParsedFile,
  node: NewExpression,
): RawConsumer | undefined {
  const root = rootIdentifier(node.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  if (
    calleeName(node) !== 'Worker' ||
    (module !== 'bullmq' && module !== '@taskforcesh/bullmq-pro')
  ) {
    return undefined;
  }
  const [queue] = node.getArguments();
  return withBinding(
    {
      type: 'consumer',
      library: 'bullmq',
      queue: toExpr(queue),
      line: lineOf(node),
    },
    node,
  );
}

/** `queue.process(fn)` (Bull, Bee), `channel.consume(q, fn)`, `Consumer.create({ queueUrl })`. */
export function readConsumerCall(
  file: ParsedFile,
  call: CallExpression,
): RawConsumer | undefined {
  const shape = methodCall(call);
  const line = lineOf(call);
  const [first] = call.getArguments();
  if (
    shape?.method === 'process' &&
    file.importsModule((m) => BULL_MODULES.has(m))
  ) {
    const raw: RawConsumer = {
      type: 'consumer',
      library: 'bull',
      receiver: toExpr(shape.receiver),
      line,
    };
    return withName(raw, shape.receiver.getText());
  }
  if (
    shape?.method === 'consume' &&
    file.importsModule((m) => AMQP_MODULES.has(m))
  ) {
    return { type: 'consumer', library: 'amqplib', queue: toExpr(first), line };
  }
  const root = shape ? rootIdentifier(shape.receiver) : undefined;
  if (
    shape?.method === 'create' &&
    root &&
    file.importOf(root)?.module === 'sqs-consumer'
  ) {
    const url = Node.isObjectLiteralExpression(first)
      ? first.getProperty('queueUrl')
      : undefined;
    const queue = Node.isPropertyAssignment(url)
      ? toExpr(url.getInitializer())
      : undefined;
    const raw: RawConsumer = {
      type: 'consumer',
      library: 'sqs-consumer',
      line,
    };
    if (queue) {
      raw.queue = queue;
    }
    return withBinding(raw, call);
  }
  return undefined;
}

/** A `@Processor('email')` class: NestJS runs a worker for it. */
export function readProcessorClass(
  file: ParsedFile,
  cls: ClassDeclaration,
): RawConsumer | undefined {
  const decorator = cls.getDecorator('Processor');
  if (
    !decorator ||
    !NEST_QUEUE_MODULES.has(file.importOf('Processor')?.module ?? '')
  ) {
    return undefined;
  }
  const [queue] = decorator.getArguments();
  const raw: RawConsumer = {
    type: 'consumer',
    library: 'nestjs',
    line: lineOf(decorator),
  };
  if (queue) {
    raw.queue = toExpr(queue);
  }
  return raw;
}

/** Records the variable or property the construction is stored in. */
function withBinding(raw: RawConsumer, node: Node): RawConsumer {
  const parent = node.getParent();
  if (
    Node.isVariableDeclaration(parent) ||
    Node.isPropertyDeclaration(parent)
  ) {
    return withName(raw, parent.getName());
  }
  if (Node.isAwaitExpression(parent)) {
    return withBinding(raw, parent);
  }
  if (Node.isBinaryExpression(parent) && parent.getRight() === node) {
    return withName(raw, parent.getLeft().getText());
  }
  return raw;
}

function withName(raw: RawConsumer, text: string): RawConsumer {
  raw.bindingName = text.replace(/^this\./, '');
  return raw;
}
