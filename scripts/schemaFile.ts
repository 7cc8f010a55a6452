/** The published JSON Schema file: where it lives and its exact text (shared with its drift test). */
import { workflowJsonSchema } from '../src/model';

export const SCHEMA_FILE = 'public/schema/workflow.v1.json';

export function schemaFileText(): string {
  const schema = {
    $id: 'https://handoff.studio/schema/workflow.v1.json',
    title: 'Handoff Studio workflow (format version 1)',
    ...workflowJsonSchema(),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
