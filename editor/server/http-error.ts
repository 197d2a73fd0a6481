// An error the API reports to the client as JSON `{ error, message, ...extra }` with an HTTP status.
// Messages are lowercase with user input in backticks; never a stack trace.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad-request', message);
export const notFound = (message: string) => new HttpError(404, 'not-found', message);
