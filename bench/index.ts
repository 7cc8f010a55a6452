/** `npm run bench`: prints performance figures (nothing here is asserted). */
import { benchModel } from './model';

console.log(`# Handoff Studio benchmarks (${new Date().toISOString()}, Node ${process.version})`);
benchModel();
