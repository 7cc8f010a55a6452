import { unservedModels } from '../../runs';
import { useDesigner } from '../../store/hooks';
import { useProviderModels } from './providerModels';

/**
 * Before Start: the models this workflow would call that the connected endpoint does not list.
 * A warning, not a validation error: the document stays valid (another endpoint may serve them).
 */
export function ModelWarning() {
  const doc = useDesigner((s) => s.doc);
  const { settings, models } = useProviderModels();
  if (!settings || !models) return null;
  const missing = unservedModels(doc, settings, models);
  if (missing.length === 0) return null;
  return (
    <div className="model-warning" role="alert" aria-label="Models not served">
      <b>
        {missing.length === 1 ? 'A model' : 'Models'} this workflow calls{' '}
        {missing.length === 1 ? 'is' : 'are'} not served by the endpoint:
      </b>
      <ul>
        {missing.map((use) => (
          <li key={use.model}>
            <code>{use.model}</code> ({use.agents.join(', ')})
          </li>
        ))}
      </ul>
      Calls to {missing.length === 1 ? 'it' : 'them'} will fail. Choose a listed model in the
      agent&apos;s or the workflow&apos;s Model field, or set one in the provider settings.
    </div>
  );
}
