/**
 * Pre-filter anchors for every queue library the analyzers read: a file
 * naming one of these may construct, consume or close a queue.
 */
export const QUEUE_LIBRARY_KEYWORDS: readonly string[] = [
  'bullmq',
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

/**
 * Queue libraries whose name is too common a word to look for in text
 * (`bull` is in "bullet"): they count only as an import specifier.
 */
export const QUEUE_LIBRARY_MODULES: readonly string[] = ['bull'];
