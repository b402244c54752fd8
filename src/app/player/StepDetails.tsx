import type { HopReason } from '../../worker/traceApi';
import { selectRecords, useEngineStore } from '../state/useEngineStore';
import { PacketChange } from './PacketChange';
import { outcomeTitle, shortName, whereText } from './traceLabels';
import type { PlayerStep } from './traceSteps';

/** The current step: where it happened, the packet before → after, why, and the sentence that explains it. */
export function StepDetails({ step }: { step: PlayerStep }) {
  return (
    <section className="step-details" aria-label="Current step">
      {step.kind === 'dns' ? <DnsDetails step={step} /> : step.kind === 'hop' ? <HopDetails step={step} /> : <OutcomeDetails step={step} />}
    </section>
  );
}

function DnsDetails({ step }: { step: Extract<PlayerStep, { kind: 'dns' }> }) {
  return (
    <>
      <p className="detail-where">DNS lookup{step.server ? ` · nameserver ${step.server}` : ''}</p>
      <p className="detail-mono">{step.text}</p>
      <ul className="why-list">
        {step.query && (
          <li>
            query <code>{step.query}</code> {step.type}
          </li>
        )}
        {step.answeredBy && <li>answered by CoreDNS pod {step.answeredBy}</li>}
        {step.failure && <li>{step.failure}</li>}
      </ul>
      <p className="detail-explain">
        Before connecting, the client resolves the name: its resolver sends the query to the nameserver from /etc/resolv.conf
        {step.answeredBy ? ', and kube-proxy sends it on to a CoreDNS pod, which answers.' : '.'}
      </p>
    </>
  );
}

function HopDetails({ step }: { step: Extract<PlayerStep, { kind: 'hop' }> }) {
  const { hop } = step;
  return (
    <>
      <p className="detail-where">{whereText(hop.where)}</p>
      <PacketChange hop={hop} />
      <p className="detail-explain">{hop.explanation}</p>
      {hop.why.length > 0 && (
        <ul className="why-list" aria-label="Why">
          {hop.why.map((w, i) => (
            <li key={i} className={`why-${w.kind}`}>
              <Reason reason={w} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One reason, with rule text exactly as iptables-save prints it. */
function Reason({ reason: w }: { reason: HopReason }) {
  switch (w.kind) {
    case 'rule':
      return <code className="rule-text">{w.text}</code>;
    case 'ipvs':
      return <pre className="rule-text">{w.text}</pre>;
    case 'service':
      return (
        <span>
          <span className="why-kind">Service</span> {w.namespace}/{w.name}
          {w.port ? ` port ${w.port}` : ''}
        </span>
      );
    case 'endpoint':
      return <EndpointReason reason={w} />;
    default:
      return (
        <span>
          <span className="why-kind">{w.kind}</span> <code className="rule-text">{w.text}</code>
        </span>
      );
  }
}

function OutcomeDetails({ step }: { step: Extract<PlayerStep, { kind: 'outcome' }> }) {
  const o = step.outcome;
  return (
    <>
      <p className={`detail-outcome outcome-${o.kind}`}>{outcomeTitle(o)}</p>
      {o.kind === 'delivered' ? (
        <p className="detail-explain">
          The packet reached {shortName(o.machine)}
          {o.container ? ` (container ${o.container})` : ''} at <code>{`${o.ip}${o.port !== undefined ? `:${o.port}` : ''}`}</code>
          {step.response ? `, which answered HTTP ${step.response.status} ${step.response.reason}.` : '.'}
        </p>
      ) : (
        <Reasoned reason={o.reason} />
      )}
    </>
  );
}

/** A reason that quotes a rule (`...: -A KUBE-SERVICES ...`) shows the rule as code, as iptables-save prints it. */
function Reasoned({ reason }: { reason: string }) {
  const at = reason.indexOf(': -A ');
  if (at < 0) return <p className="detail-explain">{reason}</p>;
  return (
    <>
      <p className="detail-explain">{reason.slice(0, at)}:</p>
      <code className="rule-text rule-block">{reason.slice(at + 2)}</code>
    </>
  );
}

/** An EndpointSlice entry, with the pod its targetRef names (from the slice as the cluster has it now). */
function EndpointReason({ reason: w }: { reason: Extract<HopReason, { kind: 'endpoint' }> }) {
  const records = useEngineStore(selectRecords);
  const slice = Object.values(records).find((r) => r.kind === 'endpointslice' && r.name === w.slice);
  const pod = slice?.kind === 'endpointslice' ? slice.endpoints.find((e) => e.ip === w.ip)?.pod : undefined;
  return (
    <span>
      <span className="why-kind">Endpoint</span> {w.ip}:{w.port}
      {pod ? ` (pod ${shortName(pod)})` : ''}
      {w.slice ? ` in EndpointSlice ${w.slice}` : ''}
      {w.node ? ` on ${w.node}` : ''}
    </span>
  );
}
