import { tokenize } from './lexer';
import type { Token } from './lexer';

/** One line inside a directive's `{ ... }` block, e.g. `pods insecure`; may nest its own block. */
export interface BlockLine {
  name: string;
  args: string[];
  line: number;
  block: BlockLine[];
}

/** A plugin line of a server block: `kubernetes cluster.local in-addr.arpa { ... }`. */
export interface Directive extends BlockLine {
  /** The Corefile text position is what CoreDNS cites in setup errors. */
  line: number;
}

/** `.:53 { ... }`: the zones/ports it serves and its directives in Corefile order. */
export interface ServerBlock {
  keys: string[];
  line: number;
  directives: Directive[];
}

/**
 * The error CoreDNS prints (and dies with) when its Corefile is broken. `message` is the exact
 * log line, e.g. `/etc/coredns/Corefile:13 - Error during parsing: Unknown directive 'forwardd'`.
 */
export class CorefileError extends Error {
  readonly code = 'CorefileError' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CorefileError';
  }
}

/**
 * Every directive CoreDNS accepts, in the order its plugin chain runs them (plugin.cfg).
 * Corefile order does not matter: CoreDNS always chains plugins in this order.
 */
export const PLUGIN_ORDER = [
  'root', 'metadata', 'geoip', 'cancel', 'tls', 'proxyproto', 'quic', 'grpc_server', 'https', 'https3', 'timeouts',
  'multisocket', 'reload', 'nsid', 'bufsize', 'bind', 'debug', 'trace', 'ready', 'health', 'pprof', 'prometheus',
  'errors', 'log', 'dnstap', 'local', 'dns64', 'acl', 'any', 'chaos', 'loadbalance', 'tsig', 'cache', 'rewrite',
  'header', 'dnssec', 'autopath', 'minimal', 'template', 'transfer', 'hosts', 'route53', 'azure', 'clouddns',
  'k8s_external', 'kubernetes', 'file', 'auto', 'secondary', 'etcd', 'loop', 'forward', 'grpc', 'erratic',
  'whoami', 'on', 'sign', 'view', 'nomad',
] as const;

const VALID = new Set<string>(PLUGIN_ORDER);

/** Where the Corefile lives in the coredns pod (`-conf /etc/coredns/Corefile` in kubeadm's Deployment). */
export const DEFAULT_COREFILE_PATH = '/etc/coredns/Corefile';

/**
 * Parses Corefile text into server blocks, following caddyfile's parser: addresses up to `{`,
 * then one directive per line (a directive's `{ }` block may span lines). Throws
 * {@link CorefileError} with caddy's exact wording.
 */
export function parseCorefile(text: string, file = DEFAULT_COREFILE_PATH): ServerBlock[] {
  return new Parser(tokenize(text), file).parse();
}

class Parser {
  private cursor = -1;
  constructor(
    private readonly tokens: Token[],
    private readonly file: string,
  ) {}

  parse(): ServerBlock[] {
    const blocks: ServerBlock[] = [];
    while (this.next()) blocks.push(this.serverBlock());
    return blocks;
  }

  private serverBlock(): ServerBlock {
    const block: ServerBlock = { keys: [], line: this.tok().line, directives: [] };
    let expectingAnother = false;
    for (;;) {
      const t = this.tok();
      if (t.text === '{' && !t.quoted) {
        if (expectingAnother) throw this.err(`Expected another address but had '{' - check for extra comma`);
        break;
      }
      let key = t.text;
      if (key !== '') {
        expectingAnother = key.endsWith(',');
        if (expectingAnother) key = key.slice(0, -1);
        block.keys.push(key);
      }
      const hasNext = this.next();
      if (expectingAnother && !hasNext) throw this.err('Unexpected EOF');
      if (!hasNext) return block;
      if (!expectingAnother && this.isNewLine()) break;
    }
    const braced = this.val() === '{' && !this.tok().quoted;
    if (!braced) this.cursor--; // single-server configs may omit the braces
    while (this.next()) {
      if (this.val() === '}' && !this.tok().quoted) break;
      block.directives.push(this.directive());
    }
    if (braced && this.val() !== '}') throw this.err(`Syntax error: Unexpected token '${this.val()}', expecting '}'`);
    return block;
  }

  /** One directive line plus its nested block, collected like caddy's `directive()`. */
  private directive(): Directive {
    const head = this.tok();
    if (!VALID.has(head.text)) throw this.err(`Unknown directive '${head.text}'`);
    const collected: Token[] = [];
    let nesting = 0;
    while (this.next()) {
      const t = this.tok();
      const brace = !t.quoted;
      if (brace && t.text === '{') nesting++;
      else if (this.isNewLine() && nesting === 0) {
        this.cursor--;
        break;
      } else if (brace && t.text === '}' && nesting > 0) nesting--;
      else if (brace && t.text === '}' && nesting === 0) throw this.err("Unexpected '}' because no matching opening brace");
      collected.push(t);
    }
    if (nesting > 0) throw this.err('Unexpected EOF');
    const parsed = structure(head, collected);
    return parsed;
  }

  private next(): boolean {
    if (this.cursor < this.tokens.length - 1) {
      this.cursor++;
      return true;
    }
    return false;
  }

  private tok(): Token {
    return this.tokens[this.cursor] ?? { text: '', line: this.tokens.at(-1)?.line ?? 1, quoted: false };
  }

  private val(): string {
    return this.tok().text;
  }

  private isNewLine(): boolean {
    if (this.cursor < 1) return true;
    return this.tokens[this.cursor - 1]!.line < this.tokens[this.cursor]!.line;
  }

  private err(msg: string): CorefileError {
    return new CorefileError(`${this.file}:${this.tok().line} - Error during parsing: ${msg}`);
  }
}

/** Turns a directive's flat token list into args plus block lines (lines split by source line). */
function structure(head: Token, rest: Token[]): Directive {
  const out: Directive = { name: head.text, args: [], line: head.line, block: [] };
  let i = 0;
  while (i < rest.length && !(rest[i]!.text === '{' && !rest[i]!.quoted)) out.args.push(rest[i++]!.text);
  if (i < rest.length) {
    const [lines] = blockLines(rest, i + 1);
    out.block = lines;
  }
  return out;
}

/** Reads lines until the matching `}`; returns them and the index after the brace. */
function blockLines(tokens: Token[], start: number): [BlockLine[], number] {
  const lines: BlockLine[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.text === '}' && !t.quoted) return [lines, i + 1];
    const line: BlockLine = { name: t.text, args: [], line: t.line, block: [] };
    i++;
    while (i < tokens.length && tokens[i]!.line === t.line) {
      const a = tokens[i]!;
      if (a.text === '}' && !a.quoted) break;
      if (a.text === '{' && !a.quoted) {
        const [inner, after] = blockLines(tokens, i + 1);
        line.block = inner;
        i = after;
        break;
      }
      line.args.push(a.text);
      i++;
    }
    lines.push(line);
  }
  return [lines, i];
}
