import { handoffTools, type Handoff } from '../../model';
import { deleteById, updateHandoffById } from '../../store/byId';
import { useDesigner } from '../../store/hooks';
import { DocText, Field } from './fields';
import { IssueList } from './IssueList';
import { EdgeBreakpointToggle, EdgeRunTrace } from './RunTrace';
import { useApp } from '../../app/appContext';

/**
 * The selected handoff (`id`: its view id; `index`: where it is in `doc.handoffs` now): its ends,
 * its description and the exact tool the source model sees. Edits address it by id.
 */
export function EdgeInspector({ id, edge, index }: { id: string; edge: Handoff; index: number }) {
  const app = useApp();
  const store = app.designer;
  const doc = useDesigner((s) => s.doc);
  const issues = useDesigner((s) => s.issues);
  const mine = issues.filter((i) => i.edge?.index === index);
  // Each name once: two agents may share one (a validation error, still editable).
  const names = [...new Set(doc.agents.map((a) => a.name))];
  const target = doc.agents.find((a) => a.name === edge.target);
  const fallback = target?.description.trim()
    ? `${edge.target}'s description: "${target.description}"`
    : `"Handoff to the ${edge.target} agent."`;
  const changeEnd = (end: 'source' | 'target', value: string) => {
    const result = store
      .getState()
      .apply(updateHandoffById(id, { [end]: value }), { label: 'Change handoff' });
    if (!result.ok) app.say(result.error.message, 'error');
  };
  return (
    <section className="inspector__body" aria-label={`Handoff ${edge.source} to ${edge.target}`}>
      <header className="inspector__header">
        <span className="inspector__kind">Handoff</span>
        <span className="inspector__route">
          {edge.source} → {edge.target}
        </span>
      </header>
      <div className="field-row">
        <End
          label="From"
          value={edge.source}
          names={names}
          onChange={(v) => changeEnd('source', v)}
        />
        <End
          label="To"
          value={edge.target}
          names={names}
          onChange={(v) => changeEnd('target', v)}
        />
      </div>
      <DocText
        label="Description"
        value={edge.description ?? ''}
        field={`edge:${id}.description`}
        undoLabel="Edit handoff description"
        op={(v) => updateHandoffById(id, { description: v })}
        multiline
        rows={2}
        placeholder="When should the model hand off?"
        hint={`When empty, the model reads ${fallback}`}
      />
      <ToolPreview source={edge.source} index={index} />
      <EdgeBreakpointToggle source={edge.source} target={edge.target} />
      <EdgeRunTrace source={edge.source} target={edge.target} />
      <IssueList issues={mine} />
      <div className="inspector__actions">
        <button
          type="button"
          className="danger"
          onClick={() => store.getState().apply(deleteById([], [id]), { label: 'Delete handoff' })}
        >
          Delete handoff
        </button>
      </div>
    </section>
  );
}

function End(props: {
  label: string;
  value: string;
  names: string[];
  onChange: (v: string) => void;
}) {
  const options = props.names.includes(props.value) ? props.names : [props.value, ...props.names];
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {options.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The handoff tool exactly as the source agent's model receives it. */
export function ToolPreview({ source, index }: { source: string; index: number }) {
  const topology = useDesigner((s) => s.topology);
  const tool = handoffTools(topology, source).find((t) => t.edgeIndex === index);
  return (
    <section className="tool-preview" aria-label="Tool preview">
      <h3>What {source}&apos;s model sees</h3>
      {tool ? (
        <>
          <dl>
            <dt>name</dt>
            <dd>
              <code data-testid="preview-name">{tool.name}</code>
            </dd>
            <dt>description</dt>
            <dd data-testid="preview-description">{tool.description}</dd>
          </dl>
          <pre className="tool-preview__json" aria-label="Parameters">
            {JSON.stringify(tool.parameters, null, 2)}
          </pre>
        </>
      ) : (
        <p className="field__hint">
          This handoff is not offered to the model until its problems are fixed.
        </p>
      )}
    </section>
  );
}
