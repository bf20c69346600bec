import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type {
  CallExpression,
  CatchClause,
  ClassDeclaration,
  NewExpression,
  ObjectLiteralExpression,
} from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import type { LocalFunction } from '../shared/local-function.js';
import { localFunction } from '../shared/local-function.js';
import { effectsOf } from './body-effects.js';
import { importsQueueLibrary, NEST_QUEUE_MODULES } from './queue-modules.js';
import { methodName, swallowingCatch } from './swallowing-catch.js';
import type { ProcessorLibrary, RawEffects, RawProcessor } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

const AMQP_MODULES = new Set([
  'amqplib',
  'amqplib/callback_api',
  'amqp-connection-manager',
]);

/** `new Worker('email', async (job) => ...)` from bullmq. */
export function readWorkerProcessor(
  file: ParsedFile,
  node: NewExpression,
): RawProcessor | undefined {
  const root = rootIdentifier(node.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  if (
    calleeName(node) !== 'Worker' ||
    (module !== 'bullmq' && module !== '@taskforcesh/bullmq-pro')
  ) {
    return undefined;
  }
  const [queue, handler] = node.getArguments();
  const fn = localFunction(handler);
  return fn ? processorOf('bullmq', fn, { queue: toExpr(queue) }) : undefined;
}

/**
 * `queue.process(fn)` (Bull, Bee), `channel.consume(q, fn)` (amqplib) and
 * `Consumer.create({ handleMessage })` (sqs-consumer).
 */
export function readProcessorCall(
  file: ParsedFile,
  call: CallExpression,
): RawProcessor | undefined {
  const shape = methodCall(call);
  const args = call.getArguments();
  if (shape?.method === 'process') {
    const fn = localFunction(args[args.length - 1]);
    const done = fn?.getParameters()[1]?.getName();
    return fn
      ? processorOf(
          'bull',
          fn,
          {
            receiver: toExpr(shape.receiver),
            queueFile: importsQueueLibrary(file),
          },
          done,
        )
      : undefined;
  }
  if (
    shape?.method === 'consume' &&
    file.importsModule((m) => AMQP_MODULES.has(m))
  ) {
    return amqpConsumer(call, args);
  }
  if (shape?.method === 'create' && Node.isObjectLiteralExpression(args[0])) {
    const root = rootIdentifier(shape.receiver);
    return root !== undefined && file.importOf(root)?.module === 'sqs-consumer'
      ? sqsConsumer(args[0])
      : undefined;
  }
  return undefined;
}

/** Methods of a `@Processor()` class: `process` (WorkerHost) and `@Process()` handlers. */
export function readClassProcessors(
  file: ParsedFile,
  cls: ClassDeclaration,
): RawProcessor[] {
  const processor = cls.getDecorator('Processor');
  if (
    !processor ||
    !NEST_QUEUE_MODULES.has(file.importOf('Processor')?.module ?? '')
  ) {
    return [];
  }
  const queueArg = processor.getArguments()[0];
  return cls
    .getMethods()
    .filter(
      (method) =>
        method.getName() === 'process' || method.getDecorator('Process'),
    )
    .map((method) => {
      const done = method.getParameters()[1]?.getName();
      return processorOf(
        'nestjs',
        method,
        queueArg ? { queue: toExpr(queueArg) } : {},
        done,
      );
    });
}

function amqpConsumer(
  call: CallExpression,
  args: Node[],
): RawProcessor | undefined {
  const options = args[2];
  const noAck = Node.isObjectLiteralExpression(options)
    ? options.getProperty('noAck')
    : undefined;
  if (noAck?.getText().replace(/\s/g, '') === 'noAck:true') {
    return undefined;
  }
  const fn = localFunction(args[1]);
  if (!fn) {
    return undefined;
  }
  // A catch that leaves the message unacked gets it redelivered; only an ack drops it.
  return processorOf(
    'amqplib',
    fn,
    { queue: toExpr(args[0]) },
    undefined,
    (clause) =>
      clause
        .getDescendants()
        .some((d) => Node.isCallExpression(d) && methodName(d) === 'ack'),
  );
}

function sqsConsumer(
  options: ObjectLiteralExpression,
): RawProcessor | undefined {
  const handler =
    options.getProperty('handleMessage') ??
    options.getProperty('handleMessageBatch');
  const fn = Node.isPropertyAssignment(handler)
    ? localFunction(handler.getInitializer())
    : Node.isMethodDeclaration(handler)
      ? handler
      : undefined;
  const queueUrl = options.getProperty('queueUrl');
  const queue = Node.isPropertyAssignment(queueUrl)
    ? toExpr(queueUrl.getInitializer())
    : undefined;
  return fn
    ? processorOf('sqs-consumer', fn, queue ? { queue } : {})
    : undefined;
}

function processorOf(
  library: ProcessorLibrary,
  fn: LocalFunction,
  where: Pick<RawProcessor, 'queue' | 'receiver' | 'queueFile'>,
  done?: string,
  drops: (clause: CatchClause) => boolean = () => true,
): RawProcessor {
  const clause = swallowingCatch(fn, done === undefined ? [] : [done]);
  const raw: RawProcessor = {
    type: 'processor',
    library,
    ...where,
    line: lineOf(fn),
    ...catchEffects(fn),
  };
  if (clause && drops(clause)) {
    raw.swallowedAt = lineOf(clause);
  }
  return raw;
}

/** Moves and reports made from the processor's catch clauses. */
function catchEffects(fn: LocalFunction): RawEffects {
  const effects: RawEffects = { moves: [], reports: [] };
  for (const clause of descendantsOfKind(fn, SyntaxKind.CatchClause)) {
    const found = effectsOf(clause.getBlock());
    effects.moves.push(...found.moves);
    effects.reports.push(...found.reports);
  }
  return effects;
}
