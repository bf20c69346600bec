import type { ParsedFile } from '../../facts/parsed-file.js';

export const QUEUE_MODULES = new Set([
  'bullmq',
  '@taskforcesh/bullmq-pro',
  'bull',
  'bee-queue',
]);
export const NEST_QUEUE_MODULES = new Set(['@nestjs/bullmq', '@nestjs/bull']);

/** Whether the file uses a queue library, directly or through NestJS. */
export function importsQueueLibrary(file: ParsedFile): boolean {
  return file.importsModule(
    (module) => QUEUE_MODULES.has(module) || NEST_QUEUE_MODULES.has(module),
  );
}
