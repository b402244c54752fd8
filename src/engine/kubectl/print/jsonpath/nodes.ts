/** The parse tree of client-go's `util/jsonpath` template language (node.go). */

export interface ArrayParam {
  value: number;
  known: boolean;
  /** The end index was derived from the start (`[2]` means `[2:3]`). */
  derived: boolean;
}

export type JsonPathNode =
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ArrayParam, ArrayParam, ArrayParam] }
  | { type: 'filter'; left: JsonPathNode & { type: 'list' }; right: JsonPathNode & { type: 'list' }; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: (JsonPathNode & { type: 'list' })[] };

export type ListNode = JsonPathNode & { type: 'list' };

export function newList(): ListNode {
  return { type: 'list', nodes: [] };
}
