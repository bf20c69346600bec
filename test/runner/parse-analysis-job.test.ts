import {
  MalformedJobError,
  parseAnalysisJob,
} from '../../src/runner/parse-analysis-job.js';

const push = {
  kind: 'pr',
  deliveryId: 'd-1',
  installationId: 7,
  owner: 'acme',
  repo: 'billing',
  pullNumber: 12,
  defaultBranch: 'main',
  repoUrl: 'https://github.com/acme/billing',
  headSha: 'a'.repeat(40),
  baseRef: 'main',
};
const command = {
  ...push,
  kind: 'command-diff',
  headSha: undefined,
  baseRef: undefined,
  commentId: 99,
  requestedBy: 'bob',
};

describe('parseAnalysisJob', () => {
  it.each([
    ['a push', push],
    ['a command', command],
  ])('accepts %s as written by the web role', (_label, data) => {
    expect(parseAnalysisJob(JSON.parse(JSON.stringify(data)))).toEqual(
      JSON.parse(JSON.stringify(data)),
    );
  });

  it.each([
    ['not an object', 'pr', 'job data is not an object'],
    ['an unknown kind', { ...push, kind: 'deploy' }, 'unknown job kind deploy'],
    [
      'a numeric owner',
      { ...push, owner: 1 },
      'job field owner is not a string',
    ],
    [
      'a push without its head',
      { ...push, headSha: undefined },
      'job field headSha is not a string',
    ],
    [
      'a command without its comment',
      { ...command, commentId: '99' },
      'job field commentId is not a number',
    ],
  ])('refuses %s', (_label, data, message) => {
    expect(() => parseAnalysisJob(data)).toThrow(
      new MalformedJobError(message),
    );
  });
});
