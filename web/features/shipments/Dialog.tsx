import { type ReactNode, useEffect, useId, useRef } from "react";
import { usePreferences } from "../../lib/preferences.tsx";

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it and
 * focus returns to the button that opened it. Rendered only while open.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = usePreferences();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="sh-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="sh-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t("shipments.close")}
        </button>
      </div>
      {children}
    </dialog>
  );
}
