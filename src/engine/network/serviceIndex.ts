/** Which addresses belong to Services as seen from outside the cluster (LB ingress IPs, externalIPs). */
import type { Service } from 'kubernetes-types/core/v1';

export type ServiceLike = Service;

/**
 * True when `ip` is a LoadBalancer ingress IP or an externalIP of some Service: addresses the
 * outside world routes to the cluster's nodes. ClusterIPs are not: nothing outside routes them.
 */
export function isServiceVip(services: readonly ServiceLike[], ip: string, _where: 'node-network' | 'internet'): boolean {
  return services.some(
    (s) => (s.spec?.externalIPs ?? []).includes(ip) || (s.spec?.type === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip)),
  );
}
