/**
 * A `<dialog>` shown as modal while the component is mounted: focus moves
 * into it, Escape closes it, the page behind is inert. showModal focuses the
 * first field (a link to copy, say); focus goes to the safe choice instead,
 * where a key press should land.
 */
import { useEffect, useRef } from "react";

export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const shown = dialog.current;
    shown?.showModal();
    firstChoice.current?.focus();
    return () => shown?.close();
  }, []);
  return { dialog, firstChoice };
}
