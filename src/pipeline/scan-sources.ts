import type { FactCache, FileScan } from '../facts/fact-cache.js';
import { factCacheKey, gitBlobSha } from '../facts/fact-cache.js';
import type { CandidateTest } from '../facts/candidate-test.js';
import { scanImportSpecifiers } from '../facts/prefilter.js';
import { createStringPool } from '../facts/string-pool.js';
import type { SkippedFile } from '../model/types.js';
import type { ContentLimits } from '../source/inspect-content.js';
import type { SourceTree } from '../source/source-tree.js';

/** One source file after the cheap pass: verdict, imports, and text when read. */
export interface ScannedSource {
  path: string;
  hash: string;
  scan: FileScan;
  /**
   * Present for a direct candidate read in this run; any other file is read
   * again if a later step needs it.
   */
  text?: string;
  /** Whether the scan came from the cache. */
  cached: boolean;
}

/** Files read at once: enough to keep the disk busy, few enough to bound memory. */
const READ_BATCH = 64;

/**
 * The cheap pass over every in-scope source file: read it (unless the cache
 * already knows its content hash), check size and encoding, run the
 * pre-filter and note its imports. Nothing is parsed here.
 */
export async function scanSources(
  tree: SourceTree,
  paths: string[],
  isCandidate: CandidateTest['isCandidate'],
  limits: ContentLimits,
  cache: FactCache | undefined,
  skipped: SkippedFile[],
  hashes?: ReadonlyMap<string, string>,
): Promise<ScannedSource[]> {
  const known = await cachedScans(tree, paths, cache, hashes);
  const scanned: ScannedSource[] = [];
  const toRead = paths.filter((path) => !known.has(path));

  for (const [path, entry] of known) {
    if (entry.scan.skip) {
      skipped.push({ file: path, reason: entry.scan.skip });
    } else {
      scanned.push({ path, hash: entry.hash, scan: entry.scan, cached: true });
    }
  }

  const settings: ScanSettings = {
    isCandidate,
    limits,
    decoder: new TextDecoder('utf-8', { fatal: true }),
    own: createStringPool(),
    hashed: !!cache,
  };
  const writes: Promise<void>[] = [];
  for (let i = 0; i < toRead.length; i += READ_BATCH) {
    const slice = toRead.slice(i, i + READ_BATCH);
    const contents = await Promise.all(slice.map((path) => tree.read(path)));
    slice.forEach((path, j) => {
      const result = scanOne(
        path,
        contents[j],
        hashes?.get(path) ?? tree.hash?.(path),
        settings,
      );
      if (result.scan.skip) {
        skipped.push({ file: path, reason: result.scan.skip });
      } else {
        scanned.push(result);
      }
      // Direct matches are cached with their facts once parsed; the rest
      // now, so a warm analysis never reads or scans them again.
      const cacheable =
        result.scan.skip !== 'unreadable' && !result.scan.direct;
      if (cache && result.hash && cacheable) {
        writes.push(cache.set(factCacheKey(result.hash), result.scan));
      }
    });
  }
  // A cache that cannot be written only costs speed, never the analysis.
  await Promise.allSettled(writes);
  return scanned;
}

async function cachedScans(
  tree: SourceTree,
  paths: string[],
  cache: FactCache | undefined,
  hashes: ReadonlyMap<string, string> | undefined,
): Promise<Map<string, { hash: string; scan: FileScan }>> {
  const known = new Map<string, { hash: string; scan: FileScan }>();
  if (!cache || (!tree.hash && !hashes)) {
    return known;
  }
  const hashed = paths.flatMap((path) => {
    const hash = hashes?.get(path) ?? contentHash(tree, path);
    return hash ? [{ path, hash }] : [];
  });
  const scans = await cache.getMany(
    hashed.map(({ hash }) => factCacheKey(hash)),
  );
  hashed.forEach(({ path, hash }, i) => {
    const scan = scans[i];
    if (scan) {
      known.set(path, { hash, scan });
    }
  });
  return known;
}

/**
 * A file's content hash: the tree's own (a git blob SHA) or, for an archive
 * held in memory, which knows none, the same hash taken from its bytes, so
 * base, head and other pull requests still share entries.
 */
export function contentHash(
  tree: SourceTree,
  path: string,
): string | undefined {
  const known = tree.hash?.(path);
  if (known !== undefined) {
    return known;
  }
  const bytes = tree.readSync(path);
  return bytes ? gitBlobSha(bytes) : undefined;
}

/** What scanning one file needs, the same for every file of a run. */
interface ScanSettings {
  isCandidate: CandidateTest['isCandidate'];
  limits: ContentLimits;
  decoder: { decode(bytes: Uint8Array): string };
  /** The run's string pool: specifiers must not hold on to the text. */
  own: (text: string) => string;
  /** Whether content is hashed (only for a cache). */
  hashed: boolean;
}

function scanOne(
  path: string,
  bytes: Buffer | undefined,
  treeHash: string | undefined,
  { isCandidate, limits, decoder, own, hashed }: ScanSettings,
): ScannedSource {
  if (!bytes) {
    return skippedScan(path, treeHash ?? '', 'unreadable');
  }
  // Hashing every file costs a tenth of the scan: only done for a cache.
  const hash = treeHash ?? (hashed ? gitBlobSha(bytes) : '');
  if (bytes.length > limits.maxFileBytes) {
    return skippedScan(path, hash, 'too-large');
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    return skippedScan(path, hash, 'binary');
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return skippedScan(path, hash, 'invalid-utf8');
  }
  const specifiers = scanImportSpecifiers(text, own);
  const direct = isCandidate(text, specifiers, path);
  // Only a file about to be parsed keeps its text: holding every file's
  // text made memory follow the tree (390 MB at 40,000 files), and the few
  // others read later (wrapper hops, names followed) are read again.
  return {
    path,
    hash,
    text: direct ? text : undefined,
    cached: false,
    scan: { direct, specifiers },
  };
}

function skippedScan(
  path: string,
  hash: string,
  reason: string,
): ScannedSource {
  return {
    path,
    hash,
    cached: false,
    scan: { direct: false, specifiers: [], skip: reason },
  };
}

/** Content hashes of the files that have one (all, for a tree in memory). */
export function contentHashes(
  tree: SourceTree,
  paths: readonly string[],
): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const path of paths) {
    const hash = contentHash(tree, path);
    if (hash !== undefined) {
      hashes.set(path, hash);
    }
  }
  return hashes;
}

/**
 * The key's stand-in for a file without a hash: a missing root
 * tsconfig.json is a fact like any other; any other file without one makes
 * the tree unkeyable.
 */
export function missingHash(
  tree: SourceTree,
  path: string,
): string | undefined {
  return path === 'tsconfig.json' && tree.size(path) === undefined
    ? 'absent'
    : undefined;
}
