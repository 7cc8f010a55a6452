/** The app's one designer store (tests and benches create their own with `createDesignerStore`). */
import { newWorkflow } from '../model/editCommon';
import { createDesignerStore } from './designerStore';

/** The designer store of the running app. It starts with an empty workflow until one is loaded. */
export const designerStore = createDesignerStore(newWorkflow());
