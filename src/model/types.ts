/**
 * The architecture model: what the analyzers found in one tree, resolved
 * across files. This is the JSON contract of `scaling-report analyze
 * --format json`, described by `schema/architecture.schema.json`. Fields are
 * only ever added, never renamed.
 */

/** Where a fact was seen. `file` is relative to the analyzed root, with `/`. */
export interface Site {
  file: string;
  /** 1-based line of the node that states the fact. */
  line: number;
  /** What the code at this site does: definition, producer, consumer, ... */
  role: string;
}

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue =
  JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };

/**
 * A setting as the code states it.
 * - `literal`: written in place (`attempts: 3`).
 * - `constant`: resolved through a constant, enum, config object or helper.
 * - `expression`: truly dynamic; `text` is the source text, never a guess.
 */
export interface OptionValue {
  source: 'literal' | 'constant' | 'expression';
  /** The value, when `source` is not `expression`. */
  value?: JsonValue;
  /** Source text as written at the site. */
  text: string;
  file: string;
  line: number;
}

export type QueueLibrary =
  | 'bullmq'
  | 'bull'
  | 'bee-queue'
  | 'amqplib'
  | 'sqs'
  | 'sqs-consumer'
  | 'nestjs-bullmq'
  | 'nestjs-bull';

export interface Queue {
  /** Resolved name, or `{expression}` text when dynamic. */
  name: string;
  library: QueueLibrary;
  /** Job names seen at producers and processors (purpose of the queue). */
  jobNames: string[];
  /**
   * Canonical option keys: concurrency, attempts, backoff.type, backoff.delay,
   * removeOnComplete, removeOnFail, limiter.max, limiter.duration,
   * lockDuration, stalledInterval, maxStalledCount, timeout, prefix,
   * prefetch, messageTtl, deadLetterExchange, deadLetterRoutingKey,
   * visibilityTimeout, maxNumberOfMessages, waitTimeSeconds,
   * redrive.maxReceiveCount, redrive.deadLetterTarget, repeat.pattern,
   * repeat.every. Options an analyzer saw but has no canonical key for are
   * kept under their written path.
   */
  options: Record<string, OptionValue>;
  sites: Site[];
}

export type ProcessKind = 'web' | 'worker' | 'scheduler' | 'websocket';

export interface ProcessEntry {
  /** Entry file, script or service name. */
  name: string;
  /** Relative path of the entry module when known. */
  entry?: string;
  kinds: ProcessKind[];
  /** Replica count when a manifest states one. */
  replicas?: OptionValue;
  /** How it is started: package.json script, Procfile, Dockerfile, compose, k8s. */
  startedBy: string[];
  sites: Site[];
}

export interface RedisKey {
  /** Key with dynamic parts as `{expression}`, e.g. `session:{userId}`. */
  pattern: string;
  /** Commands seen on the key, lower case: get, set, hset, expire, ... */
  operations: string[];
  /** TTL in the unit written, or undefined when no TTL is ever set. */
  ttl?: OptionValue;
  /** Unit of `ttl`: seconds (EX, setex, expire) or milliseconds (PX, pexpire). */
  ttlUnit?: 's' | 'ms';
  /** The client's `keyPrefix`, prepended by ioredis to every key it sends. */
  keyPrefix?: OptionValue;
  /** `ephemeral` when every write carries or is followed by a TTL. */
  lifetime: 'ephemeral' | 'durable';
  /** Set when the key belongs to a queue library rather than app code. */
  ownedBy?: string;
  sites: Site[];
}

export interface RedisClient {
  library: 'ioredis' | 'redis' | 'other';
  /** Connection settings as written (host, url, keyPrefix, maxRetriesPerRequest...). */
  settings: Record<string, OptionValue>;
  sites: Site[];
}

export interface PubSubChannel {
  channel: string;
  /** redis, socket.io-adapter, postgres (LISTEN/NOTIFY), ... */
  transport: string;
  publishers: Site[];
  subscribers: Site[];
  /** Pattern subscription (psubscribe). */
  pattern: boolean;
  /** What the channel is for when the code says: cache-invalidation, push. */
  purpose?: string;
  sites: Site[];
}

export interface LeaderElection {
  /** leader-lock (SET NX PX + renew), redlock, advisory-lock, ... */
  mechanism: string;
  key?: string;
  ttl?: OptionValue;
  /** Whether a renew loop keeps the lock alive. */
  renewed: boolean;
  /** Functions or calls that only run under the lock. */
  guards: string[];
  sites: Site[];
}

export interface Schedule {
  /** node-cron, cron, node-schedule, nestjs-schedule, bullmq-repeat, ... */
  kind: string;
  /** Cron pattern or interval as written. */
  expression: string;
  /** What runs: handler or job name. */
  task: string;
  /** How it avoids firing once per instance. */
  guard: 'leader' | 'lock' | 'queue-unique' | 'unguarded';
  guardDetail?: string;
  sites: Site[];
}

export interface ShutdownHandler {
  /** SIGTERM, SIGINT, beforeExit, enableShutdownHooks, onModuleDestroy, ... */
  trigger: string;
  /** What the handler closes: worker:<queue>, queue:<queue>, server, redis, ... */
  closes: string[];
  timeout?: OptionValue;
  sites: Site[];
}

export interface UnclosedResource {
  /** worker:<queue>, consumer:<queue>, server, redis. */
  resource: string;
  sites: Site[];
}

export interface FailureHandling {
  /** dead-letter, failed-listener, stalled-listener, error-swallowed, monitoring. */
  kind: string;
  /** Queue the mechanism belongs to, when known. */
  queue?: string;
  detail: string;
  sites: Site[];
}

export interface PushHop {
  /** worker-publish, channel, subscriber, socket-send, adapter. */
  step: string;
  detail: string;
  site: Site;
}

export interface PushPath {
  /** websocket, socket.io, sse. */
  transport: string;
  channel?: string;
  /** Whether every hop from publish to send was found. */
  complete: boolean;
  hops: PushHop[];
  sites: Site[];
}

export interface SkippedFile {
  file: string;
  /**
   * too-large, minified, generated, binary, parse-error, too-deep,
   * invalid-utf8, budget-exceeded.
   */
  reason: string;
}

/** The analysis ran out of a budget and stopped parsing; the model is partial. */
export interface BudgetExceeded {
  /** `wall-time` (limit in milliseconds) or `heap` (limit in bytes). */
  kind: 'wall-time' | 'heap';
  limit: number;
  /** Files that were not parsed because of it. */
  filesNotParsed: number;
}

export interface AnalysisStats {
  filesSeen: number;
  filesScanned: number;
  filesParsed: number;
  skipped: SkippedFile[];
  /** Analyzers that failed, with the error message; the rest still ran. */
  failedAnalyzers: { analyzer: string; message: string }[];
  durationMs: number;
  /** Present when a budget ran out and parsing stopped early. */
  budgetExceeded?: BudgetExceeded;
}

export interface ArchitectureModel {
  /** Version of the model contract. */
  schemaVersion: 1;
  root: string;
  queues: Queue[];
  processes: ProcessEntry[];
  redisClients: RedisClient[];
  redisKeys: RedisKey[];
  pubsub: PubSubChannel[];
  leaderElection: LeaderElection[];
  schedules: Schedule[];
  shutdown: ShutdownHandler[];
  /** Workers, consumers, servers and clients that no shutdown path closes. */
  unclosed: UnclosedResource[];
  failureHandling: FailureHandling[];
  pushPaths: PushPath[];
  stats: AnalysisStats;
}
