import nock from 'nock';

const unmatched: string[] = [];

/** Requests sent so far in this test that no mock answered (the network is blocked). */
export function unmatchedRequests(): readonly string[] {
  return [...unmatched];
}

interface NockRequest {
  method?: string;
  path?: string;
  href?: string;
  hostname?: string;
}

/**
 * Blocks the network for a test file (except the host `allow`, e.g. a local
 * server) and fails a test that left a mock unused or sent a request that
 * nothing answered.
 */
export function useNock(allow?: string): void {
  const onNoMatch = (request: NockRequest): void => {
    const url = request.href ?? request.path ?? '?';
    if (allow !== undefined && (request.hostname ?? hostOf(url)) === allow) {
      return;
    }
    unmatched.push(`${request.method ?? '?'} ${url}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    if (allow) {
      nock.enableNetConnect(allow);
    }
    nock.emitter.on('no match', onNoMatch);
  });

  afterEach(() => {
    const pending = nock.pendingMocks();
    const missed = unmatched.splice(0);
    nock.cleanAll();
    expect({ pending, missed }).toEqual({ pending: [], missed: [] });
  });

  afterAll(() => {
    nock.emitter.off('no match', onNoMatch);
    nock.enableNetConnect();
    // Core modules are shared between test files in one worker: unpatch them.
    nock.restore();
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
