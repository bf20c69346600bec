import { queuesAnalyzer } from '../../../src/analyzers/queues/index.js';
import type {
  ArchitectureModel,
  OptionValue,
  Queue,
} from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

/** Runs the real pipeline with only the queues analyzer. */
export function analyzeQueues(
  files: Record<string, string>,
): Promise<ArchitectureModel> {
  return analyzeFiles(files, { analyzers: [queuesAnalyzer] });
}

/** The one queue row called `name`; fails the test when there is not exactly one. */
export function queueNamed(model: ArchitectureModel, name: string): Queue {
  const rows = model.queues.filter((queue) => queue.name === name);
  if (rows.length !== 1) {
    throw new Error(`expected one queue ${name}, found ${rows.length}`);
  }
  return rows[0]!;
}

/** A value written in place. */
export function literal(
  value: OptionValue['value'],
  text: string,
  at: string,
): OptionValue {
  const [file, line] = at.split(':');
  return { source: 'literal', value, text, file: file!, line: Number(line) };
}

/** A value resolved through a constant or config object. */
export function constant(
  value: OptionValue['value'],
  text: string,
  at: string,
): OptionValue {
  return { ...literal(value, text, at), source: 'constant' };
}
