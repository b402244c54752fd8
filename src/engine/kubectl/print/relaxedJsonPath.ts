/** cli-runtime `RelaxedJSONPathExpression`: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
import { PrintError } from './printErrors';

const jsonRegexp = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

export function relaxedJsonPathExpression(expr: string): string {
  if (expr.length === 0) return expr;
  const m = jsonRegexp.exec(expr);
  if (!m) {
    throw new PrintError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] || m[2]}}`;
}
