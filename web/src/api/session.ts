/** The web app's sign-in: an HttpOnly cookie the page never sees, and a CSRF token the page reads
 * from the `smile_csrf` cookie and sends back on every change. */
import createClient, { type Middleware } from "openapi-fetch";
import { FIRST_QUESTIONS, takeEarlyAnswer } from "./early";
import type { paths } from "./schema";

export const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function csrfToken(cookies: string = pageCookies()): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === "smile_csrf" && value) return decodeURIComponent(value);
  }
  return undefined;
}

function pageCookies(): string {
  return typeof document === "undefined" ? "" : document.cookie;
}

export function withCsrf(method: string, headers: Headers): Headers {
  const token = csrfToken();
  if (UNSAFE.has(method.toUpperCase()) && token) headers.set(CSRF_HEADER, token);
  return headers;
}

const csrf: Middleware = {
  onRequest({ request }) {
    withCsrf(request.method, request.headers);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "" });
api.use(csrf);

export type Person = paths["/api/v1/me"]["get"]["responses"]["200"]["content"]["application/json"];

export async function signIn(username: string, password: string): Promise<"ok" | "refused"> {
  const { response } = await api.POST("/api/v1/sessions", { body: { username, password } });
  return response.ok ? "ok" : "refused";
}

export async function signOut(): Promise<void> {
  await api.DELETE("/api/v1/sessions");
}

/** Who is signed in; `null` when nobody is (or the session expired); throws when offline. */
export async function whoAmI(): Promise<Person | null> {
  const early = takeEarlyAnswer(FIRST_QUESTIONS.me);
  if (early) {
    const answer = await early;
    if (answer.status === 401) return null;
    if (answer.ok) return (await answer.json()) as Person;
  }
  const { data, response } = await api.GET("/api/v1/me");
  if (response.status === 401) return null;
  if (!data) throw new Error(`GET /api/v1/me answered ${response.status}`);
  return data;
}
