/**
 * The long description and examples `kubectl <verb> --help` prints in kubectl 1.34, as
 * templates.LongDesc/Examples render them (paragraphs after the first start with a space, lists
 * as "  *  item", code blocks indented eight spaces; examples indented two, blank lines "  "),
 * copied from the generated kubectl reference (kubernetes/website, reference/kubectl/generated).
 * Output is not word-wrapped: kubectl wraps help only on a terminal at least 80 columns wide.
 */
export interface HelpText {
  long: string;
  examples: string;
}

const ex = (lines: string): string =>
  lines
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

export const HELP_TEXTS: Readonly<Record<string, HelpText>> = {
  'kubectl get': {
    long: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
    examples: ex(
      '# List all pods in ps output format\nkubectl get pods\n\n# List all pods in ps output format with more information (such as node name)\nkubectl get pods -o wide\n\n# List a single replication controller with specified NAME in ps output format\nkubectl get replicationcontroller web\n\n# List deployments in JSON output format, in the "v1" version of the "apps" API group\nkubectl get deployments.v1.apps -o json\n\n# List a single pod in JSON output format\nkubectl get -o json pod web-pod-13je7\n\n# List a pod identified by type and name specified in "pod.yaml" in JSON output format\nkubectl get -f pod.yaml -o json\n\n# List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml\nkubectl get -k dir/\n\n# Return only the phase value of the specified pod\nkubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}\n\n# List resource information in custom columns\nkubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image\n\n# List all replication controllers and services together in ps output format\nkubectl get rc,services\n\n# List one or more resources by their type and names\nkubectl get rc/web service/frontend pods/web-pod-13je7\n\n# List the \'status\' subresource for a single pod\nkubectl get pod web-pod-13je7 --subresource status\n\n# List all deployments in namespace \'backend\'\nkubectl get deployments.apps --namespace backend\n\n# List all pods existing in all namespaces\nkubectl get pods --all-namespaces',
    ),
  },
  'kubectl describe': {
    long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples: ex(
      '# Describe a node\nkubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n\n# Describe a pod\nkubectl describe pods/nginx\n\n# Describe a pod identified by type and name in "pod.json"\nkubectl describe -f pod.json\n\n# Describe all pods\nkubectl describe pods\n\n# Describe pods by label name=myLabel\nkubectl describe pods -l name=myLabel\n\n# Describe all pods managed by the \'frontend\' replication controller\n# (rc-created pods get the name of the rc as a prefix in the pod name)\nkubectl describe pods frontend',
    ),
  },
  'kubectl attach': {
    long: 'Attach to a process that is already running inside an existing container.',
    examples: ex("# Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n# for selecting the container to be attached or the first container in the pod will be chosen\nkubectl attach mypod\n\n# Get output from ruby-container from pod mypod\nkubectl attach mypod -c ruby-container\n\n# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n# and sends stdout/stderr from 'bash' back to the client\nkubectl attach mypod -c ruby-container -i -t\n\n# Get output from the first pod of a replica set named nginx\nkubectl attach rs/nginx"),
  },
  'kubectl top': {
    long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
    examples: '',
  },
  'kubectl diff': {
    long: 'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\n The output is always YAML.\n\n KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\n Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.\n\n Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.',
    examples: ex('# Diff resources included in pod.json\nkubectl diff -f pod.json\n\n# Diff file read from stdin\ncat service.yaml | kubectl diff -f -'),
  },
  'kubectl apply': {
    long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
    examples: ex(
      "# Apply the configuration in pod.json to a pod\nkubectl apply -f ./pod.json\n\n# Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\nkubectl apply -k dir/\n\n# Apply the JSON passed into stdin to a pod\ncat pod.json | kubectl apply -f -\n\n# Apply the configuration from all files that end with '.json'\nkubectl apply -f '*.json'\n\n# Note: --prune is still in Alpha\n# Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\nkubectl apply --prune -f manifest.yaml -l app=nginx\n\n# Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\nkubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
    ),
  },
  'kubectl create': {
    long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
    examples: ex(
      '# Create a pod using the data in pod.json\nkubectl create -f ./pod.json\n\n# Create a pod based on the JSON passed into stdin\ncat pod.json | kubectl create -f -\n\n# Edit the data in registry.yaml in JSON then create the resource using the edited data\nkubectl create -f registry.yaml --edit -o json',
    ),
  },
  'kubectl create clusterrole': {
    long: 'Create a cluster role.',
    examples: ex(
      '# Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\nkubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n\n# Create a cluster role named "pod-reader" with ResourceName specified\nkubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n\n# Create a cluster role named "foo" with API Group specified\nkubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps\n\n# Create a cluster role named "foo" with SubResource specified\nkubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n\n# Create a cluster role name "foo" with NonResourceURL specified\nkubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*\n\n# Create a cluster role name "monitoring" with AggregationRule specified\nkubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
    ),
  },
  'kubectl create clusterrolebinding': {
    long: 'Create a cluster role binding for a particular cluster role.',
    examples: ex('# Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\nkubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1'),
  },
  'kubectl create role': {
    long: 'Create a role with single rule.',
    examples: ex(
      '# Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\nkubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods\n\n# Create a role named "pod-reader" with ResourceName specified\nkubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n\n# Create a role named "foo" with API Group specified\nkubectl create role foo --verb=get,list,watch --resource=rs.apps\n\n# Create a role named "foo" with SubResource specified\nkubectl create role foo --verb=get,list,watch --resource=pods,pods/status',
    ),
  },
  'kubectl create rolebinding': {
    long: 'Create a role binding for a particular role or cluster role.',
    examples: ex(
      '# Create a role binding for user1, user2, and group1 using the admin cluster role\nkubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1\n\n# Create a role binding for service account monitoring:sa-dev using the admin role\nkubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
    ),
  },
  'kubectl expose': {
    long: 'Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)',
    examples: ex(
      '# Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000\nkubectl expose rc nginx --port=80 --target-port=8000\n\n# Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000\nkubectl expose -f nginx-controller.yaml --port=80 --target-port=8000\n\n# Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\nkubectl expose pod valid-pod --port=444 --name=frontend\n\n# Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"\nkubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https\n\n# Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named \'video-stream\'.\nkubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream\n\n# Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000\nkubectl expose rs nginx --port=80 --target-port=8000\n\n# Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\nkubectl expose deployment nginx --port=80 --target-port=8000',
    ),
  },
  'kubectl run': {
    long: 'Create and run a particular image in a pod.',
    examples: ex(
      '# Start a nginx pod\nkubectl run nginx --image=nginx\n\n# Start a hazelcast pod and let the container expose port 5701\nkubectl run hazelcast --image=hazelcast/hazelcast --port=5701\n\n# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\nkubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"\n\n# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\nkubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"\n\n# Dry run; print the corresponding API objects without creating them\nkubectl run nginx --image=nginx --dry-run=client\n\n# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\nkubectl run nginx --image=nginx --overrides=\'{ "apiVersion": "v1", "spec": { ... } }\'\n\n# Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\nkubectl run -i -t busybox --image=busybox --restart=Never\n\n# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\nkubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>\n\n# Start the nginx pod using a different command and custom arguments\nkubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
    ),
  },
  'kubectl exec': {
    long: 'Execute a command in a container.',
    examples: ex(
      "# Get output from running the 'date' command from pod mypod, using the first container by default\nkubectl exec mypod -- date\n\n# Get output from running the 'date' command in ruby-container from pod mypod\nkubectl exec mypod -c ruby-container -- date\n\n# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n# and sends stdout/stderr from 'bash' back to the client\nkubectl exec mypod -c ruby-container -i -t -- bash -il\n\n# List contents of /usr from the first container of pod mypod and sort by modification time\n# If the command you want to execute in the pod has any flags in common (e.g. -i),\n# you must use two dashes (--) to separate your command's flags/arguments\n# Also note, do not surround your command and its flags/arguments with quotes\n# unless that is how you would execute it normally (i.e., do ls -t /usr, not \"ls -t /usr\")\nkubectl exec mypod -i -t -- ls -t /usr\n\n# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default\nkubectl exec deploy/mydeployment -- date\n\n# Get output from running 'date' command from the first pod of the service myservice, using the first container by default\nkubectl exec svc/myservice -- date",
    ),
  },
  'kubectl logs': {
    long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
    examples: ex(
      '# Return snapshot logs from pod nginx with only one container\nkubectl logs nginx\n\n# Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\nkubectl logs nginx --prefix\n\n# Return snapshot logs from pod nginx, limiting output to 500 bytes\nkubectl logs nginx --limit-bytes=500\n\n# Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.\nkubectl logs nginx --pod-running-timeout=20s\n\n# Return snapshot logs from pod nginx with multi containers\nkubectl logs nginx --all-containers=true\n\n# Return snapshot logs from all pods in the deployment nginx\nkubectl logs deployment/nginx --all-pods=true\n\n# Return snapshot logs from all containers in pods defined by label app=nginx\nkubectl logs -l app=nginx --all-containers=true\n\n# Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods\nkubectl logs -l app=nginx --max-log-requests=10\n\n# Return snapshot of previous terminated ruby container logs from pod web-1\nkubectl logs -p -c ruby web-1\n\n# Begin streaming the logs from pod nginx, continuing even if errors occur\nkubectl logs nginx -f --ignore-errors=true\n\n# Begin streaming the logs of the ruby container in pod web-1\nkubectl logs -f -c ruby web-1\n\n# Begin streaming the logs from all containers in pods defined by label app=nginx\nkubectl logs -f -l app=nginx --all-containers=true\n\n# Display only the most recent 20 lines of output in pod nginx\nkubectl logs --tail=20 nginx\n\n# Show all logs from pod nginx written in the last hour\nkubectl logs --since=1h nginx\n\n# Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\nkubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true\n\n# Show logs from a kubelet with an expired serving certificate\nkubectl logs --insecure-skip-tls-verify-backend nginx\n\n# Return snapshot logs from first container of a job named hello\nkubectl logs job/hello\n\n# Return snapshot logs from container nginx-1 of a deployment named nginx\nkubectl logs deployment/nginx -c nginx-1',
    ),
  },
  'kubectl delete': {
    long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod\'s processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
    examples: ex(
      '# Delete a pod using the type and name specified in pod.json\nkubectl delete -f ./pod.json\n\n# Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\nkubectl delete -k dir\n\n# Delete resources from all files that end with \'.json\'\nkubectl delete -f \'*.json\'\n\n# Delete a pod based on the type and name in the JSON passed into stdin\ncat pod.json | kubectl delete -f -\n\n# Delete pods and services with same names "baz" and "foo"\nkubectl delete pod,service baz foo\n\n# Delete pods and services with label name=myLabel\nkubectl delete pods,services -l name=myLabel\n\n# Delete a pod with minimal delay\nkubectl delete pod foo --now\n\n# Force delete a pod on a dead node\nkubectl delete pod foo --force\n\n# Delete all pods\nkubectl delete pods --all',
    ),
  },
  'kubectl edit': {
    long: "Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
    examples: ex(
      "# Edit the service named 'registry'\nkubectl edit svc/registry\n\n# Use an alternative editor\nKUBE_EDITOR=\"nano\" kubectl edit svc/registry\n\n# Edit the job 'myjob' in JSON using the v1 API format\nkubectl edit job.v1.batch/myjob -o json\n\n# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation\nkubectl edit deployment/mydeployment -o yaml --save-config\n\n# Edit the 'status' subresource for the 'mydeployment' deployment\nkubectl edit deployment mydeployment --subresource='status'",
    ),
  },
  'kubectl scale': {
    long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
    examples: ex(
      "# Scale a replica set named 'foo' to 3\nkubectl scale --replicas=3 rs/foo\n\n# Scale a resource identified by type and name specified in \"foo.yaml\" to 3\nkubectl scale --replicas=3 -f foo.yaml\n\n# If the deployment named mysql's current size is 2, scale mysql to 3\nkubectl scale --current-replicas=2 --replicas=3 deployment/mysql\n\n# Scale multiple replication controllers\nkubectl scale --replicas=5 rc/example1 rc/example2 rc/example3\n\n# Scale stateful set named 'web' to 3\nkubectl scale --replicas=3 statefulset/web",
    ),
  },
  'kubectl rollout': {
    long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
    examples: ex(
      "# Rollback to the previous deployment\nkubectl rollout undo deployment/abc\n\n# Check the rollout status of a daemonset\nkubectl rollout status daemonset/foo\n\n# Restart a deployment\nkubectl rollout restart deployment/abc\n\n# Restart deployments with the 'app=nginx' label\nkubectl rollout restart deployment --selector=app=nginx",
    ),
  },
  'kubectl label': {
    long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
    examples: ex(
      "# Update pod 'foo' with the label 'unhealthy' and the value 'true'\nkubectl label pods foo unhealthy=true\n\n# Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\nkubectl label --overwrite pods foo status=unhealthy\n\n# Update all pods in the namespace\nkubectl label pods --all status=unhealthy\n\n# Update a pod identified by the type and name in \"pod.json\"\nkubectl label -f pod.json status=unhealthy\n\n# Update pod 'foo' only if the resource is unchanged from version 1\nkubectl label pods foo status=unhealthy --resource-version=1\n\n# Update pod 'foo' by removing a label named 'bar' if it exists\n# Does not require the --overwrite flag\nkubectl label pods foo bar-",
    ),
  },
  'kubectl port-forward': {
    long: "Forward one or more local ports to a pod.\n\n Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.\n\n If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.",
    examples: ex(
      '# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod\nkubectl port-forward pod/mypod 5000 6000\n\n# Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in a pod selected by the deployment\nkubectl port-forward deployment/mydeployment 5000 6000\n\n# Listen on port 8443 locally, forwarding to the targetPort of the service\'s port named "https" in a pod selected by the service\nkubectl port-forward service/myservice 8443:https\n\n# Listen on port 8888 locally, forwarding to 5000 in the pod\nkubectl port-forward pod/mypod 8888:5000\n\n# Listen on port 8888 on all addresses, forwarding to 5000 in the pod\nkubectl port-forward --address 0.0.0.0 pod/mypod 8888:5000\n\n# Listen on port 8888 on localhost and selected IP, forwarding to 5000 in the pod\nkubectl port-forward --address localhost,10.19.21.23 pod/mypod 8888:5000\n\n# Listen on a random port locally, forwarding to 5000 in the pod\nkubectl port-forward pod/mypod :5000',
    ),
  },
  'kubectl proxy': {
    long: 'Creates a proxy server or application-level gateway between localhost and the Kubernetes API server. It also allows serving static content over specified HTTP path. All incoming data enters through one port and gets forwarded to the remote Kubernetes API server port, except for the path matching the static content path.',
    examples: ex(
      "# To proxy all of the Kubernetes API and nothing else\nkubectl proxy --api-prefix=/\n\n# To proxy only part of the Kubernetes API and also some static files\n# You can get pods info with 'curl localhost:8001/api/v1/pods'\nkubectl proxy --www=/my/files --www-prefix=/static/ --api-prefix=/api/\n\n# To proxy the entire Kubernetes API at a different root\n# You can get pods info with 'curl localhost:8001/custom/api/v1/pods'\nkubectl proxy --api-prefix=/custom/\n\n# Run a proxy to the Kubernetes API server on port 8011, serving static content from ./local/www/\nkubectl proxy --port=8011 --www=./local/www/\n\n# Run a proxy to the Kubernetes API server on an arbitrary local port\n# The chosen port for the server will be output to stdout\nkubectl proxy --port=0\n\n# Run a proxy to the Kubernetes API server, changing the API prefix to k8s-api\n# This makes e.g. the pods API available at localhost:8001/k8s-api/v1/pods/\nkubectl proxy --api-prefix=/k8s-api",
    ),
  },
  'kubectl explain': {
    long: 'Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
    examples: ex(
      '# Get the documentation of the resource and its fields\nkubectl explain pods\n\n# Get all the fields in the resource\nkubectl explain pods --recursive\n\n# Get the explanation for deployment in supported api versions\nkubectl explain deployments --api-version=apps/v1\n\n# Get the documentation of a specific field of a resource\nkubectl explain pods.spec.containers\n\n# Get the documentation of resources in different format\nkubectl explain deployment --output=plaintext-openapiv2',
    ),
  },
};
