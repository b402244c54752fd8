import type { Hop, PacketView } from '../../worker/traceApi';
import { packetFields, translationOf, type PacketField } from './packetDiff';

/** One packet as `kubelab trace` prints it (`src:sport → dst:dport`), the changed parts marked. */
function PacketLine({ fields, side }: { fields: PacketField[]; side: 'before' | 'after' }) {
  const part = (name: PacketField['name']) => {
    const f = fields.find((x) => x.name === name);
    if (!f || !f[side]) return null;
    return side === 'after' && f.changed ? (
      <mark>
        {f.after}
        <span className="visually-hidden"> (changed)</span>
      </mark>
    ) : (
      f[side]
    );
  };
  const ports = fields.some((f) => f.name === 'sport' && f[side]);
  return (
    <>
      {part('src')}
      {ports && <>:{part('sport')}</>}
      {' → '}
      {part('dst')}
      {ports && <>:{part('dport')}</>}
    </>
  );
}

const protocolName = (p: PacketView) => p.protocol.toUpperCase();

/** The packet before and after the hop; what changed is marked, and the translation named. */
export function PacketChange({ hop }: { hop: Hop }) {
  const fields = packetFields(hop.before, hop.after);
  const translation = translationOf(hop);
  return (
    <table className="packet-table">
      <caption>
        {protocolName(hop.before) === protocolName(hop.after) ? `${protocolName(hop.after)} packet` : `${protocolName(hop.before)} packet, answered by ${protocolName(hop.after)}`}
        {translation ? <span className="translation-badge">{translation}</span> : <span className="packet-same"> · unchanged</span>}
      </caption>
      <tbody>
        <tr>
          <th scope="row">before</th>
          <td>
            <PacketLine fields={fields} side="before" />
          </td>
        </tr>
        <tr>
          <th scope="row">after</th>
          <td>
            <PacketLine fields={fields} side="after" />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
