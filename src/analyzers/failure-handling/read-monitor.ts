import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, ObjectLiteralExpression } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import {
  calleeName,
  methodCall,
  rootIdentifier,
} from '../shared/call-shape.js';
import type { RawMonitor } from './types.js';

const COUNT_METHODS = new Set([
  'getJobCounts',
  'getJobCountByTypes',
  'getWaitingCount',
  'getActiveCount',
  'getFailedCount',
  'getDelayedCount',
]);
const EXPORTER_MODULES = new Set([
  'bullmq-prometheus',
  'bull-prom',
  '@bull-monitor/root',
]);

/** Dashboards and exporters: bull-board, bull-arena, queue gauges in prom-client. */
export function readMonitorCall(
  file: ParsedFile,
  call: CallExpression,
): RawMonitor | undefined {
  const root = rootIdentifier(call.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  const name = calleeName(call);
  const line = lineOf(call);
  const first = call.getArguments()[0];
  if (module === '@bull-board/api' && name === 'createBullBoard') {
    return {
      type: 'monitor',
      tool: 'bull-board',
      queues: adapterQueues(call),
      line,
    };
  }
  if (module === '@bull-board/nestjs' && name === 'forFeature') {
    const queue = Node.isObjectLiteralExpression(first)
      ? propertyExpr(first, 'name')
      : undefined;
    return {
      type: 'monitor',
      tool: 'bull-board',
      queues: queue ? [queue] : [],
      line,
    };
  }
  if (module === 'bull-arena' && Node.isObjectLiteralExpression(first)) {
    return {
      type: 'monitor',
      tool: 'bull-arena',
      queues: arenaQueues(first),
      line,
    };
  }
  const shape = methodCall(call);
  if (
    shape &&
    COUNT_METHODS.has(shape.method) &&
    file.importsModule((m) => m === 'prom-client')
  ) {
    return {
      type: 'monitor',
      tool: 'prom-client',
      queues: [toExpr(shape.receiver)],
      line,
    };
  }
  return undefined;
}

/** A queue metrics exporter imported by the file. */
export function readMonitorImports(file: ParsedFile): RawMonitor[] {
  const seen = new Set<string>();
  return file.imports.flatMap((fact) => {
    if (!EXPORTER_MODULES.has(fact.module) || seen.has(fact.module)) {
      return [];
    }
    seen.add(fact.module);
    return [
      {
        type: 'monitor' as const,
        tool: fact.module,
        queues: [],
        line: fact.line,
      },
    ];
  });
}

/** `new BullMQAdapter(queue)` for each queue shown on the board. */
function adapterQueues(call: CallExpression): Expr[] {
  return call
    .getDescendants()
    .filter(
      (d) => Node.isNewExpression(d) && /Adapter$/.test(calleeName(d) ?? ''),
    )
    .flatMap((d) => {
      const arg = Node.isNewExpression(d) ? d.getArguments()[0] : undefined;
      return arg ? [toExpr(arg)] : [];
    });
}

function arenaQueues(config: ObjectLiteralExpression): Expr[] {
  const queues = config.getProperty('queues');
  const list = Node.isPropertyAssignment(queues)
    ? queues.getInitializer()
    : undefined;
  if (!Node.isArrayLiteralExpression(list)) {
    return [];
  }
  return list.getElements().flatMap((item) => {
    const name = Node.isObjectLiteralExpression(item)
      ? propertyExpr(item, 'name')
      : undefined;
    return name ? [name] : [];
  });
}

function propertyExpr(
  options: ObjectLiteralExpression,
  name: string,
): Expr | undefined {
  const prop = options.getProperty(name);
  return Node.isPropertyAssignment(prop)
    ? toExpr(prop.getInitializer())
    : undefined;
}
