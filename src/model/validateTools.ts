/** Tool checks of `validateWorkflow`: names, references, collisions, parameter schemas. */
import { issue, type ValidationIssue } from './issues';
import { formatPath, type PathSegment } from './path';
import { TOOL_NAME_PATTERN, toolResultTemplate, type Tool, type Workflow } from './schema';
import { HANDOFF_TOOL_PREFIX, type Topology } from './topology';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const TEMPLATE_REF = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function validateTools(doc: Workflow, topology: Topology, issues: ValidationIssue[]): void {
  const declared = new Map<string, number>();
  doc.tools.forEach((tool, i) => {
    const path = `tools[${i}]`;
    if (!TOOL_NAME_PATTERN.test(tool.name)) {
      issues.push(
        issue(
          'invalid_tool_name',
          `${path}.name`,
          `Tool name "${tool.name}" is not allowed: use 1 to 64 letters, digits, "_" or "-".`,
        ),
      );
    }
    const first = declared.get(tool.name);
    if (first !== undefined) {
      issues.push(
        issue(
          'duplicate_tool_name',
          `${path}.name`,
          `Tool name "${tool.name}" is already used by tools[${first}]; names must be unique.`,
        ),
      );
    } else declared.set(tool.name, i);
    for (const problem of parameterProblems(tool.parameters)) {
      issues.push(
        issue(
          'invalid_tool_parameters',
          formatPath([...toolPath(i), 'parameters', ...problem.path]),
          `Tool "${tool.name}": ${problem.message}`,
        ),
      );
    }
    checkTemplate(tool, path, issues);
  });

  const used = new Set<string>();
  doc.agents.forEach((agent, i) => {
    const listed = new Set<string>();
    agent.tools.forEach((name, j) => {
      const path = `agents[${i}].tools[${j}]`;
      used.add(name);
      if (listed.has(name)) {
        issues.push(
          issue('duplicate_tool_reference', path, `"${agent.name}" lists tool "${name}" twice.`, {
            agent: agent.name,
          }),
        );
      }
      listed.add(name);
      if (!declared.has(name)) {
        issues.push(
          issue(
            'unknown_tool_reference',
            path,
            `"${agent.name}" uses tool "${name}", which is not declared in "tools".`,
            { agent: agent.name },
          ),
        );
      }
      if (offersHandoffTool(topology, agent.name, name)) {
        issues.push(
          issue(
            'tool_handoff_collision',
            path,
            `Tool "${name}" of "${agent.name}" has the same name as one of its handoff tools; ` +
              'rename the tool.',
            { agent: agent.name },
          ),
        );
      }
    });
  });
  doc.tools.forEach((tool, i) => {
    if (!used.has(tool.name)) {
      issues.push(
        issue('unused_tool', `tools[${i}]`, `Tool "${tool.name}" is not used by any agent.`),
      );
    }
  });
}

/** True when `toolName` is one of the handoff tools `agent` is offered. */
function offersHandoffTool(topology: Topology, agent: string, toolName: string): boolean {
  if (!toolName.startsWith(HANDOFF_TOOL_PREFIX)) return false;
  const target = toolName.slice(HANDOFF_TOOL_PREFIX.length);
  if (target === agent || !topology.agents.has(target)) return false;
  return topology.implied || topology.targetsOf(agent).includes(target);
}

/** What is wrong with a tool's parameter schema for a function-calling model, if anything. */
export function parameterProblems(
  parameters: Record<string, unknown>,
): Array<{ path: PathSegment[]; message: string }> {
  const problems: Array<{ path: PathSegment[]; message: string }> = [];
  if (parameters.type !== 'object') {
    problems.push({
      path: ['type'],
      message: 'parameters must be an object schema ("type": "object").',
    });
  }
  const properties = parameters.properties;
  if (properties !== undefined && !isPlainObject(properties)) {
    problems.push({ path: ['properties'], message: '"properties" must be an object.' });
  }
  const props = isPlainObject(properties) ? properties : {};
  for (const [name, schema] of Object.entries(props)) {
    const path = ['properties', name];
    if (!isPlainObject(schema)) {
      problems.push({ path, message: `property "${name}" must be a schema object.` });
      continue;
    }
    const type = schema.type;
    const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
    if (types.some((t) => typeof t !== 'string' || !JSON_TYPES.has(t))) {
      problems.push({
        path: [...path, 'type'],
        message: `property "${name}" has type ${JSON.stringify(type)}; use one of ${[...JSON_TYPES].join(', ')}.`,
      });
    }
  }
  const required = parameters.required;
  if (required !== undefined) {
    if (!Array.isArray(required) || required.some((r) => typeof r !== 'string')) {
      problems.push({
        path: ['required'],
        message: '"required" must be a list of property names.',
      });
    } else {
      required.forEach((name: string, i) => {
        if (!Object.hasOwn(props, name)) {
          problems.push({
            path: ['required', i],
            message: `required property "${name}" is not in "properties".`,
          });
        }
      });
    }
  }
  return problems;
}

function checkTemplate(tool: Tool, path: string, issues: ValidationIssue[]): void {
  const template = toolResultTemplate(tool);
  const props = isPlainObject(tool.parameters.properties) ? tool.parameters.properties : {};
  for (const match of template.matchAll(TEMPLATE_REF)) {
    const name = match[1]!;
    if (!Object.hasOwn(props, name)) {
      issues.push(
        issue(
          'template_unknown_argument',
          `${path}.result`,
          `The result of "${tool.name}" uses {{${name}}}, which is not one of its parameters.`,
        ),
      );
    }
  }
}

const toolPath = (i: number): PathSegment[] => ['tools', i];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
