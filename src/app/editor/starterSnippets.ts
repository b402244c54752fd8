/** A ready-made manifest a learner can start a new file from. */
export interface StarterSnippet {
  id: string;
  /** What the menu shows. */
  label: string;
  /** The name the new file gets (made unique if taken). */
  fileName: string;
  text: string;
}

const service = (name: string, comment: string, spec: string) => `# ${comment}
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
${spec}`;

/** Starter manifests: one per Service type the lab teaches, a Deployment, and the service-discovery lab. */
export const STARTER_SNIPPETS: readonly StarterSnippet[] = [
  {
    id: 'deployment',
    label: 'Deployment',
    fileName: 'deployment.yaml',
    text: `# Keeps two nginx pods running; the pod template's labels are what Services select.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
`,
  },
  {
    id: 'clusterip',
    label: 'Service: ClusterIP',
    fileName: 'service-clusterip.yaml',
    text: service(
      'web',
      'A stable virtual IP inside the cluster, load-balanced over the ready pods labelled app=web.',
      `  type: ClusterIP
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 80
`,
    ),
  },
  {
    id: 'nodeport',
    label: 'Service: NodePort',
    fileName: 'service-nodeport.yaml',
    text: service(
      'web-nodeport',
      'Also opens one port (30000-32767) on every node; omit nodePort to let the cluster pick one.',
      `  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
      nodePort: 30080
`,
    ),
  },
  {
    id: 'loadbalancer',
    label: 'Service: LoadBalancer',
    fileName: 'service-loadbalancer.yaml',
    text: service(
      'web-lb',
      'Asks the cloud for an external load balancer; without one, EXTERNAL-IP stays <pending>.',
      `  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`,
    ),
  },
  {
    id: 'headless',
    label: 'Service: headless',
    fileName: 'service-headless.yaml',
    text: service(
      'web-headless',
      "No virtual IP: DNS answers with the ready pods' own IPs, one A record each.",
      `  clusterIP: None
  selector:
    app: web
  ports:
    - port: 80
`,
    ),
  },
  {
    id: 'externalname',
    label: 'Service: ExternalName',
    fileName: 'service-externalname.yaml',
    text: service(
      'db',
      'A DNS alias: looking up db returns a CNAME to the external name; no proxying, no selector.',
      `  type: ExternalName
  externalName: database.example.com
`,
    ),
  },
  {
    id: 'sd-example',
    label: 'Service discovery lab (sd-example.yml)',
    fileName: 'sd-example.yml',
    text: `# The service-discovery lab: the same app in two namespaces.
# dev and prod each get a Deployment called enterprise and a Service called ent;
# the jump pod in dev is where you test which ent a name reaches.
apiVersion: v1
kind: Namespace
metadata:
  name: dev
---
apiVersion: v1
kind: Namespace
metadata:
  name: prod
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: enterprise
  namespace: dev
  labels:
    app: enterprise
spec:
  replicas: 2
  selector:
    matchLabels:
      app: enterprise
  template:
    metadata:
      labels:
        app: enterprise
    spec:
      containers:
        - name: enterprise-ctr
          image: nigelpoulton/k8sbook:text-dev
          ports:
            - containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: enterprise
  namespace: prod
  labels:
    app: enterprise
spec:
  replicas: 2
  selector:
    matchLabels:
      app: enterprise
  template:
    metadata:
      labels:
        app: enterprise
    spec:
      containers:
        - name: enterprise-ctr
          image: nigelpoulton/k8sbook:text-prod
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ent
  namespace: dev
spec:
  type: ClusterIP
  selector:
    app: enterprise
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ent
  namespace: prod
spec:
  type: ClusterIP
  selector:
    app: enterprise
  ports:
    - port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: jump
  namespace: dev
spec:
  terminationGracePeriodSeconds: 5
  containers:
    - name: jump
      image: ubuntu
      tty: true
      stdin: true
`,
  },
];
