import { useState } from "preact/hooks";
import { signIn } from "../api/session";
import { useT } from "../i18n";

interface Props {
  expired: boolean;
  onSignedIn: () => Promise<void>;
}

export function SignInScreen({ expired, onSignedIn }: Props) {
  const { t } = useT();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(expired ? t("signInAgain") : null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      if ((await signIn(username.trim(), password)) === "ok") await onSignedIn();
      else setProblem(t("signInRefused"));
    } catch {
      setProblem(t("signInOffline"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("signInTitle")}</h1>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <label for="username">{t("username")}</label>
      <input
        id="username"
        name="username"
        autocomplete="username"
        required
        value={username}
        onInput={(event) => {
          setUsername(event.currentTarget.value);
        }}
      />
      <label for="password">{t("password")}</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(event) => {
          setPassword(event.currentTarget.value);
        }}
      />
      <button type="submit" disabled={busy}>
        {t("signIn")}
      </button>
    </form>
  );
}
