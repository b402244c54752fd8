/** A Trace as readable lines (the CLI's `kubelab trace` and test failure messages). */
import type { PacketView, Trace } from './trace';

const addr = (p: PacketView) => (p.protocol === 'icmp' || p.sport === undefined ? `${p.src} → ${p.dst}` : `${p.src}:${p.sport} → ${p.dst}:${p.dport}`);

export function formatTrace(t: Trace): string {
  const lines: string[] = [];
  lines.push(`${t.request.protocol.toUpperCase()} from ${t.request.from} to ${t.request.dst}${t.request.dport !== undefined ? `:${t.request.dport}` : ''}`);
  if (t.dns) {
    lines.push(`  DNS: ${t.dns.name} → ${t.dns.addresses.join(', ') || '(no address)'}`);
    // Steps are the DNS area's; print their text when they carry one.
    for (const step of t.dns.steps) {
      const text = (step as { text?: unknown }).text;
      if (typeof text === 'string') lines.push(`       ${text}`);
    }
  }
  for (const h of t.hops) {
    const place = [h.where.machine, h.where.interface, h.where.table && h.where.chain ? `${h.where.table} ${h.where.chain}` : h.where.table].filter(Boolean).join(' · ');
    const changed = addr(h.before) !== addr(h.after) ? `${addr(h.before)}  ⇒  ${addr(h.after)}` : addr(h.after);
    lines.push(`${String(h.step + 1).padStart(3)}. [${place}] ${changed}`);
    lines.push(`     ${h.explanation}`);
    for (const w of h.why) {
      if (w.kind === 'rule') lines.push(`       ${w.text}`);
      else if (w.kind === 'route' || w.kind === 'conntrack' || w.kind === 'socket') lines.push(`       ${w.kind}: ${w.text}`);
      else if (w.kind === 'ipvs') lines.push(...w.text.split('\n').map((l) => `       ${l}`));
      else if (w.kind === 'service') lines.push(`       Service ${w.namespace}/${w.name}${w.port ? ` port ${w.port}` : ''}`);
      else lines.push(`       endpoint ${w.ip}:${w.port}${w.slice ? ` (EndpointSlice ${w.slice}${w.node ? `, node ${w.node}` : ''})` : ''}`);
    }
  }
  const o = t.outcome;
  lines.push(o.kind === 'delivered' ? `=> delivered to ${o.machine}${o.container ? ` (container ${o.container})` : ''} at ${o.ip}${o.port !== undefined ? `:${o.port}` : ''}` : `=> ${o.kind}: ${o.reason}`);
  lines.push(`   ${t.rulesTraversed} iptables rules traversed, ${t.elapsedMs} ms`);
  return lines.join('\n') + '\n';
}
