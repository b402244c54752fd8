/** The parse tree of a Go template (text/template/parse/node.go), as plain data. */
import { unquoteExtended } from '../jsonpath/unquote';

export interface Pipe {
  type: 'pipe';
  pos: number;
  /** `$x :=` / `$i, $e :=` / `$x =` declarations. */
  decl: VariableArg[];
  isAssign: boolean;
  cmds: Command[];
}

export interface Command {
  type: 'command';
  pos: number;
  args: Arg[];
}

export interface VariableArg {
  type: 'variable';
  pos: number;
  /** `$x.a.b` is ['$x', 'a', 'b']. */
  ident: string[];
}

export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | VariableArg
  | { type: 'chain'; pos: number; node: Arg; fields: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; isInt: boolean; isFloat: boolean; int?: number; float: number }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | Pipe;

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | ControlNode
  | { type: 'template'; pos: number; name: string; pipe?: Pipe | undefined }
  | { type: 'break' | 'continue' | 'end' | 'else'; pos: number };

export type ListNode = Node[];

/** {{if}}, {{with}} and {{range}}: a pipeline, a body and an optional {{else}} body. */
export interface ControlNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  pipe: Pipe;
  list: ListNode;
  elseList?: ListNode;
}

/** strconv.Unquote for "..." and `...` literals; undefined where Go says "invalid syntax". */
export function unquoteGo(s: string): string | undefined {
  if (s.length >= 2 && s.startsWith('`') && s.endsWith('`')) return s.slice(1, -1).replace(/\r/g, '');
  if (!s.startsWith('"')) return undefined;
  return unquoteExtended(s);
}
