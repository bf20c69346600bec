import { lineOf } from '../../facts/line-of.js';
import { Node, ts } from 'ts-morph';
import type { CallExpression, NewExpression } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { staticThisClass } from '../../facts/class-member-expr.js';
import { shortText, toExpr } from '../../facts/to-expr.js';
import { calleeName, methodCall, rootIdentifier } from './call-shape.js';
import type { RedisLibrary } from './redis-modules.js';
import { redisLibraryOf } from './redis-modules.js';
import type { RedisReceiver } from './redis-receiver.js';
import { receiverOf } from './redis-receiver.js';

/** `new Redis(...)`, `new Redis.Cluster(...)`, `createClient(...)`. */
export interface ClientCreationFact {
  kind: 'client';
  line: number;
  /** Source text of the creation, which identifies it after resolution. */
  text: string;
  library: RedisLibrary;
  cluster: boolean;
  args: Expr[];
}

/** A connection taken from another: `redis.duplicate()`, `redis.multi()`. */
export interface DerivedClientFact {
  kind: 'derived';
  line: number;
  text: string;
  method: string;
  of: RedisReceiver;
}

/** A top-level function that creates a client: `export function getRedis()`. */
export interface ClientFactoryFact {
  kind: 'factory';
  line: number;
  name: string;
  library: RedisLibrary;
}

export type ClientFact =
  ClientCreationFact | DerivedClientFact | ClientFactoryFact;

const DERIVING = new Set(['duplicate', 'multi', 'pipeline']);
const CREATE_FUNCTIONS = new Set(['createClient', 'createCluster']);

/** Every Redis client a file creates, derives or hands out through a factory. */
export function extractClientFacts(file: ParsedFile): ClientFact[] {
  const creations = new Map<Node, ClientCreationFact>();
  for (const node of [...file.news, ...file.calls]) {
    const fact = creationFact(file, node);
    if (fact) {
      creations.set(node, fact);
    }
  }
  const derived = file.calls.flatMap((call): ClientFact[] => {
    const shape = methodCall(call);
    if (!shape || !DERIVING.has(shape.method)) {
      return [];
    }
    const line = lineOf(call);
    const of = receiverOf(shape.receiver);
    return [
      {
        kind: 'derived',
        line,
        text: shortText(call),
        method: shape.method,
        of,
      },
    ];
  });
  return [...creations.values(), ...derived, ...factories(file, creations)];
}

function creationFact(
  file: ParsedFile,
  node: CallExpression | NewExpression,
): ClientCreationFact | undefined {
  const wrapped = Node.isNewExpression(node)
    ? wrappedClientLibrary(file, node)
    : undefined;
  if (wrapped) {
    return creation(node, wrapped, false);
  }
  const root = rootIdentifier(node.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  const library = module === undefined ? undefined : redisLibraryOf(module);
  const name = calleeName(node);
  if (!library || name === undefined) {
    return undefined;
  }
  if (Node.isCallExpression(node) && !CREATE_FUNCTIONS.has(name)) {
    return undefined;
  }
  return creation(
    node,
    library,
    name === 'Cluster' || name === 'createCluster',
  );
}

function creation(
  node: CallExpression | NewExpression,
  library: RedisLibrary,
  cluster: boolean,
): ClientCreationFact {
  return {
    kind: 'client',
    line: lineOf(node),
    text: shortText(node),
    library,
    cluster,
    args: node.getArguments().map((arg) => toExpr(arg)),
  };
}

/**
 * `new this(url)` in a static member, or `new Adapter(url)`, of a class
 * this file declares extending a Redis client: a client of that library.
 */
function wrappedClientLibrary(
  file: ParsedFile,
  node: NewExpression,
): RedisLibrary | undefined {
  const callee = node.compilerNode.expression;
  const sourceFile = file.sourceFile.compilerNode;
  const name = ts.isIdentifier(callee)
    ? callee.getText(sourceFile)
    : callee.kind === ts.SyntaxKind.ThisKeyword
      ? staticThisClass(callee)
      : undefined;
  if (name === undefined) {
    return undefined;
  }
  const cls = file.classes.find((c) => c.getName() === name);
  const parent = cls?.getExtends()?.getExpression();
  const root = parent ? rootIdentifier(parent) : undefined;
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  return module === undefined ? undefined : redisLibraryOf(module);
}

/** Top-level functions whose body creates a client, keyed later by their line. */
function factories(
  file: ParsedFile,
  creations: Map<Node, ClientCreationFact>,
): ClientFactoryFact[] {
  const out: ClientFactoryFact[] = [];
  for (const [node, fact] of creations) {
    const fn = node.getFirstAncestor(
      (a) =>
        Node.isFunctionDeclaration(a) ||
        Node.isArrowFunction(a) ||
        Node.isFunctionExpression(a),
    );
    const name = fn ? topLevelName(fn) : undefined;
    if (fn && name !== undefined) {
      out.push({
        kind: 'factory',
        line: lineOf(fn),
        name,
        library: fact.library,
      });
    }
  }
  return out;
}

function topLevelName(fn: Node): string | undefined {
  if (Node.isFunctionDeclaration(fn)) {
    return Node.isSourceFile(fn.getParent()) ? fn.getName() : undefined;
  }
  const decl = fn.getParent();
  if (!decl || !Node.isVariableDeclaration(decl)) {
    return undefined;
  }
  const statement = decl.getVariableStatement();
  return statement && Node.isSourceFile(statement.getParent())
    ? decl.getName()
    : undefined;
}
