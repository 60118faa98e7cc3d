import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { credentialsSchema, PASSWORD_MIN_LENGTH, signIn, signUp } from "../lib/auth/accounts.ts";
import { revokeSession } from "../lib/db/sessions.ts";
import { AppError } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { SESSION_COOKIE } from "./_middleware/session.ts";
import { Layout } from "./_components/layout.tsx";
import { render } from "./_components/render.ts";
import { localPath } from "./index.tsx";

/**
 * Only same-site paths may be a post-sign-in destination (no open redirect): `localPath` also
 * refuses `/\\host` and `/<tab>/host`, which browsers read as `//host`.
 */
const safeNext = localPath;

function AuthPage(
  props: { mode: "signin" | "signup"; error?: string; email?: string; next: string },
) {
  const signin = props.mode === "signin";
  return (
    <Layout title={signin ? "Sign in" : "Create account"}>
      <h1>{signin ? "Sign in" : "Create your account"}</h1>
      {props.error && <p class="error" role="alert">{props.error}</p>}
      <form
        method="post"
        action={`/${props.mode}?next=${encodeURIComponent(props.next)}`}
        class="stack"
      >
        <label>
          Email{" "}
          <input
            type="email"
            name="email"
            required
            autocomplete="email"
            value={props.email ?? ""}
          />
        </label>
        {
          /* The rule is said before the form is sent, tied to the field (a hint inside the
             label would become part of the field's name). */
        }
        <div class="field">
          <label for="password">Password</label>
          <input
            type="password"
            name="password"
            id="password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            autocomplete={signin ? "current-password" : "new-password"}
            aria-describedby={signin ? undefined : "password-hint"}
          />
          {!signin && (
            <p class="hint" id="password-hint">At least {PASSWORD_MIN_LENGTH} characters.</p>
          )}
        </div>
        <button type="submit">{signin ? "Sign in" : "Create account"}</button>
      </form>
      <p>
        {signin
          ? (
            <>
              No account yet? <a href="/signup">Create one</a>
            </>
          )
          : (
            <>
              Already have an account? <a href="/signin">Sign in</a>
            </>
          )}
      </p>
    </Layout>
  );
}

/** Sign-in, sign-up and sign-out pages (forms; the session goes into an HttpOnly cookie). */
export function authPages(deps: AppDeps) {
  const accounts = {
    db: deps.db,
    tokens: deps.tokens,
    sessionTtlSeconds: deps.config.sessionTtlSeconds,
  };
  const handle = (mode: "signin" | "signup") => async (c: import("hono").Context<AppEnv>) => {
    const form = await c.req.parseBody();
    const next = safeNext(c.req.query("next"));
    const email = typeof form.email === "string" ? form.email : "";
    const parsed = credentialsSchema.safeParse({ email, password: form.password });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return render(
        c,
        <AuthPage
          mode={mode}
          next={next}
          email={email}
          error={`${issue.path.join(".")}: ${issue.message}`}
        />,
        400,
      );
    }
    try {
      const { token } = await (mode === "signin" ? signIn : signUp)(accounts, parsed.data);
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Lax",
        secure: new URL(c.req.url).protocol === "https:" ||
          c.req.header("x-forwarded-proto") === "https",
        path: "/",
        maxAge: deps.config.sessionTtlSeconds,
      });
      return c.redirect(next, 303);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return render(
        c,
        <AuthPage mode={mode} next={next} email={email} error={err.message} />,
        err.status as 400,
      );
    }
  };
  return new Hono<AppEnv>()
    .get(
      "/signin",
      (c) => render(c, <AuthPage mode="signin" next={safeNext(c.req.query("next"))} />),
    )
    .get(
      "/signup",
      (c) => render(c, <AuthPage mode="signup" next={safeNext(c.req.query("next"))} />),
    )
    .post("/signin", handle("signin"))
    .post("/signup", handle("signup"))
    .post("/signout", async (c) => {
      if (c.var.sessionId) await revokeSession(deps.db, c.var.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      // Media are cached privately for a year: drop them from this browser on sign-out.
      c.header("Clear-Site-Data", '"cache"');
      return c.redirect("/signin", 303);
    });
}
