import { useEffect, useState } from "preact/hooks";

/** Move the keyboard focus to a control added by a button, once it is on the page. */
export function useFocusAfterAdding(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; times: number } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return (id: string) => {
    setTarget((last) => ({ id, times: (last?.times ?? 0) + 1 }));
  };
}
