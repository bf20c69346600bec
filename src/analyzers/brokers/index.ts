import type { Analyzer } from '../types.js';
import { build } from './build.js';
import { extract } from './extract.js';
import type { BrokerItem } from './types.js';

/**
 * RabbitMQ (amqplib, amqp-connection-manager) and AWS SQS (SDK v3 and v2,
 * sqs-consumer, sqs-producer): queues, exchanges and bindings, producers,
 * consumers, channel settings, and dead-letter routing.
 */
export const brokersAnalyzer: Analyzer<BrokerItem> = {
  id: 'brokers',
  keywords: [
    'amqplib',
    'amqp-connection-manager',
    '@aws-sdk/client-sqs',
    "'aws-sdk'",
    '"aws-sdk"',
    'aws-sdk/clients/sqs',
    'sqs-consumer',
    'sqs-producer',
  ],
  extract,
  build,
};
