import type { DeclaredEntry } from './declared-entry.js';
import { dirOf } from './declared-entry.js';
import { readCompose } from './read-compose.js';
import { readDockerfile } from './read-dockerfile.js';
import { readKubernetes } from './read-kubernetes.js';
import { packageScripts, readPackageJson } from './read-package-json.js';
import { readProcfile } from './read-procfile.js';

const PACKAGE_JSON = /(^|\/)package\.json$/;
const PROCFILE = /(^|\/)Procfile$/;
const DOCKERFILE = /(^|\/)(Dockerfile[^/]*|[^/]*\.dockerfile)$/i;
const COMPOSE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i;
const YAML = /\.ya?ml$/i;

/**
 * Every process the manifests declare, in the order their `startedBy`
 * labels are listed: package.json, Procfile, Dockerfiles, compose files,
 * then Kubernetes workloads.
 */
export function readDeclaredEntries(
  manifests: ReadonlyMap<string, string>,
): DeclaredEntry[] {
  const paths = [...manifests.keys()].sort();
  const read = (
    test: RegExp,
    reader: (path: string, text: string) => DeclaredEntry[],
  ) =>
    paths
      .filter((path) => test.test(path))
      .flatMap((path) => reader(path, manifests.get(path) ?? ''));

  const dockerfiles = read(DOCKERFILE, readDockerfile);
  const imageCommand = (dockerfile: string) =>
    dockerfiles.find((d) => d.site.file === dockerfile);
  return [
    ...read(PACKAGE_JSON, readPackageJson),
    ...read(PROCFILE, readProcfile),
    ...dockerfiles,
    ...read(COMPOSE, (path, text) => readCompose(path, text, imageCommand)),
    ...paths
      .filter((path) => YAML.test(path) && !COMPOSE.test(path))
      .flatMap((path) => readKubernetes(path, manifests.get(path) ?? '')),
  ];
}

/** Scripts of every package.json, by the directory it sits in. */
export function scriptsByDir(
  manifests: ReadonlyMap<string, string>,
): Map<string, Record<string, string>> {
  const byDir = new Map<string, Record<string, string>>();
  for (const [path, text] of manifests) {
    if (PACKAGE_JSON.test(path)) {
      byDir.set(dirOf(path), packageScripts(text));
    }
  }
  return byDir;
}
