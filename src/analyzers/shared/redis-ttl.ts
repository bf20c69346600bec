import type { Expr } from '../../facts/expr.js';
import { pathOf, propOf, stringOf } from '../../facts/expr.js';

/** A TTL as a command states it: the number expression and its unit. */
export interface CommandTtl {
  expr: Expr;
  unit: 's' | 'ms';
}

const RELATIVE: Record<string, 's' | 'ms'> = { EX: 's', PX: 'ms' };

/**
 * The relative TTL a command sets on its key: `set(k, v, 'EX', 60)`,
 * `set(k, v, { PX: 500 })`, node-redis 5 `{ expiration: { type, value } }`,
 * `setex`, `psetex`, `expire` and `pexpire`. Absolute expiries (EXAT,
 * expireat) have no duration, so they give none here.
 */
export function ttlOf(
  command: string,
  args: readonly Expr[],
): CommandTtl | undefined {
  const at = (i: number, unit: 's' | 'ms'): CommandTtl | undefined => {
    const expr = args[i];
    return expr ? { expr, unit } : undefined;
  };
  switch (command) {
    case 'setex':
    case 'expire':
      return at(1, 's');
    case 'psetex':
    case 'pexpire':
      return at(1, 'ms');
    case 'set':
      return setTtl(args.slice(2));
    default:
      return undefined;
  }
}

/** Whether the command gives its key an expiry, relative or absolute. */
export function setsExpiry(command: string, args: readonly Expr[]): boolean {
  if (['expireat', 'pexpireat'].includes(command)) {
    return true;
  }
  if (command === 'set') {
    const flags = args.slice(2).map((arg) => stringOf(arg)?.toUpperCase());
    return (
      ttlOf(command, args) !== undefined ||
      flags.includes('EXAT') ||
      flags.includes('PXAT')
    );
  }
  return ttlOf(command, args) !== undefined;
}

function setTtl(options: readonly Expr[]): CommandTtl | undefined {
  for (let i = 0; i < options.length; i++) {
    const option = options[i];
    const unit = RELATIVE[stringOf(option)?.toUpperCase() ?? ''];
    const value = options[i + 1];
    if (unit && value) {
      return { expr: value, unit };
    }
    if (option?.k === 'obj') {
      return objectTtl(option);
    }
  }
  return undefined;
}

function objectTtl(option: Expr): CommandTtl | undefined {
  for (const [name, unit] of Object.entries(RELATIVE)) {
    const value = propOf(option, name);
    if (value) {
      return { expr: value, unit };
    }
  }
  const type =
    RELATIVE[stringOf(pathOf(option, 'expiration.type'))?.toUpperCase() ?? ''];
  const value = pathOf(option, 'expiration.value');
  return type && value ? { expr: value, unit: type } : undefined;
}

/** `NX` or `XX` on a SET, as a flag (`'NX'`) or an option (`{ NX: true }`). */
export function setCondition(args: readonly Expr[]): 'NX' | 'XX' | undefined {
  for (const arg of args.slice(2)) {
    const flag = stringOf(arg)?.toUpperCase();
    if (flag === 'NX' || flag === 'XX') {
      return flag;
    }
    if (arg.k === 'obj') {
      const condition = stringOf(propOf(arg, 'condition'))?.toUpperCase();
      if (condition === 'NX' || condition === 'XX') {
        return condition;
      }
      for (const name of ['NX', 'XX'] as const) {
        const value = propOf(arg, name);
        if (value?.k === 'lit' && value.v === true) {
          return name;
        }
      }
    }
  }
  return undefined;
}
