import { emptyModel } from '../../src/model/empty-model.js';
import type {
  ArchitectureModel,
  JsonValue,
  OptionValue,
  Queue,
  QueueLibrary,
  RedisKey,
  Site,
} from '../../src/model/types.js';

/** A model with only the given parts; everything else empty. */
export function buildModel(
  parts: Partial<ArchitectureModel> = {},
): ArchitectureModel {
  return { ...emptyModel('test'), ...parts };
}

export function site(file: string, line: number, role: string): Site {
  return { file, line, role };
}

/** A literal option written at `file:line`. */
export function literal(
  value: JsonValue,
  file: string,
  line: number,
): OptionValue {
  return { source: 'literal', value, text: JSON.stringify(value), file, line };
}

export function expression(
  text: string,
  file: string,
  line: number,
): OptionValue {
  return { source: 'expression', text, file, line };
}

/** A BullMQ queue defined in `file` with a producer and a worker in it. */
export function queue(
  name: string,
  options: Record<string, OptionValue> = {},
  file = 'src/queues.ts',
  library: QueueLibrary = 'bullmq',
): Queue {
  return {
    name,
    library,
    jobNames: [],
    options,
    sites: [
      site(file, 3, 'definition'),
      site(file, 10, 'producer'),
      site(file, 20, 'worker'),
    ],
  };
}

/** Full retention, so queue tests do not also trip job-retention-missing. */
export function retained(file = 'src/queues.ts'): Record<string, OptionValue> {
  return {
    removeOnComplete: literal(true, file, 4),
    removeOnFail: literal(1000, file, 5),
  };
}

export function redisKey(
  pattern: string,
  extra: Partial<RedisKey> = {},
): RedisKey {
  return {
    pattern,
    operations: ['set'],
    lifetime: 'durable',
    sites: [site('src/cache.ts', 7, 'set')],
    ...extra,
  };
}
