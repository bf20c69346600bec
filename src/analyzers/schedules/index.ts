import type { Analyzer } from '../types.js';
import { buildSchedules } from './build.js';
import { extractSchedules } from './extract.js';
import type { RawSchedule } from './types.js';

/**
 * Recurring work: node-cron, cron, node-schedule, `@nestjs/schedule`,
 * toad-scheduler, agenda and `setInterval`, with what keeps each from
 * firing once per instance. BullMQ and Bull repeatable jobs belong to the
 * queues analyzer.
 */
export const schedulesAnalyzer: Analyzer<RawSchedule> = {
  id: 'schedules',
  keywords: [
    'Cron',
    '@nestjs/schedule',
    'node-schedule',
    'scheduleJob',
    'setInterval',
    '@Interval',
    'agenda',
    'toad-scheduler',
  ],
  // `cron:` options and `node-cron`, never the middle of `Micronesia`.
  wordKeywords: ['cron'],
  extract: extractSchedules,
  build: buildSchedules,
};
