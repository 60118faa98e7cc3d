/// <reference lib="dom" />

/** The message of an API error body (`{ error: { message } }`), or the status line. */
export async function errorMessage(res: Response): Promise<string> {
  try {
    const body = await res.json();
    if (typeof body?.error?.message === "string") return body.error.message;
  } catch { /* not JSON */ }
  return `${res.status} ${res.statusText}`.trim();
}
