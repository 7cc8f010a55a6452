/** The published JSON Schema of the run event stream: where it lives and its exact text. */
import { runEventsJsonSchema } from '../src/engine/eventSchema';

export const EVENT_SCHEMA_FILE = 'public/schema/run-events.v1.json';

export function eventSchemaFileText(): string {
  const schema = {
    $id: 'https://handoff.studio/schema/run-events.v1.json',
    title: 'Handoff Studio run events (an array of events, docs/spec/events.md)',
    ...runEventsJsonSchema(),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
