import {
  deadLetterRemoved,
  errorSwallowedAdded,
} from './failure-handling-rules.js';
import { jobRetentionMissing } from './job-retention-rule.js';
import { leaderElectionChanged } from './leader-election-rules.js';
import { pubsubChannelAdded, pubsubChannelRemoved } from './pubsub-rules.js';
import { pushPathBroken } from './push-path-rules.js';
import {
  consumerMissing,
  producerMissing,
  queueAdded,
  queueRemoved,
} from './queue-lifecycle-rules.js';
import {
  concurrencyChanged,
  limiterChanged,
  retryChanged,
  stallSettingsChanged,
} from './queue-option-rules.js';
import {
  redisKeyAdded,
  redisKeyNoTtl,
  redisKeyRemoved,
} from './redis-key-rules.js';
import { scheduleAdded, scheduleUnguarded } from './schedule-rules.js';
import { shutdownMissing } from './shutdown-rules.js';
import type { DiffRule } from './types.js';

/** Every diff rule, in the order of the table in `README.md`. */
export const diffRules: readonly DiffRule[] = [
  queueAdded,
  queueRemoved,
  retryChanged,
  concurrencyChanged,
  limiterChanged,
  stallSettingsChanged,
  jobRetentionMissing,
  consumerMissing,
  producerMissing,
  shutdownMissing,
  redisKeyAdded,
  redisKeyRemoved,
  redisKeyNoTtl,
  pubsubChannelAdded,
  pubsubChannelRemoved,
  scheduleAdded,
  scheduleUnguarded,
  leaderElectionChanged,
  deadLetterRemoved,
  errorSwallowedAdded,
  pushPathBroken,
];
