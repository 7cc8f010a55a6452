import { useEffect, useState } from 'react';
import { dropFile } from '../run/traceDrop';
import { useApp } from '../../app/appContext';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Dropping a file anywhere on the page (the canvas is the big target) opens the import dialog
 * with it (a framework trace opens the trace import dialog: ../run/traceDrop.ts). Only drags that carry files are taken (the palette's drags pass through). Returns
 * whether a file is being dragged over the page, for the overlay.
 */
export function useFileDrop(): boolean {
  const app = useApp();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      const file = files[0];
      if (!file) return;
      if (files.length > 1) app.say(`Importing ${file.name} (one file at a time).`);
      void dropFile(app, file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, [app]);
  return over;
}
