/**
 * The machines learners type into: the nodes (login on `controlplane`, `ssh` to the others) and
 * the containers (`kubectl exec -it`), each with the tools it really has. See CONTEXT.md.
 */
export type { Place, ToolEnv, ToolFactory, ToolSet } from './tools';
export { containerMachine, imageExecutables, type ContainerPlace } from './containerMachine';
export { nodeMachine, nodeOwnTools } from './nodeMachine';
export { createLearnerSession, type LearnerSessionOptions } from './learnerSession';
export { containerToolSets, nodeToolSets, installTools } from './installTools';
export { readHomeFile, runOnBuffer, writeHomeFile, type EditorActionResult } from './editorActions';
export { diffBuffer, type BufferDiff, type DocumentDiff } from './editorDiff';
export { ChunkedApply } from './chunkedApply';
export { traceOrigin, traceRequest, type TraceRequestResult, type TraceSource } from './traceRequest';
