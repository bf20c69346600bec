/** What one step of a compiled glob matches: one given character, */
const CHAR = 0;
/** `?`, one character within a name, */
const ONE = 1;
/** `*`, any run of characters within a name, */
const NAME = 2;
/** `**`, anything, */
const ANY = 3;
/** or `**\/`, any number of whole folders, none included. */
const FOLDERS = 4;

const SLASH = 47;

/** A glob as parallel arrays: the kind of each step and, for `Char`, its code. */
interface CompiledGlob {
  kinds: Uint8Array;
  codes: Uint16Array;
  /** Runs of literal characters: a path lacking one cannot match, and is rejected at once. */
  literals: string[];
  /** The state from which only `**` remains, which accepts whatever follows. -1: none. */
  anyTail: number;
  /** Scratch for `matches`: the path index at which each state was last added. */
  seen: Int32Array;
  /** Scratch for `matches`: the states before and after one character. */
  lists: [Int32Array, Int32Array];
}

/**
 * Compiles a `paths` glob (see `createPathFilter`) into a matcher that
 * follows all its choices at once, so one check costs at most the glob's
 * length times the path's. A regular expression built from the glob
 * backtracked exponentially on `**\/**\/**\/x` or `*a*a*a*b`, and globs
 * come from a repository's config file.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const anchored = glob.startsWith('/');
  const pattern = glob.replace(/^\/+/, '').replace(/(?<!\/)\/+$/, '');
  const anyDepth = !anchored && !pattern.includes('/');
  const steps: [number, number][] = anyDepth ? [[FOLDERS, 0]] : [];
  steps.push(...tokenize(pattern));
  const compiled: CompiledGlob = {
    literals: literalRuns(steps),
    anyTail: anyTail(steps),
    kinds: Uint8Array.from(steps, ([kind]) => kind),
    codes: Uint16Array.from(steps, ([, code]) => code),
    seen: new Int32Array(steps.length * 2 + 2),
    lists: [
      new Int32Array(steps.length * 2 + 2),
      new Int32Array(steps.length * 2 + 2),
    ],
  };
  return (path) =>
    compiled.literals.every((run) => path.includes(run)) &&
    matches(compiled, path);
}

function anyTail(steps: readonly [number, number][]): number {
  let from = steps.length;
  while (from > 0 && steps[from - 1]?.[0] === ANY) {
    from--;
  }
  return from === steps.length ? -1 : from * 2;
}

function literalRuns(steps: readonly [number, number][]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const [kind, code] of steps) {
    if (kind === CHAR) {
      run += String.fromCharCode(code);
    } else if (run !== '') {
      runs.push(run);
      run = '';
    }
  }
  return run === '' ? runs : [...runs, run];
}

function tokenize(pattern: string): [number, number][] {
  const steps: [number, number][] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (pattern.startsWith('**/', i)) {
      steps.push([FOLDERS, 0]);
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      steps.push([ANY, 0]);
      i += 1;
    } else if (c === '*' || c === '?') {
      steps.push([c === '*' ? NAME : ONE, 0]);
    } else {
      steps.push([CHAR, pattern.charCodeAt(i)]);
    }
  }
  return steps;
}

/**
 * States are `2 * step`, plus 1 inside a `**\/` that has consumed
 * characters but not yet its closing `/`. Reaching the last state accepts
 * the path, or a prefix of it followed by `/` (a folder matches everything
 * under it). Two state lists are swapped at each character.
 */
function matches(glob: CompiledGlob, path: string): boolean {
  const { kinds, codes, seen } = glob;
  const end = kinds.length * 2;
  seen.fill(-1);
  let current: StateList = { states: glob.lists[0], size: 0 };
  let next: StateList = { states: glob.lists[1], size: 0 };
  addState(kinds, 0, current, seen, 0);
  for (let i = 0; i < path.length && current.size > 0; i++) {
    const c = path.charCodeAt(i);
    if (
      (c === SLASH && seen[end] === i) ||
      (glob.anyTail >= 0 && seen[glob.anyTail] === i)
    ) {
      return true;
    }
    next.size = 0;
    for (let j = 0; j < current.size; j++) {
      const state = current.states[j] ?? end;
      const step = state >> 1;
      const kind = kinds[step];
      if (kind === CHAR ? codes[step] === c : kind === ONE && c !== SLASH) {
        addState(kinds, state + 2, next, seen, i + 1);
      } else if ((kind === NAME && c !== SLASH) || kind === ANY) {
        addState(kinds, state, next, seen, i + 1);
      } else if (kind === FOLDERS) {
        addState(kinds, step * 2 + 1, next, seen, i + 1);
        if (c === SLASH) {
          addState(kinds, step * 2 + 2, next, seen, i + 1);
        }
      }
    }
    [current, next] = [next, current];
  }
  return seen[end] === path.length;
}

interface StateList {
  states: Int32Array;
  size: number;
}

/**
 * Adds `state` to the states of step `generation`, then those reachable
 * from it without a character: past `*`, `**` and an empty `**\/`.
 */
function addState(
  kinds: Uint8Array,
  state: number,
  list: StateList,
  seen: Int32Array,
  generation: number,
): void {
  for (let s = state; seen[s] !== generation; s += 2) {
    seen[s] = generation;
    list.states[list.size++] = s;
    const kind = kinds[s >> 1];
    const skippable = kind === NAME || kind === ANY || kind === FOLDERS;
    if (s % 2 !== 0 || !skippable) {
      return;
    }
  }
}
