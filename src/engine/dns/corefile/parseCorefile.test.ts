import { describe, expect, it } from 'vitest';
import { kubeadmCorefile } from './kubeadmCorefile';
import { parseCorefile } from './parseCorefile';
import { loadCorefile } from './serverConfig';

function crash(text: string): string {
  try {
    loadCorefile(text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('parseCorefile', () => {
  it('parses kubeadm’s Corefile into one server block with its directives and sub-blocks', () => {
    const [block] = parseCorefile(kubeadmCorefile());
    expect(block!.keys).toEqual(['.:53']);
    expect(block!.directives.map((d) => d.name)).toEqual(['errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance']);
    const k = block!.directives[3]!;
    expect(k.args).toEqual(['cluster.local', 'in-addr.arpa', 'ip6.arpa']);
    expect(k.block.map((l) => [l.name, ...l.args].join(' '))).toEqual(['pods insecure', 'fallthrough in-addr.arpa ip6.arpa', 'ttl 30']);
    expect(k.line).toBe(7);
  });

  it('sets up the kubeadm plugins with their real defaults and values', () => {
    const [cfg] = loadCorefile(kubeadmCorefile());
    expect(cfg!.kubernetes).toEqual({
      zones: ['cluster.local.', 'in-addr.arpa.', 'ip6.arpa.'],
      podMode: 'insecure',
      ttl: 30,
      fallthrough: ['in-addr.arpa.', 'ip6.arpa.'],
      endpointPodNames: false,
      namespaces: [],
      ignoreEmptyService: false,
    });
    expect(cfg!.forward).toEqual({ from: '.', to: ['/etc/resolv.conf'] });
    expect(cfg!.cache).toMatchObject({ successTtl: 30, denialTtl: 30, disableSuccess: ['cluster.local.'], disableDenial: ['cluster.local.'] });
    expect(cfg!.port).toBe(53);
  });

  it('handles comments, quotes, several blocks and single-line blocks', () => {
    const blocks = parseCorefile('# top\nexample.org:1053 {\n  hosts { 1.2.3.4 "a.example.org" }\n}\n.:53 {\n  log # all\n}\n');
    expect(blocks.map((b) => b.keys)).toEqual([['example.org:1053'], ['.:53']]);
    expect(blocks[0]!.directives[0]!.block).toEqual([{ name: '1.2.3.4', args: ['a.example.org'], line: 3, block: [] }]);
  });

  const errors: [string, string, string][] = [
    ['unknown directive', '.:53 {\n    errors\n    forwardd . /etc/resolv.conf\n}\n', "/etc/coredns/Corefile:3 - Error during parsing: Unknown directive 'forwardd'"],
    ['unclosed directive block', '.:53 {\n    kubernetes cluster.local {\n       pods insecure\n', '/etc/coredns/Corefile:3 - Error during parsing: Unexpected EOF'],
    ['unclosed server block', '.:53 {\n    errors\n', "/etc/coredns/Corefile:2 - Error during parsing: Syntax error: Unexpected token 'errors', expecting '}'"],
    ['stray closing brace', '.:53 {\n    errors }\n}\n', "/etc/coredns/Corefile:2 - Error during parsing: Unexpected '}' because no matching opening brace"],
    ['forward without upstream', '.:53 {\n    forward .\n}\n', "plugin/forward: /etc/coredns/Corefile:2 - Error during parsing: Wrong argument count or unexpected line ending after '.'"],
    ['bad pods value', '.:53 {\n  kubernetes cluster.local {\n    pods secure\n  }\n}\n', 'plugin/kubernetes: wrong value for pods: secure,  must be one of: disabled, verified, insecure'],
    ['unknown kubernetes property', '.:53 {\n  kubernetes cluster.local {\n    podz insecure\n  }\n}\n', "plugin/kubernetes: /etc/coredns/Corefile:3 - Error during parsing: unknown property 'podz'"],
    ['ttl out of range', '.:53 {\n  kubernetes cluster.local {\n    ttl 4000\n  }\n}\n', 'plugin/kubernetes: /etc/coredns/Corefile:3 - Error during parsing: ttl must be in range [0, 3600]: 4000'],
    ['ttl without value', '.:53 {\n  kubernetes cluster.local {\n    ttl\n  }\n}\n', "plugin/kubernetes: /etc/coredns/Corefile:3 - Error during parsing: Wrong argument count or unexpected line ending after 'ttl'"],
    ['only reverse zones', '.:53 {\n  kubernetes in-addr.arpa\n}\n', 'plugin/kubernetes: non-reverse zone name must be used'],
    ['extra comma', '.:53, {\n}\n', "/etc/coredns/Corefile:1 - Error during parsing: Expected another address but had '{' - check for extra comma"],
  ];
  it.each(errors)('reports %s with CoreDNS’s exact text', (_what, text, message) => {
    expect(crash(text)).toBe(message);
  });
});
