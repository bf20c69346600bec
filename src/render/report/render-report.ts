import type { ArchitectureModel } from '../../model/types.js';
import { analysisNotesSection } from './analysis-notes-section.js';
import { coordinationSection } from './coordination-section.js';
import { failureRecoverySection } from './failure-recovery-section.js';
import { keyFilesSection } from './key-files-section.js';
import { pushDeliverySection } from './push-delivery-section.js';
import { queueSection } from './queue-section.js';
import { redisUsageSection } from './redis-usage-section.js';
import type { ReportOptions } from './report-context.js';
import { createReportContext } from './report-context.js';
import { scalingKnobsSection } from './scaling-knobs-section.js';
import { schedulesSection } from './schedules-section.js';
import { shutdownSection } from './shutdown-section.js';
import { summarySection } from './summary-section.js';
import { topologySection } from './topology-section.js';
import { workerProcessesSection } from './worker-processes-section.js';

export type { ReportOptions } from './report-context.js';

/**
 * The full architecture report of one tree as markdown: a pure function of
 * the model, so the same model always gives the same text. Every fact
 * cites `path:line`; a category with nothing in it says so.
 */
export function renderReport(
  model: ArchitectureModel,
  options: ReportOptions = {},
): string {
  const ctx = createReportContext(options);
  const sections = [
    summarySection(model),
    queueSection(model, ctx),
    workerProcessesSection(model, ctx),
    topologySection(model),
    coordinationSection(model, ctx),
    pushDeliverySection(model, ctx),
    schedulesSection(model, ctx),
    redisUsageSection(model, ctx),
    shutdownSection(model, ctx),
    failureRecoverySection(model, ctx),
    scalingKnobsSection(model, ctx),
    keyFilesSection(model, ctx),
    analysisNotesSection(model),
  ];
  return `${sections.filter((section) => section !== undefined).join('\n\n')}\n`;
}
