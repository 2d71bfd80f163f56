import { z } from "zod";

/** A refusal the server found (a URL it will not call, a letter gone), as the field error of the shared schema's fields. */
export function webhookFieldError(field: string, message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [field], message, input: undefined }]);
}
