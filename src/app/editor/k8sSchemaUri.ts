/** Where the YAML worker asks for the Kubernetes schema; served from the bundle, never the network. */
export const K8S_SCHEMA_URI = 'kubelab://schemas/kubernetes.json';
