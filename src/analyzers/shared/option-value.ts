import type { Expr } from '../../facts/expr.js';
import type { JsonValue, OptionValue } from '../../model/types.js';

/**
 * An option as the code states it, from a resolved `Expr` written in
 * `file`: a literal, a constant resolved through `via`, or the expression
 * text when it is dynamic. Never a guessed value.
 */
export function optionValue(expr: Expr, file: string): OptionValue {
  const at = { text: expr.text, file: expr.file ?? file, line: expr.line };
  const value = jsonOf(expr);
  if (value === undefined) {
    return { source: 'expression', ...at };
  }
  return { source: expr.via ? 'constant' : 'literal', value, ...at };
}

/** The JSON value of a fully resolved expression, or undefined if any part is dynamic. */
export function jsonOf(expr: Expr): JsonValue | undefined {
  if (expr.k === 'lit') {
    return expr.v;
  }
  if (expr.k === 'arr') {
    const items = expr.items.map(jsonOf);
    return items.every((item) => item !== undefined) ? items : undefined;
  }
  if (expr.k === 'obj' && expr.spreads.length === 0) {
    const out: Record<string, JsonValue> = {};
    for (const [name, value] of expr.props) {
      const json = jsonOf(value);
      if (json === undefined) {
        return undefined;
      }
      out[name] = json;
    }
    return out;
  }
  return undefined;
}

/**
 * Flattens an options object into dotted keys (`backoff.delay`), keeping
 * every leaf as an `OptionValue`. `rename` maps written paths to canonical
 * keys; a path not in it keeps its written name. Unresolved spreads are kept
 * under `...` so nothing is silently dropped.
 */
export function flattenOptions(
  options: Expr | undefined,
  file: string,
  rename: Record<string, string> = {},
  prefix = '',
): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  if (!options) {
    return out;
  }
  if (options.k !== 'obj') {
    out[prefix ? `${prefix}` : '...'] = optionValue(options, file);
    return out;
  }
  options.spreads.forEach((spread, i) => {
    out[`${prefix}...${i === 0 ? '' : i}`] = optionValue(spread, file);
  });
  for (const [name, value] of options.props) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (value.k === 'obj' && !(path in rename)) {
      Object.assign(out, flattenOptions(value, file, rename, path));
    } else {
      out[rename[path] ?? path] = optionValue(value, file);
    }
  }
  return out;
}
