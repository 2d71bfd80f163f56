import { z } from "zod";
import { signerEmailSchema } from "./signature";

// /my-data's form: the address whose data is asked for. The same schema checks it in
// the browser and in the server action.

export const dataRequestSchema = z.object({ email: signerEmailSchema });

export type DataRequestInput = z.infer<typeof dataRequestSchema>;
