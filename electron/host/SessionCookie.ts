// The cookie a browser receives in exchange for the access token. It holds a random id made for
// this run, never the token: cookies ignore ports, so a browser sends them to any other server on
// the same address, and whatever they carry must be worthless there and after a restart.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** What a request's Cookie header says about this run's session. */
export type SessionCookieCheck = 'valid' | 'absent' | 'malformed' | 'unknown';

const SESSION_ID_BYTES = 32;
/** base64url of 32 bytes, without padding. */
const SESSION_ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** One run's session cookie: its name, the header that sets it, and the check of a request. */
export class SessionCookie {
  /** The cookie's name; it carries the port so that two hosts on one machine keep apart. */
  readonly name: string;
  private readonly sessionId = randomBytes(SESSION_ID_BYTES).toString('base64url');

  constructor(
    port: number,
    private readonly secure: boolean,
  ) {
    // Over TLS, the __Host- prefix makes browsers refuse the cookie unless it is Secure, has
    // Path=/ and no Domain, so a plain-HTTP page on the same name cannot plant or replace it.
    this.name = `${secure ? '__Host-' : ''}rounds_session_${port}`;
  }

  /** The Set-Cookie value that hands this run's session to a browser. */
  get setCookieHeader(): string {
    const secure = this.secure ? '; Secure' : '';
    return `${this.name}=${this.sessionId}; Path=/; HttpOnly; SameSite=Strict${secure}`;
  }

  /** Looks for this session among a request's cookies; other servers' cookies are ignored. */
  check(cookieHeader: string | undefined): SessionCookieCheck {
    let result: SessionCookieCheck = 'absent';
    for (const value of this.valuesIn(cookieHeader ?? '')) {
      if (!SESSION_ID_SHAPE.test(value)) result = result === 'absent' ? 'malformed' : result;
      else if (this.matches(value)) return 'valid';
      else result = 'unknown';
    }
    return result;
  }

  private *valuesIn(cookieHeader: string): Generator<string> {
    for (const part of cookieHeader.split(';')) {
      const separator = part.indexOf('=');
      if (separator !== -1 && part.slice(0, separator).trim() === this.name) {
        yield part.slice(separator + 1).trim();
      }
    }
  }

  private matches(candidate: string): boolean {
    return timingSafeEqual(Buffer.from(candidate), Buffer.from(this.sessionId));
  }
}
