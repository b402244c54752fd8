/**
 * The Kubernetes Book's sd-example.yml (seed 000): as the learner ends up with it, and as the
 * book prints it, with the indentation a page break damaged.
 */

/** The manifest as the learner ends up with it: the prod Deployment's `selector` back at the indentation the page break moved. */
export const SD_EXAMPLE = `#sd-example.yml
# defines
## 2 Namespaces -> diff name
## 2 Deployments -> same name
## 2 Services -> same name
## standalone jump Pod

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
  labels:
    app: enterprise
  namespace: dev
spec:
  selector:
    matchLabels:
      app: enterprise
  replicas: 2
  template:
    metadata:
      labels:
        app: enterprise
    spec:
      containers:
      - image: nigelpoulton/k8sbook:text-dev
        name: enterprise-ctr
        ports:
          - containerPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: enterprise
  labels:
    app: enterprise
  namespace: prod
spec:
  selector:
    matchLabels:
      app: enterprise
  replicas: 2
  template:
    metadata:
      labels:
        app: enterprise
    spec:
      containers:
        - image: nigelpoulton/k8sbook:text-prod
          name: enterprise-ctr
          ports:
            - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: ent
  namespace: dev
spec:
  selector:
    app: enterprise
  ports:
    - port: 8080
  type: ClusterIP
---
apiVersion: v1
kind: Service
metadata:
  name: ent
  namespace: prod
spec:
  selector:
    app: enterprise
  ports:
    - port: 8080
  type: ClusterIP
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
`;

const PROD_SELECTOR = `  namespace: prod
spec:
  selector:
    matchLabels:
      app: enterprise
`;

/**
 * Seed 000's manifest as printed: the page break pushed the prod Deployment's `selector` two
 * columns right, which is the error the learner meets first.
 */
export const SD_EXAMPLE_PAGE_BREAK = shiftOnce(SD_EXAMPLE, PROD_SELECTOR);

function shiftOnce(text: string, block: string): string {
  const at = text.indexOf(block);
  if (at < 0 || text.indexOf(block, at + 1) >= 0) throw new Error('sd-example: the prod selector block must occur exactly once');
  const [head, ...rest] = block.split('\n');
  const spec = rest.shift();
  const shifted = [head, spec, ...rest.map((line) => (line ? `  ${line}` : line))].join('\n');
  return text.slice(0, at) + shifted + text.slice(at + block.length);
}
