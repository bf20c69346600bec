import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, NewExpression } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import type { SqsClientItem, SqsItem, SqsOperation } from './types.js';

/** The v3 SDK package whose command classes name the operation. */
export const SQS_V3_MODULE = '@aws-sdk/client-sqs';

const OPERATIONS: readonly SqsOperation[] = [
  'SendMessage',
  'SendMessageBatch',
  'ReceiveMessage',
  'DeleteMessage',
  'DeleteMessageBatch',
  'ChangeMessageVisibility',
  'ChangeMessageVisibilityBatch',
  'CreateQueue',
  'SetQueueAttributes',
];

/** `sendMessage` -> `SendMessage`, the method names of v2 and v3 clients. */
const BY_METHOD = new Map(
  OPERATIONS.map((op) => [`${op.charAt(0).toLowerCase()}${op.slice(1)}`, op]),
);

const BY_COMMAND = new Map(OPERATIONS.map((op) => [`${op}Command`, op]));

/** SQS commands, client method calls and sqs-consumer/producer clients of one file. */
export function extractSqs(file: ParsedFile): (SqsItem | SqsClientItem)[] {
  const items: (SqsItem | SqsClientItem)[] = [];
  for (const created of file.news) {
    const item = commandItem(file, created) ?? clientItem(file, created);
    if (item) {
      items.push(item);
    }
  }
  for (const call of file.calls) {
    const item = methodItem(call) ?? clientItem(file, call);
    if (item) {
      items.push(item);
    }
  }
  return items;
}

/** `new SendMessageCommand(input)`, imported from the v3 SDK. */
function commandItem(
  file: ParsedFile,
  created: NewExpression,
): SqsItem | undefined {
  const name = calleeName(created);
  const operation = name === undefined ? undefined : BY_COMMAND.get(name);
  const root = rootIdentifier(created.getExpression());
  if (!operation || !root || file.importOf(root)?.module !== SQS_V3_MODULE) {
    return undefined;
  }
  const input = created.getArguments()[0];
  return {
    kind: 'sqs',
    operation,
    form: 'command',
    input: toExpr(input),
    line: lineOf(created),
  };
}

/**
 * `sqs.sendMessage(input)`. The method names are common words, so `build`
 * keeps these only in files that use an AWS SDK and when the input names a
 * queue.
 */
function methodItem(call: CallExpression): SqsItem | undefined {
  const shape = methodCall(call);
  const operation = shape ? BY_METHOD.get(shape.method) : undefined;
  const input = call.getArguments()[0];
  if (!operation || !input) {
    return undefined;
  }
  return {
    kind: 'sqs',
    operation,
    form: 'method',
    input: toExpr(input),
    line: lineOf(call),
  };
}

const CLIENT_MODULES: Record<string, SqsClientItem['kind']> = {
  'sqs-consumer': 'sqs-consumer',
  'sqs-producer': 'sqs-producer',
};

/** `Consumer.create(options)`, `new Consumer(options)`, `Producer.create(options)`. */
function clientItem(
  file: ParsedFile,
  node: CallExpression | NewExpression,
): SqsClientItem | undefined {
  const callee = node.getExpression();
  const isFactory = Node.isNewExpression(node) || calleeName(node) === 'create';
  const root = rootIdentifier(callee);
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  const kind = module === undefined ? undefined : CLIENT_MODULES[module];
  const options = node.getArguments()[0];
  if (!isFactory || !kind || !options) {
    return undefined;
  }
  return { kind, options: toExpr(options), line: lineOf(node) };
}
