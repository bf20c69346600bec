import type { ParsedFile } from '../../facts/parsed-file.js';
import { extractAmqp } from './extract-amqp.js';
import { extractSqs } from './extract-sqs.js';
import type { BrokerItem } from './types.js';

/** Raw broker calls of one file: amqplib channels, SQS clients and commands. */
export function extract(file: ParsedFile): BrokerItem[] {
  const items: BrokerItem[] = [...extractAmqp(file.calls), ...extractSqs(file)];
  return items.sort((a, b) => a.line - b.line);
}
