/** An RFC 9457 problem the API answered, with its field errors where it gives them. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly type: string | undefined,
    readonly body: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }

  /** The API asks to try again later (an outage, a full kitchen, too many requests). */
  get retryable(): boolean {
    return this.status === 429 || this.status === 503;
  }
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: the status says enough
  }
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  return new ApiProblem(response.status, text('title') ?? response.statusText, text('detail'), text('type'), body);
}
