import { COMMAND } from './parse-command.js';

/** Short answers to a `/scaling-report` comment. */
export function usageReply(argument: string): string {
  return [
    `Unknown argument \`${argument.replace(/`/g, "'").slice(0, 100)}\`. Usage:`,
    '',
    `- \`${COMMAND}\`: the full queue and high-availability report of the head commit.`,
    `- \`${COMMAND} diff\`: what this pull request changes in it.`,
  ].join('\n');
}

export function refusalReply(username: string, required: string): string {
  return (
    `Sorry @${username}, \`${COMMAND}\` can only be run by people with ` +
    `${required} access to this repository.`
  );
}

export function reportHeading(requestedBy: string, headSha: string): string {
  return `Architecture report for \`${headSha.slice(0, 7)}\`, requested by @${requestedBy}.`;
}

export function failureReply(requestedBy: string, reason: string): string {
  return `@${requestedBy}, \`${COMMAND}\` could not finish: ${reason}`;
}
