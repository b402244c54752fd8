import type { CachePluginConfig } from '../corefile/serverConfig';
import { cloneMessage } from '../message';
import type { DnsMessage, ResourceRecord } from '../message';
import { isSubdomain } from './kubernetesPlugin';

interface Entry {
  msg: DnsMessage;
  storedAt: number;
  ttl: number;
}

const MIN_TTL = 5; // dnsutil.MinimalDefaultTTL

/**
 * CoreDNS's `cache` plugin: positive and negative answers kept for min(record TTL, cap)
 * seconds of virtual time. Every record of a served answer carries the same remaining TTL,
 * which is why `dig` shows TTLs counting down (30, 29, ...) on cached answers.
 */
export class DnsCache {
  private readonly entries = new Map<string, Entry>();
  /** neverStored's last question and answer: `get` and `put` of one query ask about the same name. */
  private lastName: string | undefined;
  private lastNever = false;
  /** kubeadm disables success and denial for the same zones: then one zone test answers both. */
  private readonly sameDisabled: boolean;
  hits = 0;
  misses = 0;

  constructor(
    private readonly cfg: CachePluginConfig,
    private readonly now: () => number,
  ) {
    this.sameDisabled = cfg.disableSuccess.length === cfg.disableDenial.length && cfg.disableSuccess.every((z, i) => z === cfg.disableDenial[i]);
  }

  /** The cached reply for `query` (`name`: its question, lower case), re-stamped with its id and remaining TTL, if still fresh. */
  get(query: DnsMessage, name: string): DnsMessage | undefined {
    // Names whose answers are never stored (kubeadm disables both for the cluster domain) miss
    // without building a key.
    if (this.neverStored(name)) {
      this.misses++;
      return undefined;
    }
    const k = cacheKey(query, name);
    const e = this.entries.get(k);
    if (!e) {
      this.misses++;
      return undefined;
    }
    const left = e.ttl - Math.floor((this.now() - e.storedAt) / 1000);
    if (left <= 0) {
      this.entries.delete(k);
      this.misses++;
      return undefined;
    }
    this.hits++;
    const msg = cloneMessage(e.msg);
    msg.id = query.id;
    msg.question = query.question.map((q) => ({ ...q }));
    setTtl(msg, left);
    for (const r of msg.answer) if (r.name.toLowerCase() === name) r.name = query.question[0]!.name;
    return msg;
  }

  /** Stores `reply` when the plugin config allows and caps the TTLs of the reply it returns. */
  put(query: DnsMessage, name: string, reply: DnsMessage): DnsMessage {
    // A name never stored is returned as is below too (outside the zones, or both kinds disabled).
    if (query.question.length === 0 || this.neverStored(name)) return reply;
    if (!inZones(name, this.cfg.zones)) return reply;
    const denial = reply.rcode === 'NXDOMAIN' || (reply.rcode === 'NOERROR' && reply.answer.length === 0);
    if (reply.rcode !== 'NOERROR' && reply.rcode !== 'NXDOMAIN') return reply;
    const disabled = inZones(name, denial ? this.cfg.disableDenial : this.cfg.disableSuccess);
    if (disabled) return reply;
    const cap = denial ? this.cfg.denialTtl : this.cfg.successTtl;
    const ttl = Math.max(MIN_TTL, Math.min(minimalTtl(reply, denial), cap));
    const out = cloneMessage(reply);
    setTtl(out, ttl);
    this.entries.set(cacheKey(query, name), { msg: cloneMessage(out), storedAt: this.now(), ttl });
    return out;
  }

  /** True when neither a success nor a denial for this name may be cached. */
  private neverStored(name: string): boolean {
    if (name === this.lastName) return this.lastNever;
    this.lastName = name;
    return (this.lastNever = !inZones(name, this.cfg.zones) || (inZones(name, this.cfg.disableSuccess) && (this.sameDisabled || inZones(name, this.cfg.disableDenial))));
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whether `name` lies in any of `zones` (a loop, not a closure: this runs for every query). */
function inZones(name: string, zones: readonly string[]): boolean {
  for (const z of zones) if (isSubdomain(name, z)) return true;
  return false;
}

function cacheKey(q: DnsMessage, name: string): string {
  return `${name}|${q.question[0]?.type}|${q.edns?.do ? 1 : 0}`;
}

/** dnsutil.MinimalTTL: the smallest TTL in the reply; for denials the SOA's min(ttl, minimum). */
function minimalTtl(m: DnsMessage, denial: boolean): number {
  if (denial) {
    const soa = m.authority.find((r) => r.type === 'SOA');
    return soa && soa.type === 'SOA' ? Math.min(soa.ttl, soa.minimum) : MIN_TTL;
  }
  const all: ResourceRecord[] = [...m.answer, ...m.authority, ...m.additional];
  return all.reduce((min, r) => Math.min(min, r.ttl), Number.POSITIVE_INFINITY);
}

function setTtl(m: DnsMessage, ttl: number): void {
  for (const r of [...m.answer, ...m.authority, ...m.additional]) r.ttl = ttl;
}
