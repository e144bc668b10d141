import type { ReactNode } from "react";
import { Icon } from "./Icon.tsx";

/**
 * An assertive live region that is always in the DOM (so screen readers announce
 * what is put in it) and only looks like an alert when it has content.
 */
export function ErrorAlert({
  title,
  message,
  children,
  testId = "error-alert",
}: {
  title?: string;
  message: string | null;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role="alert"
      aria-atomic="true"
      className={message ? "alert alert-error" : "alert-empty"}
      data-testid={testId}
    >
      {message ? (
        <>
          <Icon name="alert" />
          <div>
            {title ? <p className="alert-title">{title}</p> : null}
            <p>{message}</p>
            {children}
          </div>
        </>
      ) : null}
    </div>
  );
}

/** A polite status message (e.g. "You have signed out"). */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className={message ? "alert alert-info" : "alert-empty"}>
      {message ? (
        <>
          <Icon name="check" />
          <p>{message}</p>
        </>
      ) : null}
    </div>
  );
}
