import type { ParsedFile } from '../../facts/parsed-file.js';
import { readNestSchedule } from './read-nest-schedule.js';
import { readScheduleCall } from './read-schedule-call.js';
import { readScheduleNew } from './read-schedule-new.js';
import type { RawSchedule } from './types.js';

/** Every recurring schedule this file registers, in source order. */
export function extractSchedules(file: ParsedFile): RawSchedule[] {
  const found: RawSchedule[] = [];
  for (const call of file.calls) {
    const raw = readScheduleCall(file, call);
    if (raw) {
      found.push(raw);
    }
  }
  for (const node of file.news) {
    const raw = readScheduleNew(file, node);
    if (raw) {
      found.push(raw);
    }
  }
  for (const decorator of file.decorators) {
    const raw = readNestSchedule(file, decorator);
    if (raw) {
      found.push(raw);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
