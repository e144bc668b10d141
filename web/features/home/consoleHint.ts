/**
 * Whether this browser last showed an operator's console at `/`. The home does not wait for the
 * session call before it renders the citizen home (a round trip on a slow network), except when the
 * last session here was an operator's: then it waits, so the console does not flash the citizen page.
 */
const KEY = "lumbung.console";

export function lastSessionWasOperator(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

export function rememberOperator(operator: boolean): void {
  try {
    if (operator) window.localStorage.setItem(KEY, "1");
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the home waits for nothing and may flash once for operators.
  }
}
