/** `npm run bench`: prints performance figures (nothing here is asserted). */
import { benchAgents } from './agents';
import { benchAgentsPy } from './agentsPy';
import { benchConformance } from './conformance';
import { benchDesigner } from './designer';
import { benchEngine } from './engine';
import { benchModel } from './model';
import { benchRouting } from './routing';
import { benchStore } from './store';
import { benchTestView } from './testView';
import { benchTrace } from './trace';

const only = process.argv[2];
console.log(`# Handoff Studio benchmarks (${new Date().toISOString()}, Node ${process.version})`);
if (!only || only === 'model') benchModel();
if (!only || only === 'engine') await benchEngine();
if (!only || only === 'conformance') await benchConformance();
if (!only || only === 'agents') await benchAgents();
if (!only || only === 'agents-py') await benchAgentsPy();
if (!only || only === 'designer') await benchDesigner();
if (!only || only === 'trace') await benchTrace();
if (!only || only === 'store') await benchStore();
if (!only || only === 'tests') await benchRouting();
if (!only || only === 'testview') benchTestView();
