/**
 * The syntax tree of a shell command line. Words keep their quoting so expansion can tell a
 * quoted `*` (literal) from an unquoted one (a glob), exactly as bash does.
 */

/** One piece of a word; `quoted` pieces are neither field-split nor globbed. */
export type WordPart =
  | { type: 'lit'; text: string; quoted: boolean }
  | { type: 'param'; name: string; quoted: boolean; op?: ParamOp }
  | { type: 'cmdsub'; script: Script; quoted: boolean }
  | { type: 'arith'; expr: string; quoted: boolean }
  | { type: 'tilde'; user: string };

/** `${VAR:-x}`, `${VAR:=x}`, `${VAR:+x}`, `${#VAR}` and their colon-less forms. */
export interface ParamOp {
  kind: '-' | '=' | '+' | '?' | 'length';
  colon: boolean;
  arg: Word;
}

export type Word = WordPart[];

export type RedirectOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  target: Word;
  /** Filled for `<<`: the body, and whether `$VAR` expands in it (unquoted delimiter). */
  heredoc?: { body: Word; delimiter: string };
}

export interface SimpleCommand {
  type: 'simple';
  /** The line of the parsed text it starts on (from 1): shells name it in errors (`line 3:`). */
  line?: number;
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** `( list )` runs in a forked shell; `{ list; }` (a group) runs in the current one. */
export interface Subshell {
  type: 'subshell' | 'group';
  script: Script;
  redirects: Redirect[];
}

/** `if LIST; then LIST; [elif LIST; then LIST;]... [else LIST;] fi` */
export interface IfCommand {
  type: 'if';
  clauses: { cond: Script; body: Script }[];
  otherwise?: Script;
  redirects: Redirect[];
}

/** `while LIST; do LIST; done` and `until ...` */
export interface LoopCommand {
  type: 'loop';
  until: boolean;
  cond: Script;
  body: Script;
  redirects: Redirect[];
}

/** `for NAME [in WORDS]; do LIST; done` */
export interface ForCommand {
  type: 'for';
  name: string;
  words: Word[];
  body: Script;
  redirects: Redirect[];
}

export type CommandNode = SimpleCommand | Subshell | IfCommand | LoopCommand | ForCommand;

export interface Pipeline {
  negate: boolean;
  commands: CommandNode[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  andOr: AndOr;
  background: boolean;
  /** The source text of this item, for job listings (`[1]+  Done    sleep 5`). */
  text: string;
}

export type Script = ListItem[];
