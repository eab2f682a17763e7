/**
 * `POST /auth/login` and the session check in front of every voucher call.
 *
 * Documented: login with form `username` + `password` answers `session_info` (key valid 336 hours,
 * `session_expires_date` in UTC without offset) and deletes the user's existing sessions; calls carry
 * `X-Spaaza-Session-User-Id` + `X-Spaaza-Session-Key`; `X-Spaaza-MyPrice-App-Hostname` is for end-user
 * logins and must be left out for admin/POS logins; admin logins (API ≥ 1.5.8) need a mailed passcode
 * unless exempt. ASSUMPTIONS: wrong credentials answer HTTP 401; `session_auth_method` is "password"; a
 * MyPrice hostname sent with an admin login or session answers 269 `no_myprice_app` (this simulator hosts no
 * MyPrice apps); the 2FA answer carries only `session_passcode_key` (the passcode step is not simulated).
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { DemoUser } from "./demo-data.ts";
import { E, ok, SpaazaError } from "./errors.ts";
import { formParams } from "./form.ts";
import { newPasscodeKey, newSessionKey, spaazaTime, wholeSeconds } from "./format.ts";
import type { SpaazaState } from "./state.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The admin login whose session made this call (set by the session check). */
    spaazaUser: DemoUser;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseMyPriceHeader(request: FastifyRequest): void {
  if (request.headers["x-spaaza-myprice-app-hostname"] !== undefined) {
    throw new SpaazaError(
      E.noMyPriceApp,
      "No MyPrice app exists for this hostname; leave the header out for admin logins.",
    );
  }
}

export function registerLoginRoute(app: FastifyInstance, state: SpaazaState): void {
  app.post("/auth/login", async (request) => {
    state.stats.logins++;
    const params = formParams(request);
    const username = params.string("username", true)!;
    const password = params.string("password", true)!;
    const user = state.users.get(username);
    if (!user || !sameSecret(password, user.password)) {
      throw new SpaazaError(E.password, "The username or password is incorrect.");
    }
    refuseMyPriceHeader(request);
    if (!user.login2faExempt) {
      const passcodeKey = newPasscodeKey();
      state.passcodeKeys.add(passcodeKey);
      return ok({ session_passcode_key: passcodeKey });
    }
    state.dropSessionsOf(user.userId);
    const key = newSessionKey();
    const expiresAt = wholeSeconds(state.now()) + state.sessionValidityHours * 3_600_000;
    state.sessions.set(key, { userId: user.userId, expiresAt });
    return ok({
      session_info: {
        session_key: key,
        session_key_validity: String(state.sessionValidityHours),
        session_auth_method: "password",
        session_user_id: user.userId,
        session_username: user.username,
        session_expires_date: spaazaTime(expiresAt),
      },
    });
  });
}

/** onRequest hook for the voucher calls: a live session whose user id matches the header. */
export function sessionAuth(state: SpaazaState) {
  return async (request: FastifyRequest): Promise<void> => {
    const userId = String(request.headers["x-spaaza-session-user-id"] ?? "");
    const key = String(request.headers["x-spaaza-session-key"] ?? "");
    const session = key ? state.session(key) : undefined;
    const user = session && String(session.userId) === userId ? state.userById(session.userId) : undefined;
    if (!user) throw new SpaazaError(E.noSession, "No valid session was found for this request.");
    refuseMyPriceHeader(request);
    request.spaazaUser = user;
  };
}
