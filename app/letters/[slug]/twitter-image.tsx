import { SHARE_IMAGE_ALT, SHARE_IMAGE_SIZE, shareImage } from "./share-image";

export const dynamic = "force-dynamic";
export const alt = SHARE_IMAGE_ALT;
export const size = SHARE_IMAGE_SIZE;
export const contentType = "image/png";

export default async function TwitterImage({ params }: { params: Promise<{ slug: string }> }) {
  return shareImage((await params).slug);
}
