import type { SignalKind } from './types.js';

/** Modules whose `listen` starts an HTTP server. */
/** A receiver whose root name says it serves HTTP: `app.listen()`. */
export const SERVER_NAME = /app|server|fastify/i;

export const HTTP_MODULES = new Set([
  'express',
  'fastify',
  'koa',
  'http',
  'https',
  'http2',
  'node:http',
  'node:https',
  'node:http2',
  '@nestjs/core',
  '@hapi/hapi',
  'restify',
  'hono',
  '@hono/node-server',
  'polka',
  'next',
  '@apollo/server',
  'apollo-server',
  'apollo-server-express',
]);

/** Modules whose `createServer` builds an HTTP server. */
export const NODE_HTTP = new Set([
  'http',
  'https',
  'http2',
  'node:http',
  'node:https',
  'node:http2',
]);

/** Modules whose `.process()` registers a job processor. */
export const PROCESS_MODULES = new Set(['bull', 'bee-queue']);

/** Modules whose `.consume()` starts a message consumer. */
export const CONSUME_MODULES = new Set([
  'amqplib',
  'amqplib/callback_api',
  'amqp-connection-manager',
]);

export const BULLMQ_MODULES = new Set(['bullmq', '@taskforcesh/bullmq-pro']);

/** `new X()` by constructor name and the module it must come from. */
export const NEW_RULES: {
  name: string;
  modules: ReadonlySet<string>;
  signal: SignalKind;
}[] = [
  { name: 'Worker', modules: BULLMQ_MODULES, signal: 'worker' },
  { name: 'WebSocketServer', modules: new Set(['ws']), signal: 'websocket' },
  {
    name: 'Server',
    modules: new Set(['ws', 'socket.io']),
    signal: 'websocket',
  },
  { name: 'CronJob', modules: new Set(['cron']), signal: 'schedule' },
];

/** Calls by written callee (`cron.schedule`, `serve`) and their module. */
export const CALL_RULES: {
  name: string;
  modules: ReadonlySet<string>;
  signal: SignalKind;
}[] = [
  { name: 'schedule', modules: new Set(['node-cron']), signal: 'schedule' },
  {
    name: 'scheduleJob',
    modules: new Set(['node-schedule']),
    signal: 'schedule',
  },
  { name: 'from', modules: new Set(['cron']), signal: 'schedule' },
  { name: 'create', modules: new Set(['sqs-consumer']), signal: 'worker' },
  { name: 'serve', modules: new Set(['@hono/node-server']), signal: 'listen' },
  {
    name: 'startStandaloneServer',
    modules: new Set(['@apollo/server/standalone']),
    signal: 'listen',
  },
];

/** Decorators by name and the module they must come from. */
export const DECORATOR_RULES: {
  name: string;
  modules: ReadonlySet<string>;
  signal: SignalKind;
}[] = [
  {
    name: 'Processor',
    modules: new Set(['@nestjs/bullmq', '@nestjs/bull']),
    signal: 'worker',
  },
  {
    name: 'RabbitSubscribe',
    modules: new Set(['@golevelup/nestjs-rabbitmq']),
    signal: 'worker',
  },
  {
    name: 'SqsMessageHandler',
    modules: new Set(['@ssut/nestjs-sqs']),
    signal: 'worker',
  },
  {
    name: 'MessagePattern',
    modules: new Set(['@nestjs/microservices']),
    signal: 'worker',
  },
  {
    name: 'EventPattern',
    modules: new Set(['@nestjs/microservices']),
    signal: 'worker',
  },
  { name: 'Cron', modules: new Set(['@nestjs/schedule']), signal: 'schedule' },
  {
    name: 'Interval',
    modules: new Set(['@nestjs/schedule']),
    signal: 'schedule',
  },
  {
    name: 'WebSocketGateway',
    modules: new Set(['@nestjs/websockets']),
    signal: 'websocket',
  },
];

/** `NestFactory.<method>` and what it bootstraps. */
export const NEST_FACTORY: Record<string, SignalKind> = {
  create: 'nest-http',
  createApplicationContext: 'nest-context',
  createMicroservice: 'worker',
};
