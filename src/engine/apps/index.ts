/** Simulated container images: what each one runs, listens on, answers and logs. */
export type { CommandRun, ContainerLaunch, HttpRequest, HttpResponse, ImageProfile, ImageRef, Listener, ProcessPlan, ProcessStep, ServerCert, ShellKind } from './types';
export { parseImageRef, imageBaseName, defaultPullPolicy } from './imageRef';
export { IMAGE_PROFILES, genericProfile, resolveImage, startProcess } from './registry';
export { runExec, execNotFound, type ExecResult, type ContainerFiles } from './exec';
export { NGINX_WELCOME_PAGE, nginxErrorPage, nginxAccessLog } from './nginx';
export { apiServerCert, forbiddenPath, goServerResponse, PLAIN_HTTP_TO_TLS } from './controlPlane';
