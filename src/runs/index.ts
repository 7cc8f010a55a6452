/**
 * Run sessions in the app, without React: the controller (session.ts), provider settings kept
 * in this browser (settings.ts, providers.ts), past runs (runList.ts) and run files
 * (runFile.ts). See session.ts for the flow.
 */
export { RunController } from './session';
export { OpenRun, traceAt } from './openRun';
export type { OpenWorkflow } from './openRun';
export { RunBreakpoints } from './breakpoints';
export type { RunControllerOptions } from './session';
export { EMPTY_VIEW } from './view';
export { runStatus } from './status';
export type { RunStatusText, RunStatusSource } from './status';
export { sampleMessage } from './sample';
export type { RunView } from './view';
export type { RunSummary } from './runList';
export { belongsTo, runOwner, workflowIdOf, WORKFLOW_ID } from './owner';
export type { RunOwner, RunOrigin } from './owner';
export {
  exportRun,
  importRun,
  parseRunFile,
  runFileName,
  runFileText,
  isImported,
  RUN_FILE_FORMAT,
} from './runFile';
export type { RunFile } from './runFile';
export {
  DEFAULT_PROVIDER_SETTINGS,
  PROVIDER_LABELS,
  PROVIDER_SETTINGS_KEY,
  describeProvider,
  loadProviderSettings,
  saveProviderSettings,
  missingSetting,
} from './settings';
export type { ProviderKind, ProviderSettings, SettingsTable } from './settings';
export { providerFor, replayProvider, checkConnection } from './providers';
export type { ConnectionCheck } from './providers';
export { AZURE_MODELS_NOTE, listProviderModels, modelsOfRun, unservedModels } from './models';
export type { ModelUse, ProviderModels } from './models';
export { recordedAnswers } from './replay';
export { TraceRuns, TRACE_META } from './traceRuns';
export type { TraceRunsOptions } from './traceRuns';
