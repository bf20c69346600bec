import type { ArchitectureModel } from '../../model/types.js';
import { inlineText } from '../markdown/escape-cell.js';

/** The title line and one line of counts. */
export function summarySection(model: ArchitectureModel): string {
  const counts = [
    count(model.queues.length, 'queue'),
    count(model.processes.length, 'process', 'processes'),
    count(model.redisKeys.length, 'Redis key pattern'),
    count(model.pubsub.length, 'pub/sub channel'),
    count(model.leaderElection.length, 'leader election'),
    count(model.schedules.length, 'schedule'),
    count(model.shutdown.length, 'shutdown handler'),
    count(model.failureHandling.length, 'failure-handling fact'),
    count(model.pushPaths.length, 'push path'),
  ];
  const { filesSeen, filesParsed } = model.stats;
  const files = `${count(filesSeen, 'file')} seen, ${filesParsed} parsed`;
  return [
    `# Scaling report: ${inlineText(model.root)}`,
    '',
    `${counts.join(' · ')} (${files}).`,
  ].join('\n');
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
