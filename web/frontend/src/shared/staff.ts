import { claimsOf, request } from './http';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

/** Renewed this long before it expires, so that no call leaves with a token about to be refused. */
const MARGIN_MS = 60_000;

/**
 * A staff member signed in on this device (a kitchen tablet, the owner's laptop): the access token, renewed with the
 * rotating refresh token when it is about to expire; both kept so that a reload does not sign out.
 */
export class StaffSession {
  private renewing: Promise<string> | null = null;

  private constructor(private readonly key: string, private tokens: Tokens) {}

  /** The session kept on this device for this app, if any. */
  static kept(key: string): StaffSession | null {
    const kept = localStorage.getItem(key);
    return kept ? new StaffSession(key, JSON.parse(kept) as Tokens) : null;
  }

  static async signIn(key: string, email: string, password: string): Promise<StaffSession> {
    const answer = await request<TokenResponse>('/api/v1/auth/login', { method: 'POST', body: { email, password } });
    const session = new StaffSession(key, StaffSession.tokensOf(answer));
    session.keep();
    return session;
  }

  get tenant(): string {
    return String(claimsOf(this.tokens.accessToken).tid);
  }

  get roles(): string[] {
    const roles = claimsOf(this.tokens.accessToken).roles;
    return Array.isArray(roles) ? roles.map(String) : [];
  }

  /** A token valid for at least a minute: the current one, or a renewed one. */
  async token(): Promise<string> {
    if (this.tokens.expiresAt - MARGIN_MS > Date.now()) {
      return this.tokens.accessToken;
    }
    this.renewing ??= this.renew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  async signOut(): Promise<void> {
    try {
      await request('/api/v1/auth/logout', { method: 'POST', token: this.tokens.accessToken });
    } finally {
      localStorage.removeItem(this.key);
    }
  }

  private async renew(): Promise<string> {
    try {
      const answer = await request<TokenResponse>('/api/v1/auth/refresh', {
        method: 'POST', body: { refreshToken: this.tokens.refreshToken },
      });
      this.tokens = StaffSession.tokensOf(answer);
      this.keep();
      return this.tokens.accessToken;
    } catch (error) {
      localStorage.removeItem(this.key);
      throw error;
    }
  }

  private keep(): void {
    localStorage.setItem(this.key, JSON.stringify(this.tokens));
  }

  private static tokensOf(answer: TokenResponse): Tokens {
    return { accessToken: answer.accessToken, refreshToken: answer.refreshToken, expiresAt: Date.now() + answer.expiresIn * 1000 };
  }
}
