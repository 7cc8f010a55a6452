/** MIME type of a palette item being dragged onto the canvas (its data is the template id). */
export const TEMPLATE_MIME = 'application/x-handoff-template';
