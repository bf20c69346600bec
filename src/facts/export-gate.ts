/** `export * from '…'`, the one re-export form that names nothing. */
const EXPORT_STAR_FROM = /\bexport\s*\*\s*from\s*(['"])([^'"\n]+)\1/g;
/** Every `export *` except `export * as ns`, which names its export. */
const EXPORT_STAR = /\bexport\s*\*(?!\s*as\b)/g;

/**
 * A cheap, text-only answer to "might `path` export `name`?", so a barrel's
 * `export *` members are parsed only when one of them could hold the name.
 * False only when no file reachable from `path` through `export * from`
 * chains mentions the name at all; anything it cannot read or follow is a
 * yes.
 */
export function createExportGate(
  textOf: (path: string) => string | undefined,
  resolveModule: (from: string, specifier: string) => string | undefined,
): (path: string, name: string) => boolean {
  const texts = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!texts.has(path)) {
      texts.set(path, textOf(path));
    }
    return texts.get(path);
  };
  /** Files reachable through `export *` chains, or undefined when unsure. */
  const closures = new Map<string, string[] | undefined>();
  const answers = new Map<string, boolean>();

  const starTargets = (path: string, text: string): string[] | undefined => {
    const targets: string[] = [];
    for (const match of text.matchAll(EXPORT_STAR_FROM)) {
      const target = resolveModule(path, match[2] ?? '');
      // A package's `export *` gives the resolver nothing to follow.
      if (target !== undefined) {
        targets.push(target);
      }
    }
    const written = text.match(EXPORT_STAR)?.length ?? 0;
    const followed = [...text.matchAll(EXPORT_STAR_FROM)].length;
    return written === followed ? targets : undefined;
  };

  const closureOf = (path: string): string[] | undefined => {
    if (closures.has(path)) {
      return closures.get(path);
    }
    const reached = new Set([path]);
    const stack = [path];
    let sure = true;
    while (stack.length > 0 && sure) {
      const file = stack.pop() as string;
      const text = read(file);
      const targets = text === undefined ? undefined : starTargets(file, text);
      if (targets === undefined) {
        sure = false;
        break;
      }
      for (const target of targets) {
        if (!reached.has(target)) {
          reached.add(target);
          stack.push(target);
        }
      }
    }
    const closure = sure ? [...reached] : undefined;
    closures.set(path, closure);
    return closure;
  };

  return (path, name) => {
    const key = `${path}\0${name}`;
    const known = answers.get(key);
    if (known !== undefined) {
      return known;
    }
    const closure = closureOf(path);
    const answer =
      closure === undefined ||
      closure.some((file) => read(file)?.includes(name) ?? true);
    answers.set(key, answer);
    return answer;
  };
}
