import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { OptionValue } from '../../model/types.js';
import type { FileItems } from '../types.js';
import { optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import type { BrokerBuild } from './broker-build.js';
import { sqsQueueNames } from './sqs-queue-name.js';
import type { SqsClientItem } from './types.js';

/** sqs-consumer options that shape how a queue is consumed. */
const CONSUMER_OPTIONS = [
  'batchSize',
  'visibilityTimeout',
  'waitTimeSeconds',
  'pollingWaitTimeMs',
  'terminateVisibilityTimeout',
  'heartbeatInterval',
  'handleMessageTimeout',
  'shouldDeleteMessages',
  'alwaysAcknowledge',
];

/**
 * Queues polled by sqs-consumer and fed by sqs-producer. They land on the
 * same rows as SDK calls for the same queue; returns the names consumed
 * through sqs-consumer, whose rows then carry that library.
 */
export function buildSqsClients(
  files: FileItems<SqsClientItem>[],
  build: BrokerBuild,
): Set<string> {
  const consumed = new Set<string>();
  for (const { file, items } of files) {
    for (const item of items) {
      const options = build.resolver.resolve(item.options, file);
      const isConsumer = item.kind === 'sqs-consumer';
      const at = site(file, item.line, isConsumer ? 'consumer' : 'producer');
      for (const name of sqsQueueNames(build, options, 'queueUrl', file)) {
        const row = build.table.row('sqs', name);
        build.table.addSite(row, at);
        if (isConsumer) {
          build.table.addOptions(row, consumerOptions(options, file));
          consumed.add(name);
        }
      }
    }
  }
  return consumed;
}

function consumerOptions(
  options: Expr,
  file: string,
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const key of CONSUMER_OPTIONS) {
    const value = propOf(options, key);
    if (value) {
      out[key] = optionValue(value, file);
    }
  }
  return out;
}
