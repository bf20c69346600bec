/**
 * Pre-filter anchors for every queue library the analyzers read: a file
 * naming one of these may construct, consume or close a queue.
 */
export const QUEUE_LIBRARY_KEYWORDS: readonly string[] = [
  'bullmq',
  'bull',
  'bee-queue',
  'amqplib',
  'amqp-connection-manager',
  'sqs-consumer',
  '@aws-sdk/client-sqs',
  "'aws-sdk'",
  '"aws-sdk"',
  'aws-sdk/clients/sqs',
  '@nestjs/bull',
];
