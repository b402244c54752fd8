import { useMemo } from 'react';
import { recordsOfKind, selectRecords, useEngineStore } from '../state/useEngineStore';

/** What the sandbox is, and what the learner's cluster looks like right now. */
export function SandboxIntro() {
  const records = useEngineStore(selectRecords);
  const nodes = useMemo(() => recordsOfKind(records, 'node'), [records]);
  return (
    <>
      <h2 className="panel-title">Sandbox</h2>
      <p>
        A kubeadm cluster running Kubernetes 1.34, simulated in your browser. Nothing leaves this page, and the
        clock in the header is the cluster&apos;s own: pause it to look around.
      </p>
      <h3 className="panel-subtitle">Nodes</h3>
      <ul className="node-list">
        {nodes.map((n) => (
          <li key={n.name}>
            <span className="node-list-name">{n.name}</span>
            <span className="node-list-ip">{n.internalIP}</span>
          </li>
        ))}
      </ul>
      <h3 className="panel-subtitle">Try</h3>
      <p>
        Type <code>help</code> in the terminal to see what the shell understands. Write manifests in the YAML editor.
      </p>
    </>
  );
}
