/**
 * kubectl's output layer: pure functions from plain API objects (and a `now` in ms) to the exact
 * text kubectl 1.34 prints. The kubectl verbs choose what to fetch; this folder decides how it
 * looks. See CONTEXT.md for the map of files.
 */
export { buildTable, columnsFor, PRINTED_KINDS } from './tables';
export { printTable, renderCell, TablePrinter, type TablePrintOptions } from './tablePrinter';
export type { Table, TableColumn, TableRow, TableCell } from './tableTypes';
export { humanDuration, timestampSince, parseTimestamp } from './humanDuration';
export { podStatusCells } from './rows/pods';
export { formatLabels, formatLabelSelector, labelSelectorString } from './labels';
export { toJson, toYamlOutput, listOf, nameLine, kindPrefix, groupOf } from './output';
export { toYaml } from './yamlEmitter';
export { compileJsonPathTemplate, executeJsonPath, printJsonPath, type JsonPathOutputOptions } from './jsonpathOutput';
export { JsonPath } from './jsonpath/evaluate';
export { parseCustomColumnsSpec, printCustomColumns, type CustomColumn } from './customColumns';
export { sortObjects, naturalLess } from './sortBy';
export { relaxedJsonPathExpression } from './relaxedJsonPath';
export { PrintError } from './printErrors';
export {
  formatApiError,
  formatCommandError,
  noResourcesFound,
  deleteLine,
  missingLastAppliedWarning,
  apiWarning,
  unknownResourceType,
  ENDPOINTS_DEPRECATION_WARNING,
  type ApiErrorContext,
  type DeleteLineOptions,
} from './messages';
export { describeService, formatEndpointSlices } from './describe/service';
export { describePod, podQOS } from './describe/pod';
export { describeDaemonSet, describeDeployment, describeReplicaSet, type PodPhaseCounts } from './describe/workloads';
export { describeRole, describeRoleBinding, describeServiceAccount } from './describe/rbac';
export { describeGeneric } from './describe/generic';
export { describeEndpoints, describeEndpointSlice } from './describe/endpoints';
export { describeNamespace, describeConfigMap } from './describe/cluster';
export { describeNode } from './describe/node';
export { joinDescriptions } from './describe/common';
