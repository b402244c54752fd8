import { describe, expect, it } from 'vitest';
import { goQuote, klogHeader, klogLine, klogValue } from './klog';

const at = Date.UTC(2025, 11, 21, 3, 23, 16) * 1000 + 19_762;

describe('klog text format', () => {
  it('writes the header as klog does: severity, MMDD, time with microseconds, PID in 7 columns, file:line', () => {
    expect(klogHeader('I', at, 1, 'server.go', 219)).toBe('I1221 03:23:16.019762       1 server.go:219] ');
    expect(klogHeader('E', Date.UTC(2026, 0, 5, 9, 0, 0) * 1000 + 7, 748, 'kubelet.go', 2500)).toBe('E0105 09:00:00.000007     748 kubelet.go:2500] ');
  });

  it('quotes the message and string values, leaves numbers bare, lists slices as quoted elements', () => {
    // A line of a real v1.34.0 kube-proxy log, rebuilt from its parts.
    expect(klogLine('I', at, 1, 'server.go', 219, 'Successfully retrieved NodeIPs', [['NodeIPs', ['192.168.126.149']]])).toBe(
      'I1221 03:23:16.019762       1 server.go:219] "Successfully retrieved NodeIPs" NodeIPs=["192.168.126.149"]',
    );
    expect(klogValue(131072)).toBe('131072');
    expect(klogValue(['a', 'b'])).toBe('["a","b"]');
    expect(klogLine('I', at, 1, 'server.go', 529, 'Golang settings', [['GOGC', ''], ['GOMAXPROCS', '']])).toMatch(/\] "Golang settings" GOGC="" GOMAXPROCS=""$/);
  });

  it('escapes like Go strconv.Quote', () => {
    expect(goQuote('say "hi"\n\\')).toBe('"say \\"hi\\"\\n\\\\"');
    expect(goQuote('`--nodeport-addresses primary`')).toBe('"`--nodeport-addresses primary`"');
    expect(goQuote('\u0001')).toBe('"\\x01"');
  });
});
