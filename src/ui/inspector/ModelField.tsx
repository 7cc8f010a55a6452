import { useId, type ComponentProps } from 'react';
import './modelField.css';
import { listedModels, useProviderModels } from '../run/providerModels';
import { DocText } from './fields';

type Props = Omit<ComponentProps<typeof DocText>, 'list' | 'hint' | 'multiline' | 'rows'>;

/**
 * A model name bound to the document: offers the models the connected endpoint lists (a
 * datalist: any name can still be typed) and says when the name is not one of them.
 */
export function ModelField(props: Props) {
  const listId = useId();
  const { models } = useProviderModels();
  const listed = listedModels(models);
  const name = props.value.trim();
  const hint =
    models?.status === 'listed' ? (
      name !== '' && !listed.includes(name) ? (
        <span className="field__warning">
          The connected endpoint does not list &quot;{name}&quot;; runs calling it will fail there.
        </span>
      ) : (
        `${listed.length} model${listed.length === 1 ? '' : 's'} from the connected endpoint; any name can be typed.`
      )
    ) : models?.status === 'error' ? (
      `The endpoint's models could not be listed: ${models.note}`
    ) : undefined;
  return (
    <>
      <DocText {...props} list={listed.length > 0 ? listId : undefined} hint={hint} />
      {listed.length > 0 && (
        <datalist id={listId}>
          {listed.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      )}
    </>
  );
}
