import { getDeliveryPhoto } from "@/lib/deliveries/get-delivery-photo";
import { route } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { isSlug } from "@/lib/validation/letter";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; id: string; digest: string }> };

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// A delivery's photo, as the letter page's timeline shows it. Its address holds its
// digest, so a new photo gets a new address and this one may be kept for a year. An
// image, not the JSON API: a missing letter or photo is a plain 404.
export const GET = route(async (_request: Request, { params }: Context) => {
  const { slug, id, digest } = await params;
  const letter = isSlug(slug) ? await getCachedPublicLetter({ slug }) : null;
  const photo = letter && (await getDeliveryPhoto({ letterId: letter.id, id, digest }));
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.type,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // shown as an image, never as a page of this site
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
