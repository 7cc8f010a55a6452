/** Writes the published JSON Schema (public/schema/workflow.v1.json) from the zod schema. */
import { writeFileSync } from 'node:fs';
import { schemaFileText, SCHEMA_FILE } from './schemaFile';

writeFileSync(SCHEMA_FILE, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
