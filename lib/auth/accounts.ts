import { z } from "zod";
import type { Sql } from "../db/client.ts";
import { createSession, sessionIsActive } from "../db/sessions.ts";
import { createUser, findUserByEmail } from "../db/users.ts";
import { AppError } from "../errors.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import type { TokenSigner } from "./tokens.ts";

/** The shortest password an account may have (the sign-up form says so before it is sent). */
export const PASSWORD_MIN_LENGTH = 8;

/** Sign-up and sign-in body. */
export const credentialsSchema = z.object({
  email: z.email("must be an email address").max(254),
  password: z.string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(1024),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** What account operations need. */
export interface AccountDeps {
  db: Sql;
  tokens: TokenSigner;
  sessionTtlSeconds: number;
}

async function issue(deps: AccountDeps, userId: string) {
  const session = await createSession(deps.db, userId, deps.sessionTtlSeconds);
  return await deps.tokens.sign({ userId, sessionId: session.id }, deps.sessionTtlSeconds);
}

// Verifying against a fixed hash when the email is unknown keeps the timing of both cases alike.
const decoy = hashPassword("decoy password never matches");

/** Creates an account and a session; 409 when the email is taken. Returns the session token. */
export async function signUp(deps: AccountDeps, { email, password }: Credentials) {
  const user = await createUser(deps.db, email.trim(), await hashPassword(password));
  if (!user) throw new AppError(409, "email_taken", "an account with this email already exists");
  return { userId: user.id, token: await issue(deps, user.id) };
}

/** Checks credentials and opens a session; 401 with one message for any mismatch. */
export async function signIn(deps: AccountDeps, { email, password }: Credentials) {
  const user = await findUserByEmail(deps.db, email.trim());
  const ok = await verifyPassword(password, user?.passwordHash ?? await decoy);
  if (!user || !ok) throw new AppError(401, "invalid_credentials", "wrong email or password");
  return { userId: user.id, token: await issue(deps, user.id) };
}

/** Verifies a session token and that its session is still open (logout revokes it). */
export async function authenticate(deps: AccountDeps, token: string) {
  const claims = await deps.tokens.verify(token);
  if (!claims) return null;
  if (!(await sessionIsActive(deps.db, claims.sessionId, claims.userId))) return null;
  return claims;
}
