/** Writes the published JSON Schemas (workflow and run events, public/schema/) from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { eventSchemaFileText, EVENT_SCHEMA_FILE } from './eventSchemaFile';
import { schemaFileText, SCHEMA_FILE } from './schemaFile';

writeFileSync(SCHEMA_FILE, schemaFileText());
console.log(`wrote ${SCHEMA_FILE}`);
writeFileSync(EVENT_SCHEMA_FILE, eventSchemaFileText());
console.log(`wrote ${EVENT_SCHEMA_FILE}`);
