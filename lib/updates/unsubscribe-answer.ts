import { z } from "zod";

/** What a one-click unsubscribe answers (app/api/unsubscribe): the route and the API document share it. */
export const unsubscribeAnswerSchema = z.object({ status: z.literal("unsubscribed") });
export type UnsubscribeAnswer = z.infer<typeof unsubscribeAnswerSchema>;
