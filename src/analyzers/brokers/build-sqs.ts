import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { OptionValue, Queue } from '../../model/types.js';
import type { FileItems } from '../types.js';
import { flattenOptions, optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import type { BrokerBuild } from './broker-build.js';
import { sqsQueueNames } from './sqs-queue-name.js';
import { redriveFailure, redriveOptions } from './sqs-redrive.js';
import type { SqsItem, SqsOperation } from './types.js';

const ROLES: Record<SqsOperation, string> = {
  SendMessage: 'producer',
  SendMessageBatch: 'producer',
  ReceiveMessage: 'consumer',
  DeleteMessage: 'consumer',
  DeleteMessageBatch: 'consumer',
  ChangeMessageVisibility: 'consumer',
  ChangeMessageVisibilityBatch: 'consumer',
  CreateQueue: 'definition',
  SetQueueAttributes: 'config',
};

/** Input fields worth reporting, by operation, and their canonical keys. */
const INPUT_OPTIONS: Partial<Record<SqsOperation, Record<string, string>>> = {
  SendMessage: {
    DelaySeconds: 'delaySeconds',
    MessageGroupId: 'MessageGroupId',
    MessageDeduplicationId: 'MessageDeduplicationId',
  },
  ReceiveMessage: {
    MaxNumberOfMessages: 'maxNumberOfMessages',
    VisibilityTimeout: 'visibilityTimeout',
    WaitTimeSeconds: 'waitTimeSeconds',
  },
};

const ATTRIBUTE_KEYS: Record<string, string> = {
  'Attributes.VisibilityTimeout': 'visibilityTimeout',
  'Attributes.MessageRetentionPeriod': 'messageRetentionPeriod',
  'Attributes.DelaySeconds': 'delaySeconds',
  'Attributes.ReceiveMessageWaitTimeSeconds': 'waitTimeSeconds',
};

/**
 * SQS queues from v3 commands and v2 (or v3 aggregated) client methods.
 * `isSqsFile` tells whether a file uses an AWS SDK: method calls such as
 * `sendMessage` count only there, and only when their input names a queue.
 */
export function buildSqs(
  files: FileItems<SqsItem>[],
  build: BrokerBuild,
  isSqsFile: (file: string) => boolean,
): void {
  for (const { file, items } of files) {
    for (const item of items) {
      if (item.form === 'method' && !isSqsFile(file)) {
        continue;
      }
      addCall(item, file, build);
    }
  }
}

function addCall(item: SqsItem, file: string, build: BrokerBuild): void {
  const input = build.resolver.resolve(item.input, file);
  const key = item.operation === 'CreateQueue' ? 'QueueName' : 'QueueUrl';
  if (item.form === 'method' && propOf(input, key) === undefined) {
    return;
  }
  const at = site(file, item.line, ROLES[item.operation]);
  const options = optionsOf(item.operation, input, file);
  for (const name of sqsQueueNames(build, input, key, file)) {
    const row: Queue = build.table.row('sqs', name);
    build.table.addSite(row, at);
    build.table.addOptions(row, options);
    const deadLetter = redriveFailure(name, options, at);
    if (deadLetter) {
      build.failures.push(deadLetter);
    }
  }
}

function optionsOf(
  operation: SqsOperation,
  input: Expr,
  file: string,
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const [field, key] of Object.entries(INPUT_OPTIONS[operation] ?? {})) {
    const value = propOf(input, field);
    if (value) {
      out[key] = optionValue(value, file);
    }
  }
  if (operation === 'CreateQueue' || operation === 'SetQueueAttributes') {
    Object.assign(out, attributesOf(propOf(input, 'Attributes'), file));
  }
  return out;
}

/** Queue attributes, with the redrive policy read into its parts. */
function attributesOf(
  attributes: Expr | undefined,
  file: string,
): Record<string, OptionValue> {
  if (!attributes) {
    return {};
  }
  const out = flattenOptions(attributes, file, ATTRIBUTE_KEYS, 'Attributes');
  const policy = propOf(attributes, 'RedrivePolicy');
  const redrive = policy ? redriveOptions(policy, file) : undefined;
  if (redrive) {
    delete out['Attributes.RedrivePolicy'];
    Object.assign(out, redrive);
  }
  return out;
}
