import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import {
  DEFAULT_LANG,
  isLang,
  type Lang,
  type MessageKey,
  type Params,
  translate,
  translateDynamic,
} from "./i18n.ts";

const LANG_KEY = "lumbung.lang";
const A11Y_KEY = "lumbung.a11y";

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the preference lasts for this page only.
  }
}

export function initialLang(): Lang {
  const stored = readStorage(LANG_KEY);
  return isLang(stored) ? stored : DEFAULT_LANG;
}

function prefersMoreContrast(): boolean {
  try {
    return (
      window.matchMedia("(prefers-contrast: more)").matches ||
      window.matchMedia("(forced-colors: active)").matches
    );
  } catch {
    return false;
  }
}

/**
 * Easy reading (large text, high contrast, bigger targets, no motion): the person's own choice when
 * they made one on this device, else on when the system asks for more contrast. (Reduced motion on
 * its own is honoured by the style sheet without switching the whole mode on.)
 */
export function initialA11y(): boolean {
  const stored = readStorage(A11Y_KEY);
  if (stored === "1") return true;
  if (stored === "0") return false;
  return prefersMoreContrast();
}

/** Apply the stored preferences to <html> before React renders, so nothing flashes. */
export function applyStoredPreferences(): void {
  const root = document.documentElement;
  root.lang = initialLang();
  root.classList.toggle("a11y", initialA11y());
}

interface Preferences {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Translate a key built at run time, with a fallback when it is unknown. */
  td: (key: string, fallback: string) => string;
  a11y: boolean;
  setA11y: (on: boolean) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [a11y, setA11yState] = useState<boolean>(initialA11y);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    document.documentElement.classList.toggle("a11y", a11y);
  }, [a11y]);

  const setLang = useCallback((next: Lang) => {
    writeStorage(LANG_KEY, next);
    setLangState(next);
  }, []);

  const setA11y = useCallback((on: boolean) => {
    writeStorage(A11Y_KEY, on ? "1" : "0");
    setA11yState(on);
  }, []);

  const value = useMemo<Preferences>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      td: (key, fallback) => translateDynamic(lang, key, fallback),
      a11y,
      setA11y,
    }),
    [lang, setLang, a11y, setA11y],
  );

  return <PreferencesContext value={value}>{children}</PreferencesContext>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error("usePreferences must be used inside <PreferencesProvider>");
  return value;
}

/** Sets document.title as "<page> · Lumbung". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Lumbung` : "Lumbung";
  }, [title]);
}
