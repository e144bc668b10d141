import { type ReactNode, type SelectHTMLAttributes, useId } from "react";

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "aria-describedby" | "aria-invalid">;

/** A labelled select with an optional hint and an error beside it, wired like components/Field. */
export function SelectField({
  label,
  hint,
  error,
  children,
  ...select
}: SelectProps & { label: string; hint?: string; error?: string | undefined; children: ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        className="field-select"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}
