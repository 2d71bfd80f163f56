import { useFormatter, useTranslations } from "next-intl";
import { deliveryPhotoPath, type Delivery } from "@/lib/deliveries/list-deliveries";

/**
 * The letter page's timeline: each delivery ("Delivered to … on …", how, a link and a
 * photo) and the addressee's response under it. Names and texts are as the admin typed
 * them, in whatever language: each takes its own direction (dir="auto").
 */
export function DeliveryTimeline({ slug, deliveries }: { slug: string; deliveries: Delivery[] }) {
  const t = useTranslations("delivery");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  const own = (chunks: React.ReactNode) => <bdi>{chunks}</bdi>;
  return (
    <section aria-labelledby="delivery-heading" className="mt-10" data-testid="delivery-timeline">
      <h2 id="delivery-heading" className="text-xl font-semibold tracking-tight text-stone-900">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <ol className="mt-4 space-y-4 border-s-2 border-brand-100 ps-5">
        {deliveries.map((delivery) => {
          const photo = deliveryPhotoPath(slug, delivery);
          return (
            <li key={delivery.id} className="space-y-4">
              <article aria-labelledby={`delivery-${delivery.id}`} className="rounded-xl border border-stone-200 bg-white p-5">
                <h3 id={`delivery-${delivery.id}`} className="font-semibold text-stone-900">
                  {t.rich("delivered", { name: delivery.deliveredTo, to: own, date: day(delivery.deliveredOn) })}
                </h3>
                <p className="mt-1 text-sm text-stone-700">{t("method", { method: delivery.method })}</p>
                {delivery.note ? <p dir="auto" className="mt-2 whitespace-pre-line text-stone-800">{delivery.note}</p> : null}
                {photo ? (
                  <a href={photo} className="mt-3 block w-fit">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a stored photo with its own cache headers, not an optimisable asset */}
                    <img src={photo} alt={t("photo", { to: delivery.deliveredTo })} loading="lazy" className="max-h-72 min-h-16 w-auto min-w-16 max-w-full rounded-lg border border-stone-200 bg-stone-50 object-contain" />
                  </a>
                ) : null}
                {delivery.link ? (
                  <p className="mt-2 text-sm">
                    <a href={delivery.link} rel="noopener noreferrer nofollow" className="font-medium text-brand-700 hover:underline">
                      {t("moreAbout")}
                    </a>
                  </p>
                ) : null}
              </article>
              {delivery.responseReceivedOn ? (
                <article aria-labelledby={`response-${delivery.id}`} className="rounded-xl border border-emerald-200 bg-emerald-50/60 p-5">
                  <h3 id={`response-${delivery.id}`} className="font-semibold text-stone-900">
                    {t.rich("responseReceived", { name: delivery.responseFrom ?? "", from: own, date: day(delivery.responseReceivedOn) })}
                  </h3>
                  <div dir="auto" className="mt-2 space-y-3 text-stone-800">
                    {(delivery.responseText ?? "").split(/\n\s*\n/).map((paragraph, i) => (
                      <p key={i} className="whitespace-pre-line">{paragraph.trim()}</p>
                    ))}
                  </div>
                </article>
              ) : (
                <p className="text-sm text-stone-600">{t("awaitingResponse")}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
