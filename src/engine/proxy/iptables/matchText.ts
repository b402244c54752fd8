/**
 * How each match and target prints, in the two forms iptables has: `save` (iptables-save and
 * `iptables -S`, from each extension's save()) and `list` (`iptables -L -n`, from print()).
 * Transcribed from iptables' extensions (libxt_comment, libxt_tcp, libxt_addrtype, libxt_mark,
 * libxt_statistic, libxt_recent, libxt_conntrack, libxt_MARK, libxt_DNAT, libipt_REJECT,
 * libxt_MASQUERADE) and xtables_save_string().
 */
import type { CtState, Match, Target } from '../model';

const CT_ORDER: readonly CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

/** xtables_save_string: quoted (with `"` and `\` escaped) unless only [A-Za-z0-9_-]. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/(["\\'])/g, '\\$1')}"`;
}

const hex = (n: number) => `0x${n.toString(16)}`;
const states = (s: readonly CtState[]) => CT_ORDER.filter((x) => s.includes(x)).join(',');
const probability = (fixed: number) => (fixed / 0x80000000).toFixed(11);

/** `-m name <options>` as iptables-save prints the match. */
export function matchSave(m: Match): string {
  switch (m.kind) {
    case 'proto':
      return m.dport === undefined ? `-m ${m.protocol}` : `-m ${m.protocol} --dport ${m.dport}`;
    case 'comment':
      return `-m comment --comment ${saveString(m.comment)}`;
    case 'addrtype': {
      let s = '-m addrtype';
      if (m.srcType) s += `${m.negateSrc ? ' !' : ''} --src-type ${m.srcType}`;
      if (m.dstType) s += `${m.negateDst ? ' !' : ''} --dst-type ${m.dstType}`;
      return s;
    }
    case 'mark':
      return `-m mark${m.negate ? ' !' : ''} --mark ${markText(m.mark, m.mask)}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${probability(m.probabilityFixed)}`;
    case 'recent': {
      const op = m.mode === 'set' ? '--set' : '--rcheck';
      const secs = m.seconds ? ` --seconds ${m.seconds}` : '';
      const reap = m.reap ? ' --reap' : '';
      return `-m recent ${op}${secs}${reap} --name ${m.name} --mask 255.255.255.255 --rsource`;
    }
    case 'conntrack':
      return `-m conntrack${m.negate ? ' !' : ''} --ctstate ${states(m.states)}`;
    case 'set':
      return `-m set${m.negate ? ' !' : ''} --match-set ${m.name} ${m.flags}`;
    case 'physdev':
      return `-m physdev${m.negate ? ' !' : ''} --physdev-is-in`;
    case 'nfacct':
      return `-m nfacct --nfacct-name ${saveString(m.name)}`;
  }
}

/** The text `iptables -L -n` prints for a match (each starts with a space). */
export function matchList(m: Match): string {
  switch (m.kind) {
    case 'proto':
      return m.dport === undefined ? ` ${m.protocol}` : ` ${m.protocol} dpt:${m.dport}`;
    case 'comment':
      return ` /* ${m.comment} */`;
    case 'addrtype': {
      let s = ' ADDRTYPE match';
      if (m.srcType) s += ` src-type ${m.negateSrc ? '!' : ''}${m.srcType}`;
      if (m.dstType) s += ` dst-type ${m.negateDst ? '!' : ''}${m.dstType}`;
      return s;
    }
    case 'mark':
      return ` mark match${m.negate ? ' !' : ''} ${markText(m.mark, m.mask)}`;
    case 'statistic':
      return ` statistic mode random probability ${probability(m.probabilityFixed)}`;
    case 'recent': {
      const op = m.mode === 'set' ? ' SET' : ' CHECK';
      const secs = m.seconds ? ` seconds: ${m.seconds}` : '';
      const reap = m.reap ? ' reap' : '';
      return ` recent:${op}${secs}${reap} name: ${m.name} side: source mask: 255.255.255.255`;
    }
    case 'conntrack':
      return `${m.negate ? ' !' : ''} ctstate ${states(m.states)}`;
    case 'set':
      return `${m.negate ? ' !' : ''} match-set ${m.name} ${m.flags}`;
    case 'physdev':
      return ` PHYSDEV match${m.negate ? ' !' : ''} --physdev-is-in`;
    case 'nfacct':
      // libxt_nfacct prints " nfacct-name" then xtables_save_string's own leading space.
      return ` nfacct-name  ${saveString(m.name)}`;
  }
}

function markText(mark: number, mask: number): string {
  return mask === 0xffffffff ? hex(mark) : `${hex(mark)}/${hex(mask)}`;
}

/** The target name shown in the `target` column and after `-j`. */
export function targetName(t: Target | undefined): string {
  if (!t) return '';
  return t.kind === 'jump' ? t.chain : t.kind;
}

/** `-j NAME <options>` as iptables-save prints it; empty for a rule without target. */
export function targetSave(t: Target | undefined): string {
  if (!t) return '';
  switch (t.kind) {
    case 'jump':
      return `-j ${t.chain}`;
    case 'DNAT':
      return `-j DNAT --to-destination ${t.toDestination}`;
    case 'MARK':
      return `-j MARK --set-xmark ${hex(t.mark)}/${hex(t.mask)}`;
    case 'MASQUERADE':
      return t.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE';
    case 'REJECT':
      return `-j REJECT --reject-with ${t.rejectWith}`;
    default:
      return `-j ${t.kind}`;
  }
}

/** Target options as `iptables -L` prints them after the matches. */
export function targetList(t: Target | undefined): string {
  if (!t) return '';
  switch (t.kind) {
    case 'DNAT':
      return ` to:${t.toDestination}`;
    case 'MARK':
      if (t.mark === 0) return ` MARK and ${hex(~t.mask >>> 0)}`;
      if (t.mark === t.mask) return ` MARK or ${hex(t.mark)}`;
      if (t.mask === 0) return ` MARK xor ${hex(t.mark)}`;
      if (t.mask === 0xffffffff) return ` MARK set ${hex(t.mark)}`;
      return ` MARK xset ${hex(t.mark)}/${hex(t.mask)}`;
    case 'MASQUERADE':
      return t.randomFully ? ' random-fully' : '';
    case 'REJECT':
      return ` reject-with ${t.rejectWith}`;
    default:
      return '';
  }
}
